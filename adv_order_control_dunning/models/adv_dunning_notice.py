# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class AdvDunningNotice(models.Model):
    _inherit = "adv.dunning.notice"

    def _execute_channels(self):
        """A level with "put the customer on credit hold" sets order control's hold: their
        next orders are blocked until a credit controller lifts it."""
        res = super()._execute_channels()
        for notice in self.filtered(lambda n: n.level_id.credit_hold):
            notice.partner_id.sudo()._adv_set_credit_hold(
                self.env._("Dunning level %(level)s reached", level=notice.level_id.name),
                company=notice.company_id,
            )
        return res
