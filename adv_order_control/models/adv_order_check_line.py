# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import LazyTranslate

from .credit_rules import OUTCOMES

_lt = LazyTranslate(__name__)

RULE_LABELS = [
    ("credit_hold", _lt("Credit hold")),
    ("over_limit", _lt("Over the credit limit")),
    ("limit_expired", _lt("Credit limit review date passed")),
    ("overdue_days", _lt("Invoices overdue too long")),
    ("overdue_amount", _lt("Overdue amount too high")),
    ("solvency_check", _lt("Solvency check required")),
    ("insurer_cover", _lt("Above the credit-insurer cover")),
    ("min_amount", _lt("Minimum order amount")),
    ("packaging", _lt("Sales packaging")),
    ("po_ref", _lt("Customer PO reference")),
    ("address", _lt("Addresses")),
    ("vat", _lt("Intra-EU VAT number")),
    ("incoterm", _lt("Incoterm")),
    ("lead_time", _lt("Requested date")),
    ("payment_term", _lt("Payment terms")),
    ("discount", _lt("Discount")),
]


class AdvOrderCheckLine(models.Model):
    _name = "adv.order.check.line"
    _description = "Order credit check reason"
    _order = "id"

    check_id = fields.Many2one("adv.order.check", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="check_id.company_id", store=True)
    rule = fields.Char(
        string="Rule code", required=True, help="Code of the rule or check behind this line."
    )
    rule_label = fields.Char(string="Rule", compute="_compute_rule_label")
    outcome = fields.Selection(OUTCOMES, required=True)
    message = fields.Char(required=True)

    @api.depends("rule")
    @api.depends_context("lang")
    def _compute_rule_label(self):
        """Known rules get their translated name; another addon's code shows as is."""
        labels = dict(self._get_rule_labels())
        for line in self:
            line.rule_label = labels.get(line.rule, line.rule)

    def _get_rule_labels(self):
        return [(code, str(label)) for code, label in RULE_LABELS]
