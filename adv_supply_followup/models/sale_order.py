# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    adv_impact_ids = fields.One2many(
        comodel_name="adv.supply.impact",
        inverse_name="sale_order_id",
        string="Supply delays",
        groups="adv_supply_followup.group_supply_followup",
    )
    adv_impact_pending_ids = fields.Many2many(
        comodel_name="adv.supply.impact",
        compute="_compute_adv_impact_pending_ids",
        string="Delays to tell the customer",
    )

    def _compute_adv_impact_pending_ids(self):
        impacts = (
            self.env["adv.supply.impact"]
            .sudo()
            .search([("sale_order_id", "in", self.ids), ("date_notified", "=", False)])
        )
        for order in self:
            order.adv_impact_pending_ids = impacts.filtered(lambda i, o=order: i.sale_order_id == o)
