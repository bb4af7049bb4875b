# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    adv_claim_count = fields.Integer(
        string="Claims", compute="_compute_adv_claim_count", groups="adv_base.group_user"
    )

    def _compute_adv_claim_count(self):
        counts = self.env["adv.claim"]._adv_claim_counts("picking_id", self.ids)
        for record in self:
            record.adv_claim_count = counts.get(record.id, 0)

    def action_view_adv_claims(self):
        """The claims on this document; a new one starts from it."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("adv_claims.adv_claim_action")
        action["domain"] = [("picking_id", "=", self.id)]
        action["context"] = {
            "default_picking_id": self.id,
            "default_partner_id": self.partner_id.commercial_partner_id.id,
            "default_company_id": self.company_id.id,
        }
        return action

    def action_new_adv_claim(self):
        self.ensure_one()
        action = self.action_view_adv_claims()
        action.update({"views": [(False, "form")], "view_mode": "form", "target": "current"})
        return action
