# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.tools import create_index


class ResPartner(models.Model):
    """The partner's phone and mobile in E.164, stored and indexed: the customer desk finds a
    caller by an exact (or, while the number is typed, a prefix) index lookup, whatever the way
    the number was written on the partner. ``adv_trade_show`` matches visitors on the same keys."""

    _name = "res.partner"
    _inherit = ["res.partner", "adv.phone.mixin"]

    def init(self):
        res = super().init()
        # Prefix lookups while a number is typed (LIKE '+33612%'): a pattern index, since the
        # database's collation is not C.
        for column in ("adv_phone_e164", "adv_mobile_e164"):
            create_index(
                self.env.cr,
                f"res_partner_{column}_prefix_idx",
                self._table,
                [f"{column} varchar_pattern_ops"],
                where=f"{column} IS NOT NULL",
            )
        if self.env.registry.has_trigram:
            # The desk finds a caller by any part of their name (Odoo's index on the name is a
            # btree, of no use for ILIKE '%...%').
            create_index(
                self.env.cr,
                "res_partner_complete_name_trgm_idx",
                self._table,
                ["complete_name gin_trgm_ops"],
                method="gin",
            )
        return res
