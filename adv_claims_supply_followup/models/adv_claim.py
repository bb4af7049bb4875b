# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from markupsafe import Markup

from odoo import Command, api, models

from ..tools.delay_link import delay_link, union_link


class AdvClaim(models.Model):
    _inherit = "adv.claim"

    adv_delay_chase_ids = delay_link(
        "adv.supply.chase",
        "claim_id",
        "chase_id",
        "Supply delays",
        "The supply chases whose late receipt put this claim's order at risk.",
    )
    adv_chase_ids, adv_chase_count = union_link(
        "adv.supply.chase",
        "Supply chases",
        "Number of supply chases",
        "The chases of the delays behind this claim and of its back-charges.",
        "_compute_adv_chase_ids",
    )

    @api.depends("adv_delay_chase_ids", "remedy_ids.adv_chase_id")
    def _compute_adv_chase_ids(self):
        for claim in self:
            claim.adv_chase_ids = claim.adv_delay_chase_ids | claim.remedy_ids.adv_chase_id
            claim.adv_chase_count = len(claim.adv_chase_ids)

    def _adv_documents_changed(self):
        """A claim whose documents were set or changed is linked to the delays behind them."""
        result = super()._adv_documents_changed()
        self._adv_link_delay_chases(replace=True)
        return result

    def action_adv_chases(self):
        self.ensure_one()
        return self.env["adv.supply.chase"]._adv_chases_action(
            [("id", "in", self.adv_chase_ids.ids)]
        )

    # ------------------------------------------------------------
    # Delays that became claims
    # ------------------------------------------------------------

    def _adv_sale_orders(self):
        """``{claim id: sale order ids}`` the claim is about: its order, its delivery's order,
        its invoice's orders."""
        result = {}
        for claim in self.sudo():
            orders = (
                claim.sale_order_id
                | claim.picking_id.sale_id
                | claim.invoice_id.invoice_line_ids.sale_line_ids.order_id
            )
            result[claim.id] = set(orders.ids)
        return result

    def _adv_link_delay_chases(self, replace=False):
        """Link the claims to the chases whose customer impact names their order (the chase
        of a late receipt that put the order at risk), with a note on each chase.

        Set-based: one search of the impact rows for the whole batch. ``replace`` (the
        claim's documents changed) drops the links to chases that no longer concern it;
        otherwise links are only added (a chase recomputes its impact rows: the claim keeps
        the delay that was)."""
        orders_by_claim = self._adv_sale_orders()
        order_ids = set().union(*orders_by_claim.values()) if orders_by_claim else set()
        chases_by_order = defaultdict(set)
        if order_ids:
            for order, chases in (
                self.env["adv.supply.impact"]
                .sudo()
                ._read_group(
                    [("sale_order_id", "in", list(order_ids))],
                    ["sale_order_id"],
                    ["chase_id:recordset"],
                )
            ):
                chases_by_order[order.id].update(chases.ids)
        claims = self.sudo().with_context(tracking_disable=True)
        current = {claim.id: set(claim.adv_delay_chase_ids.ids) for claim in claims}
        # Claims sharing the same change are written together.
        changes = defaultdict(list)
        added = defaultdict(list)
        for claim in claims:
            wanted = set()
            for order_id in orders_by_claim[claim.id]:
                wanted |= chases_by_order[order_id]
            to_add = wanted - current[claim.id]
            to_drop = current[claim.id] - wanted if replace else set()
            if to_add or to_drop:
                changes[frozenset(to_add), frozenset(to_drop)].append(claim.id)
            for chase_id in to_add:
                added[chase_id].append(claim.id)
        for (to_add, to_drop), claim_ids in changes.items():
            claims.browse(claim_ids).write(
                {
                    "adv_delay_chase_ids": [Command.link(i) for i in sorted(to_add)]
                    + [Command.unlink(i) for i in sorted(to_drop)]
                }
            )
        if added:
            self._adv_post_delay_notes(added)

    def _adv_post_delay_notes(self, added):
        """A note on each chase (``{chase id: claim ids}``) naming the claims its delay caused."""
        chases = self.env["adv.supply.chase"].sudo().browse(list(added))
        claims = self.sudo().browse({i for ids in added.values() for i in ids})
        for chase in chases:
            links = [
                claim._get_html_link(title=f"{claim.name} ({claim.partner_id.display_name})")
                for claim in claims.browse(added[chase.id])
            ]
            chase.message_post(
                body=self.env._(
                    "This delay became a customer claim: %(claims)s.",
                    claims=Markup(", ").join(links),
                ),
                author_id=self.env.user.partner_id.id,
                subtype_xmlid="mail.mt_note",
            )
