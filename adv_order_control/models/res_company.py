# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from ..tools.credit_rules import APPROVAL, CREDIT_RULES, RULE_OUTCOMES, WARN


class ResCompany(models.Model):
    _inherit = "res.company"

    # Components of the exposure (encours), each switchable.
    adv_exposure_receivables = fields.Boolean(string="Count open receivables", default=True)
    adv_exposure_draft_invoices = fields.Boolean(string="Count draft invoices", default=True)
    adv_exposure_orders = fields.Boolean(
        string="Count confirmed orders not yet invoiced", default=True
    )
    # Overdue
    adv_overdue_grace_days = fields.Integer(
        string="Overdue grace days",
        default=0,
        help="A receivable counts as overdue this many days after its due date.",
    )
    adv_overdue_max_days = fields.Integer(
        string="Overdue for more than (days)",
        default=30,
        help="Orders of customers with an invoice overdue for longer are held (0: no check).",
    )
    adv_overdue_max_amount = fields.Monetary(
        string="Overdue amount above",
        currency_field="currency_id",
        help="Orders of customers whose overdue amount exceeds this are held (0: no check).",
    )
    adv_overdue_outcome = fields.Selection(RULE_OUTCOMES, default=APPROVAL, required=True)
    # Limit
    adv_over_limit_outcome = fields.Selection(RULE_OUTCOMES, default=APPROVAL, required=True)
    adv_credit_review_months = fields.Integer(
        string="Review period of the default limit (months)",
        default=12,
        help="A customer on the company's default credit limit is reviewed this many months "
        "after creation; past it, orders need approval (0: never).",
    )
    adv_limit_expired_outcome = fields.Selection(RULE_OUTCOMES, default=APPROVAL, required=True)
    # Solvency
    adv_solvency_new_customer = fields.Boolean(
        string="Solvency check for new customers",
        default=True,
        help="A customer without any paid invoice needs a solvency check before an order.",
    )
    adv_solvency_order_amount = fields.Monetary(
        string="Solvency check above",
        currency_field="currency_id",
        help="Orders above this amount (tax included) need a solvency check (0: none).",
    )
    adv_solvency_outcome = fields.Selection(RULE_OUTCOMES, default=WARN, required=True)
    adv_insurer_outcome = fields.Selection(RULE_OUTCOMES, default=WARN, required=True)
    # Conformity to the commercial agreement
    adv_conformity_check = fields.Boolean(
        string="Check conformity to the commercial agreement", default=True
    )
    adv_min_order_amount = fields.Monetary(
        string="Default minimum order amount",
        currency_field="currency_id",
        help="Untaxed amount below which an order needs approval, unless the customer has "
        "their own minimum.",
    )
    # Releases
    adv_release_validity_days = fields.Integer(
        string="Release validity (days)",
        default=7,
        help="A credit release holds this many days at most; then the order is controlled again.",
    )
    # Downstream re-checks
    adv_recheck_delivery = fields.Boolean(string="Re-check credit at delivery")
    adv_recheck_invoice = fields.Boolean(string="Re-check credit at invoice posting")

    def _adv_rule_settings(self):
        """The company's thresholds and, by rule code, the outcome of each credit rule whose
        outcome is a setting (see ``credit_rules.RULES``), as :func:`credit_rules.evaluate`
        reads them."""
        self.ensure_one()
        outcomes = {
            rule.code: self[rule.outcome_field] for rule in CREDIT_RULES if rule.outcome_field
        }
        return outcomes | {
            "overdue_max_days": self.adv_overdue_max_days,
            "overdue_max_amount": self.adv_overdue_max_amount,
            "solvency_new_customer": self.adv_solvency_new_customer,
            "solvency_order_amount": self.adv_solvency_order_amount,
        }
