# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..tools.credit_rules import OUTCOMES


class AdvOrderWhatifLine(models.Model):
    """One rule that fired on one order in a what-if report: the report's list and pivot.

    Each order has one line per rule that fired; the line of its worst rule is its *order line*
    (``is_order``), carrying the order's outcome, so that orders are counted once by customer.

    Written in one SQL insert, tens of thousands at a time: a plain model without Odoo's log
    columns (each many2one is a foreign key checked on every row inserted: half the report's
    time with six of them), removed with its report (``ondelete='cascade'``, the report is a
    transient record) and read only by its report's author (record rule)."""

    _name = "adv.order.whatif.line"
    _description = "What if enforced: a rule on an order"
    _order = "partner_id, order_id, id"
    _log_access = False

    wizard_id = fields.Many2one(
        comodel_name="adv.order.whatif", required=True, ondelete="cascade", index=True
    )
    order_id = fields.Many2one(comodel_name="sale.order", readonly=True)
    partner_id = fields.Many2one(comodel_name="res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one(related="wizard_id.company_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_order = fields.Datetime(string="Order date", readonly=True)
    rule = fields.Selection(selection="_selection_rule", readonly=True)
    outcome = fields.Selection(OUTCOMES, string="Rule outcome", readonly=True)
    order_outcome = fields.Selection(OUTCOMES, string="Order outcome", readonly=True)
    is_order = fields.Boolean(
        string="Counts the order", readonly=True, help="One line per order: its worst rule."
    )
    amount = fields.Monetary(
        string="Order amount", readonly=True, help="Tax included, company currency."
    )

    @api.model
    def _selection_rule(self):
        return self.env["adv.order.check.line"]._get_rule_labels()
