# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .credit_rules import OUTCOMES

RULES = [
    ("credit_hold", "Credit hold"),
    ("over_limit", "Over the credit limit"),
    ("limit_expired", "Credit limit review date passed"),
    ("overdue_days", "Invoices overdue too long"),
    ("overdue_amount", "Overdue amount too high"),
    ("solvency_check", "Solvency check required"),
    ("insurer_cover", "Above the credit-insurer cover"),
]


class AdvOrderCheckLine(models.Model):
    _name = "adv.order.check.line"
    _description = "Order credit check reason"
    _order = "id"

    check_id = fields.Many2one("adv.order.check", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="check_id.company_id", store=True)
    rule = fields.Selection(RULES, required=True)
    outcome = fields.Selection(OUTCOMES, required=True)
    message = fields.Char(required=True)
