# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.tools import create_index


class AdvTradeShowMatchMixin(models.AbstractModel):
    """The keys a visitor is looked up by among the partners and the leads: an exact index on
    the normalised e-mail (the model's own ``email_normalized``); the phone and mobile in E.164
    are adv_base's ``adv.phone.mixin`` (stored, indexed), which partners have from adv_base and
    leads inherit next to this mixin. For models with an ``email_normalized`` field."""

    _name = "adv.trade.show.match.mixin"
    _description = "Trade Show Visitor Matching Keys"

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
