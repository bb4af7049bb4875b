# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .adv_supply_chase import document_chase_count


class StockPicking(models.Model):
    _inherit = "stock.picking"

    adv_pod_date = fields.Date(
        string="Proof of delivery",
        copy=False,
        help="Delivery date confirmed by the carrier's proof of delivery.",
    )
    adv_chase_ids = fields.One2many(
        comodel_name="adv.supply.chase", inverse_name="picking_id", string="Chases"
    )
    adv_chase_count = document_chase_count()

    def _compute_adv_chase_count(self):
        counts = self.env["adv.supply.chase"]._adv_count_by("picking_id", self)
        for picking in self:
            picking.adv_chase_count = counts.get(picking, 0)

    def action_adv_chases(self):
        return self.env["adv.supply.chase"]._adv_chases_action([("picking_id", "in", self.ids)])
