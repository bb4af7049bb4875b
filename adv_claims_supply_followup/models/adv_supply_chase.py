# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from odoo.addons.adv_claims.models.adv_claim import CLOSED_STATES

from ..tools.delay_link import SUPPLY_GROUP, delay_link, union_link


class AdvSupplyChase(models.Model):
    _inherit = "adv.supply.chase"

    adv_back_charge_ids = fields.One2many(
        comodel_name="adv.claim.remedy",
        inverse_name="adv_chase_id",
        string="Back-charges",
        readonly=True,
        groups=SUPPLY_GROUP,
        help="The claims' back-charges this chase gets the carrier or supplier to accept.",
    )
    adv_delay_claim_ids = delay_link(
        "adv.claim",
        "chase_id",
        "claim_id",
        "Claims caused",
        "The customer claims on orders this delay put at risk.",
    )
    adv_claim_ids, adv_claim_count = union_link(
        "adv.claim",
        "Claims",
        "Number of claims",
        "The claims this chase follows up a back-charge of, or that its delay caused.",
        "_compute_adv_claim_ids",
        search="_search_adv_claim_ids",
    )

    @api.depends("adv_back_charge_ids.claim_id", "adv_delay_claim_ids")
    def _compute_adv_claim_ids(self):
        for chase in self:
            chase.adv_claim_ids = chase.adv_back_charge_ids.claim_id | chase.adv_delay_claim_ids
            chase.adv_claim_count = len(chase.adv_claim_ids)

    def _search_adv_claim_ids(self, operator, value):
        if operator in ("=", "!=") and value is False:
            # "has no claim" is both relations empty; "has a claim" either one set.
            if operator == "=":
                return [("adv_back_charge_ids", "=", False), ("adv_delay_claim_ids", "=", False)]
            return [
                "|",
                ("adv_back_charge_ids", "!=", False),
                ("adv_delay_claim_ids", "!=", False),
            ]
        return [
            "|",
            ("adv_back_charge_ids.claim_id", operator, value),
            ("adv_delay_claim_ids", operator, value),
        ]

    def action_adv_claims(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("adv_claims.adv_claim_action")
        action["domain"] = [("id", "in", self.adv_claim_ids.ids)]
        action["context"] = {}
        return action

    def _apply_answer(self, date_promised, comment):
        """A back-charge chase's answer is the carrier's or supplier's word on the
        back-charge: it goes to the claims, and moves no purchase date."""
        self.ensure_one()
        back_charges = self.sudo().adv_back_charge_ids
        if not back_charges:
            return super()._apply_answer(date_promised, comment)
        for claim in back_charges.claim_id:
            claim.message_post(
                body=self.env._(
                    "%(partner)s answered the back-charge chase %(chase)s: %(answer)s",
                    partner=self.partner_id.display_name,
                    chase=self.display_name,
                    answer=comment or date_promised,
                ),
                author_id=self.env.user.partner_id.id,
                subtype_xmlid="mail.mt_note",
            )
        if self.kind != "other":
            return super()._apply_answer(date_promised, comment)
        return None

    def _adv_impacts_published(self, impacts):
        """A claim already open on an order the delay now puts at risk gets linked too."""
        result = super()._adv_impacts_published(impacts)
        order_ids = impacts.sale_order_id.ids
        if order_ids:
            claims = (
                self.env["adv.claim"]
                .sudo()
                .search(
                    [
                        ("state", "not in", CLOSED_STATES),
                        "|",
                        "|",
                        ("sale_order_id", "in", order_ids),
                        ("picking_id.sale_id", "in", order_ids),
                        ("invoice_id.invoice_line_ids.sale_line_ids.order_id", "in", order_ids),
                    ]
                )
            )
            claims._adv_link_delay_chases()
        return result
