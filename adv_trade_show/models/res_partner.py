# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import create_index

from ..tools.normalize import normalize_phone


class ResPartner(models.Model):
    _inherit = "res.partner"

    adv_phone_e164 = fields.Char(
        string="Phone (E.164)",
        compute="_compute_adv_phone_keys",
        store=True,
        index="btree_not_null",
    )
    adv_mobile_e164 = fields.Char(
        string="Mobile (E.164)",
        compute="_compute_adv_phone_keys",
        store=True,
        index="btree_not_null",
    )

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

    def init(self):
        res = super().init()
        # Trade-show matching looks partners up by exact normalised e-mail.
        create_index(
            self.env.cr,
            "res_partner_adv_email_normalized_idx",
            self._table,
            ["email_normalized"],
            where="email_normalized IS NOT NULL",
        )
        return res

    @api.depends("phone", "mobile", "country_id")
    def _compute_adv_phone_keys(self):
        for partner in self:
            country = partner.country_id or self.env.company.country_id
            partner.adv_phone_e164 = normalize_phone(
                partner.phone, country.code, country.phone_code
            )
            partner.adv_mobile_e164 = normalize_phone(
                partner.mobile, country.code, country.phone_code
            )
