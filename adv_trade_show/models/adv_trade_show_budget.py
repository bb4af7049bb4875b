# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

BUDGET_CATEGORY = [
    ("space", "Space and stand"),
    ("transport", "Transport"),
    ("travel", "Travel and accommodation"),
    ("marketing", "Marketing material"),
    ("catering", "Catering"),
    ("other", "Other"),
]


class AdvTradeShowBudget(models.Model):
    _name = "adv.trade.show.budget"
    _description = "Trade Show Budget Line"
    _order = "show_id, sequence, id"
    _check_company_auto = True

    show_id = fields.Many2one(
        comodel_name="adv.trade.show", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="show_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="show_id.currency_id")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Item", required=True)
    category = fields.Selection(BUDGET_CATEGORY, default="other", required=True)
    planned_amount = fields.Monetary(string="Planned")
    actual_amount = fields.Monetary(string="Actual")
    difference = fields.Monetary(compute="_compute_difference", help="Actual - planned.")

    def _compute_difference(self):
        for line in self:
            line.difference = line.actual_amount - line.planned_amount
