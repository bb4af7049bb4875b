# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class AdvDunningNotice(models.Model):
    _inherit = "adv.dunning.notice"

    @api.model
    def _level_channels(self):
        """One more channel, last: the level's "put the customer on credit hold"."""
        return [*super()._level_channels(), ("credit_hold", "_channel_credit_hold", False)]

    def _channel_credit_hold(self):
        """Order control's hold: the customer's next orders are blocked until a credit
        controller lifts it."""
        for notice in self:
            notice.partner_id.sudo()._adv_set_credit_hold(
                notice.env._("Dunning level %(level)s reached", level=notice.level_id.name),
                company=notice.company_id,
            )
