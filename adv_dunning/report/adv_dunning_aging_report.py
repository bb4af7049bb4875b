# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL, drop_view_if_exists

from .adv_dunning_dso_report import history_points, salespeople

AGE_BUCKETS = [
    ("1_30", "1-30 days"),
    ("31_60", "31-60 days"),
    ("61_90", "61-90 days"),
    ("90", "Over 90 days"),
]


class AdvDunningAgingReport(models.Model):
    """Overdue receivables by age at each month end (and today), per company, salesperson of
    the customer (today's ones, as the aged balance), as they were at that date:
    each posted receivable owed by the customer (a debit: invoice, debit note), dated by then
    and past its due date, for its amount less its reconciliations dated by then (payments,
    credit notes matched with it: ``account.partial.reconcile.max_date``), in company
    currency, in the bucket of its days overdue then. Today's point is the aged balance's
    overdue (``adv.dunning.balance``), but for reconciliations dated after today."""

    _name = "adv.dunning.aging.report"
    _description = "Overdue receivables by age (trend)"
    _auto = False
    _order = "date desc, age"
    _rec_name = "date"

    date = fields.Date(string="As at", readonly=True)
    age = fields.Selection(AGE_BUCKETS, string="Days overdue", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    currency_id = fields.Many2one(comodel_name="res.currency", readonly=True)
    user_id = fields.Many2one(comodel_name="res.users", string="Salesperson", readonly=True)
    overdue = fields.Monetary(readonly=True)

    def init(self):
        drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )

    def _query(self):
        """What is open now (``amount_residual``) of the receivables past due, and the
        reconciliations dated after the first point (open before their date), summed by
        salesperson, date and due date before they are paired with the points they were overdue
        at: rows of amounts, not of invoices x points."""
        return SQL(
            """
            WITH points AS (%(points)s),
            salespeople AS MATERIALIZED (%(salespeople)s),
            amounts AS (
                SELECT aml.company_id, sp.user_id, aml.date, aml.date_maturity,
                       NULL::date AS until, SUM(aml.amount_residual) AS amount
                  FROM account_move_line aml
                  JOIN account_account a ON a.id = aml.account_id
             LEFT JOIN salespeople sp ON sp.id = aml.partner_id
                 WHERE a.account_type = 'asset_receivable' AND aml.parent_state = 'posted'
                   AND aml.reconciled IS NOT TRUE AND aml.amount_residual > 0
                   AND aml.balance > 0 AND aml.date_maturity < CURRENT_DATE
                 GROUP BY aml.company_id, sp.user_id, aml.date, aml.date_maturity
                UNION ALL
                SELECT aml.company_id, sp.user_id, aml.date, aml.date_maturity,
                       pr.max_date, SUM(pr.amount)
                  FROM account_partial_reconcile pr
                  JOIN account_move_line aml ON aml.id = pr.debit_move_id
                  JOIN account_account a ON a.id = aml.account_id
             LEFT JOIN salespeople sp ON sp.id = aml.partner_id
                 WHERE pr.max_date > (SELECT MIN(date) FROM points)
                   AND a.account_type = 'asset_receivable' AND aml.parent_state = 'posted'
                   AND aml.balance > 0 AND aml.date_maturity < CURRENT_DATE
                 GROUP BY aml.company_id, sp.user_id, aml.date, aml.date_maturity,
                          pr.max_date
            ),
            aged AS (
                SELECT p.date, a.company_id, a.user_id, a.amount,
                       CASE WHEN p.date - a.date_maturity <= 30 THEN '1_30'
                            WHEN p.date - a.date_maturity <= 60 THEN '31_60'
                            WHEN p.date - a.date_maturity <= 90 THEN '61_90'
                            ELSE '90' END AS age
                  FROM amounts a
                  JOIN points p ON p.date > a.date_maturity AND p.date >= a.date
                               AND (a.until IS NULL OR a.until > p.date)
            )
            SELECT row_number() OVER (ORDER BY a.date, a.company_id, a.user_id, a.age) AS id,
                   a.date, a.company_id, c.currency_id, a.user_id, a.age,
                   SUM(a.amount) AS overdue
              FROM aged a
              JOIN res_company c ON c.id = a.company_id
             GROUP BY a.date, a.company_id, c.currency_id, a.user_id, a.age
            HAVING SUM(a.amount) > 0
            """,
            points=history_points(),
            salespeople=salespeople(),
        )
