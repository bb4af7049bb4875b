# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The customer desk's claims part: a caller found by a claim reference, their open claims
with their clocks (acknowledge by, resolve by, late), and a claim filed from the desk with the
customer and the order prefilled."""

from odoo import fields, models

from odoo.addons.adv_base.tools import desk

from .adv_claim import CLOSED_STATES

MAX_CLAIMS = 20


class AdvCustomerDesk(models.AbstractModel):
    _inherit = "adv.customer.desk"

    def _adv_desk_find(self, term, limit):
        matches = super()._adv_desk_find(term, limit)
        if not self._adv_desk_can_read("adv.claim"):
            return matches
        claims = self.env["adv.claim"].search(
            [("name", "ilike", term)], limit=limit, order="id desc"
        )
        return matches + [
            self._adv_desk_match(claim.partner_id, "reference", claim.name, claim)
            for claim in claims
        ]

    def _adv_desk_sections(self, customer):
        sections = super()._adv_desk_sections(customer)
        if not self._adv_desk_can_read("adv.claim"):
            return sections
        sections["claims"] = self._adv_desk_claims_section(customer)
        if self.env["adv.claim"].has_access("create") and "orders" in sections:
            # A claim about an order, filed from the order's card.
            for row in sections["orders"]["rows"]:
                row["actions"].append(desk.action("claim", self.env._("File a claim"), row["id"]))
        return sections

    def _adv_desk_actions(self):
        return {**super()._adv_desk_actions(), "claim": "_adv_desk_action_claim"}

    def _adv_desk_claims_section(self, customer):
        env = self.env
        claims = env["adv.claim"].search(
            [("partner_id", "child_of", customer.ids), ("state", "not in", CLOSED_STATES)],
            limit=MAX_CLAIMS,
            order="date_claim desc, id desc",
        )
        now = fields.Datetime.now()
        states = dict(env["adv.claim"]._fields["state"]._description_selection(env))
        rows = [self._adv_desk_claim_row(claim, states, now.date()) for claim in claims]
        actions = []
        if env["adv.claim"].has_access("create"):
            actions.append(desk.action("claim", env._("File a claim")))
        return desk.section(
            "claims", env._("Open claims"), 40, rows, actions=actions, empty=env._("No open claim.")
        )

    def _adv_desk_claim_row(self, claim, states, today):
        env = self.env
        badges = [desk.badge(states[claim.state], "info")]
        if claim.is_late:
            badges.append(desk.badge(env._("Late"), "danger"))
        # The clock that runs: acknowledgement first, then resolution.
        label, clock = (
            (env._("Resolve by"), claim.resolution_deadline)
            if claim.date_ack
            else (env._("Acknowledge by"), claim.ack_deadline)
        )
        when = clock and clock.date()
        return desk.row(
            claim,
            claim.name,
            claim.subject,
            badges=badges,
            details=[
                desk.detail(env._("Order"), claim.sale_order_id.name),
                desk.detail(
                    label, when and f"{desk.fdate(env, when)} ({desk.days_from(env, today, when)})"
                ),
                desk.detail(env._("Handler"), claim.user_id.name),
            ],
        )

    def _adv_desk_action_claim(self, customer, res_id=False):
        """A new claim of the customer, about the order ``res_id`` when given (one the user may
        read); the claim's own rules apply when it is saved."""
        context = {"default_partner_id": customer.id, "default_channel": "phone"}
        if res_id:
            order = self.env["sale.order"].browse(res_id).exists()
            if order:
                order.check_access("read")
                context["default_sale_order_id"] = order.id
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("File a claim"),
            "res_model": "adv.claim",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": context,
        }
