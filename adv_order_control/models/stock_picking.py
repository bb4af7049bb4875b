# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        outgoing = self.filtered(
            lambda p: p.picking_type_code == "outgoing" and p.company_id.adv_recheck_delivery
        )
        if outgoing.sale_id:
            outgoing.sale_id._adv_recheck(self.env._("delivery"))
        return super()._action_done()
