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
