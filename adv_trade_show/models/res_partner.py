# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "adv.trade.show.match.mixin"]

    adv_consent_count = fields.Integer(
        string="Visitor Consents",
        compute="_compute_adv_consent_count",
        groups="adv_trade_show.group_show_manager",
    )

    def _compute_adv_consent_count(self):
        counts = dict(
            self.env["adv.trade.show.consent"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.adv_consent_count = counts.get(partner, 0)

    def action_view_adv_consents(self):
        """The consent evidence of this contact (by partner or e-mail), ready to export."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "adv_trade_show.adv_trade_show_consent_action"
        )
        domain = [("partner_id", "=", self.id)]
        if self.email_normalized:
            domain = ["|", ("email_normalized", "=", self.email_normalized)] + domain
        action["domain"] = domain
        return action
