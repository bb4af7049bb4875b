# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from functools import partial

from odoo import api, fields, models

from ..tools.phone import normalize_phone

# A number in E.164, computed with the others from the record's own numbers, stored to match on.
_phone_key = partial(
    fields.Char, compute="_compute_adv_phone_keys", store=True, index="btree_not_null"
)


class AdvPhoneMixin(models.AbstractModel):
    """The keys a record is found by from a phone number: its phone and mobile in E.164
    (stored, indexed), whatever the way they were typed. For models with ``phone``, ``mobile``
    and ``country_id`` fields (partners; trade shows add leads)."""

    _name = "adv.phone.mixin"
    _description = "Phone numbers in E.164"

    adv_phone_e164 = _phone_key(string="Phone (E.164)")
    adv_mobile_e164 = _phone_key(string="Mobile (E.164)")

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
