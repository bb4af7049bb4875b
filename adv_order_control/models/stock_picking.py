# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

from .sale_order import _adv_tx_state


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        outgoing = self.filtered(
            lambda p: p.picking_type_code == "outgoing" and p.company_id.adv_recheck_delivery
        )
        if outgoing.sale_id:
            outgoing.sale_id._adv_recheck(self.env._("delivery"))
        # While the goods leave, the lines Odoo adds to the order (delivery cost, extra
        # products) are re-checked and logged, never refused: see ``sale_order_gate``.
        state = _adv_tx_state(self.env)
        state["stock_flow"] += 1
        try:
            return super()._action_done()
        finally:
            state["stock_flow"] -= 1
            if not state["stock_flow"]:
                state["stock_logged"].clear()
