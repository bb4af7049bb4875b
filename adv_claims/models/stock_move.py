# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class StockMove(models.Model):
    _inherit = "stock.move"

    @api.depends_context("adv_claim_move_name")
    def _compute_display_name(self):
        """On a claimed line (context ``adv_claim_move_name``), a delivered move reads as the
        handler knows it: the delivery, the product and the quantity delivered, not Odoo's
        locations."""
        if not self.env.context.get("adv_claim_move_name"):
            return super()._compute_display_name()
        for move in self:
            move.display_name = (
                f"{move.reference or ''} - {move.product_id.display_name} "
                f"({move.quantity:g} {move.product_uom.name})"
            )
        return None

    @api.model
    def _search_display_name(self, operator, value):
        """On a claimed line, a delivered move is found by its delivery or its product."""
        if not self.env.context.get("adv_claim_move_name") or operator not in ("ilike", "="):
            return super()._search_display_name(operator, value)
        return ["|", ("reference", operator, value), ("product_id", operator, value)]
