# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from functools import partial

from odoo import api, fields, models
from odoo.tools import create_index

from ..tools.normalize import normalize_phone

# A number in E.164, computed with the others from the record's own numbers, stored to match on.
_phone_key = partial(
    fields.Char, compute="_compute_adv_phone_keys", store=True, index="btree_not_null"
)


class AdvTradeShowMatchMixin(models.AbstractModel):
    """The keys a visitor is looked up by among the partners and the leads: phone and mobile
    in E.164 (stored, indexed) and an exact index on the normalised e-mail (the model's own
    ``email_normalized``). For models with ``phone``, ``mobile``, ``country_id`` and
    ``email_normalized`` fields."""

    _name = "adv.trade.show.match.mixin"
    _description = "Trade Show Visitor Matching Keys"

    adv_phone_e164 = _phone_key(string="Phone (E.164)")
    adv_mobile_e164 = _phone_key(string="Mobile (E.164)")

    def init(self):
        res = super().init()
        if not self._abstract:
            # Matching looks visitors up by exact normalised e-mail.
            create_index(
                self.env.cr,
                f"{self._table}_adv_email_normalized_idx",
                self._table,
                ["email_normalized"],
                where="email_normalized IS NOT NULL",
            )
        return res

    @api.depends("phone", "mobile", "country_id")
    def _compute_adv_phone_keys(self):
        for record in self:
            country = record._adv_phone_country()
            record.adv_phone_e164 = normalize_phone(record.phone, country.code, country.phone_code)
            record.adv_mobile_e164 = normalize_phone(
                record.mobile, country.code, country.phone_code
            )

    def _adv_phone_country(self):
        """Hook: the country of a number typed without its international prefix."""
        self.ensure_one()
        return self.country_id or self.env.company.country_id
