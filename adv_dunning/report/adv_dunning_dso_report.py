# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL, drop_view_if_exists

# DSO over the sales of the DSO_DAYS days up to each point (DOMAIN.md: N = 90 by default).
DSO_DAYS = 90
# The points of the trends: the last HISTORY_MONTHS month ends, and today.
HISTORY_MONTHS = 12


def history_points():
    """SQL of the points (``date``) of the receivables trends: the ends of the last
    ``HISTORY_MONTHS`` months, then today (the current month's point, as the scorecards)."""
    return SQL(
        """SELECT LEAST((m + interval '1 month - 1 day')::date, CURRENT_DATE) AS date
             FROM generate_series(date_trunc('month', CURRENT_DATE) - %s * interval '1 month',
                                  date_trunc('month', CURRENT_DATE), interval '1 month') AS m""",
        HISTORY_MONTHS,
    )


def salespeople():
    """SQL of ``(id, user_id)``: each partner's salesperson, its commercial partner's (the
    customer's, as the aged balance), for the partners that have one."""
    return SQL(
        """SELECT p.id, cp.user_id FROM res_partner p
             JOIN res_partner cp ON cp.id = p.commercial_partner_id
            WHERE cp.user_id IS NOT NULL"""
    )


class AdvDunningDsoReport(models.Model):
    """Days sales outstanding at each month end (and today), per company, salesperson of
    the customer (today's ones, as the aged balance): the receivables open at
    that date, as they were then, over the sales invoiced (tax included, credit notes less)
    in the 90 days up to that date, x 90.

    A receivable line is open at a date when it is posted and dated by then, for its amount
    less its reconciliations dated by then (``account.partial.reconcile.max_date``, the later
    of the two matched lines' dates): credit notes and payments not yet matched reduce it. All
    amounts are in company currency. ``dso`` is the ratio of the sums of any group of rows
    (``_read_group_select``), so the company and salesperson filters give the right
    figure."""

    _name = "adv.dunning.dso.report"
    _description = "Days sales outstanding (trend)"
    _auto = False
    _order = "date desc, company_id"
    _rec_name = "date"

    date = fields.Date(string="As at", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    currency_id = fields.Many2one(comodel_name="res.currency", readonly=True)
    user_id = fields.Many2one(comodel_name="res.users", string="Salesperson", readonly=True)
    receivables = fields.Monetary(string="Open receivables", readonly=True)
    revenue = fields.Monetary(string="Invoiced over 90 days", readonly=True)
    dso = fields.Float(string="DSO (days)", readonly=True, aggregator="avg", digits=(16, 1))
    latest = fields.Boolean(string="Today", readonly=True, help="The point of today.")

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        fname, __, __ = aggregate_spec.partition(":")
        if fname == "dso":
            receivables = self._field_to_sql(self._table, "receivables", query)
            revenue = self._field_to_sql(self._table, "revenue", query)
            return SQL(
                "COALESCE(SUM(%s) / NULLIF(SUM(%s), 0) * %s, 0)", receivables, revenue, DSO_DAYS
            )
        return super()._read_group_select(aggregate_spec, query)

    def init(self):
        drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )

    def _query(self):
        """What was open at a point is what is open now (``amount_residual``, company
        currency) of the lines dated by then, plus the reconciliations dated after it, added
        back to their debit line and taken off their credit line: only open lines and recent
        reconciliations are read, not the whole history. Sales: posted customer invoices less
        credit notes (``amount_total_signed``) by invoice date."""
        return SQL(
            """
            WITH points AS (%(points)s),
            salespeople AS MATERIALIZED (%(salespeople)s),
            %(receivables)s,
            sales AS (
                SELECT am.company_id, sp.user_id, am.invoice_date,
                       SUM(am.amount_total_signed) AS amount
                  FROM account_move am
             LEFT JOIN salespeople sp ON sp.id = am.commercial_partner_id
                 WHERE am.state = 'posted' AND am.move_type IN ('out_invoice', 'out_refund')
                   AND am.invoice_date > (SELECT MIN(date) FROM points) - %(days)s
                 GROUP BY am.company_id, sp.user_id, am.invoice_date
            ),
            figures AS (
                SELECT p.date, o.company_id, o.user_id, o.amount AS receivables,
                       0.0 AS revenue
                  FROM points p JOIN open_lines o ON o.date <= p.date
                UNION ALL
                SELECT p.date, s.company_id, s.user_id, s.amount, 0.0
                  FROM points p JOIN settled s ON s.date <= p.date AND s.max_date > p.date
                UNION ALL
                SELECT p.date, s.company_id, s.user_id, 0.0, s.amount
                  FROM points p
                  JOIN sales s ON s.invoice_date > p.date - %(days)s
                              AND s.invoice_date <= p.date
            )
            SELECT row_number() OVER (ORDER BY f.date, f.company_id, f.user_id) AS id,
                   f.date, f.company_id, c.currency_id, f.user_id,
                   SUM(f.receivables) AS receivables, SUM(f.revenue) AS revenue,
                   COALESCE(SUM(f.receivables) / NULLIF(SUM(f.revenue), 0) * %(days)s, 0)
                       AS dso,
                   f.date = CURRENT_DATE AS latest
              FROM figures f
              JOIN res_company c ON c.id = f.company_id
             GROUP BY f.date, f.company_id, c.currency_id, f.user_id
            HAVING SUM(f.receivables) <> 0 OR SUM(f.revenue) <> 0
            """,
            points=history_points(),
            salespeople=salespeople(),
            receivables=self._receivables_query(),
            days=DSO_DAYS,
        )

    def _receivables_query(self):
        """The CTEs ``open_lines`` (what is open now, by company, salesperson and date) and
        ``settled`` (the reconciliations after the first point, by their lines' company,
        salesperson and date, and their own date: + on a debit line, - on a credit line)."""
        return SQL(
            """
            open_lines AS (
                SELECT aml.company_id, sp.user_id, aml.date, SUM(aml.amount_residual) AS amount
                  FROM account_move_line aml
                  JOIN account_account a ON a.id = aml.account_id
             LEFT JOIN salespeople sp ON sp.id = aml.partner_id
                 WHERE a.account_type = 'asset_receivable' AND aml.parent_state = 'posted'
                   AND aml.reconciled IS NOT TRUE AND aml.amount_residual <> 0
                 GROUP BY aml.company_id, sp.user_id, aml.date
            ),
            recent AS (
                SELECT pr.debit_move_id AS line_id, pr.max_date, pr.amount
                  FROM account_partial_reconcile pr
                 WHERE pr.max_date > (SELECT MIN(date) FROM points)
                UNION ALL
                SELECT pr.credit_move_id, pr.max_date, -pr.amount
                  FROM account_partial_reconcile pr
                 WHERE pr.max_date > (SELECT MIN(date) FROM points)
            ),
            settled AS (
                SELECT aml.company_id, sp.user_id, aml.date, r.max_date, SUM(r.amount) AS amount
                  FROM recent r
                  JOIN account_move_line aml ON aml.id = r.line_id
                  JOIN account_account a ON a.id = aml.account_id
             LEFT JOIN salespeople sp ON sp.id = aml.partner_id
                 WHERE a.account_type = 'asset_receivable' AND aml.parent_state = 'posted'
                 GROUP BY aml.company_id, sp.user_id, aml.date, r.max_date
            )
            """
        )
