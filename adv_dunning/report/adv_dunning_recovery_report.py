# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL, drop_view_if_exists

RECOVERY_DAYS = 30

# Ratios a pivot cannot aggregate: whatever aggregator it asks for, the group's value is
# SUM(numerator) / SUM(denominator) of its rows (None: the count of rows).
RATIO_FIELDS = {
    "rate_count": ("recovered", None),
    "rate_amount": ("amount_paid", "amount_notified"),
}


class AdvDunningRecoveryReport(models.Model):
    """Recovery by dunning level: one row per notice sent more than 30 days ago, with what it
    claimed (its items, in company currency at the invoice's rate) and the part of it
    reconciled within 30 days of its sending date (reconciliations dated from the sending
    date to 30 days after it, ``account.partial.reconcile.max_date``; a credit note matched
    with the invoice counts as paid). ``recovered`` is 1 when every item was paid in full by
    then. ``rate_count`` (notices paid in full / notices) and ``rate_amount`` (amount paid /
    amount notified) are ratios of the sums of any group of rows (``_read_group_select``)."""

    _name = "adv.dunning.recovery.report"
    _description = "Recovery by dunning level"
    _auto = False
    _order = "date_sent desc, id desc"
    _rec_name = "notice_id"

    notice_id = fields.Many2one(comodel_name="adv.dunning.notice", readonly=True)
    level_id = fields.Many2one(
        comodel_name="adv.dunning.level", string="Dunning level", readonly=True
    )
    date_sent = fields.Date(string="Sent on", readonly=True)
    partner_id = fields.Many2one(comodel_name="res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    currency_id = fields.Many2one(comodel_name="res.currency", readonly=True)
    user_id = fields.Many2one(comodel_name="res.users", string="Salesperson", readonly=True)
    amount_notified = fields.Monetary(string="Amount notified", readonly=True)
    amount_paid = fields.Monetary(string="Paid within 30 days", readonly=True)
    recovered = fields.Integer(string="Notices paid within 30 days", readonly=True)
    rate_count = fields.Float(
        string="Notices paid within 30 days (share)", readonly=True, aggregator="avg"
    )
    rate_amount = fields.Float(
        string="Amount paid within 30 days (share)", readonly=True, aggregator="avg"
    )

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        fname, __, __ = aggregate_spec.partition(":")
        if fname in RATIO_FIELDS:
            numerator, denominator = RATIO_FIELDS[fname]
            num = self._field_to_sql(self._table, numerator, query)
            den = self._field_to_sql(self._table, denominator, query) if denominator else SQL("1")
            return SQL("COALESCE(SUM(%s)::float / NULLIF(SUM(%s), 0), 0)", num, den)
        return super()._read_group_select(aggregate_spec, query)

    def init(self):
        drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )

    def _query(self):
        """Items: the notice's lines, their amount (in the line's currency when it was
        listed) converted at the invoice's rate (``balance / amount_currency``); an item whose
        receivable is gone since (invoice reset to draft) counts at its listed amount, unpaid.
        """
        return SQL(
            """
            WITH items AS (
                SELECT n.id AS notice_id, nl.id, nl.move_line_id, n.date_sent,
                       CASE WHEN nl.currency_id = c.currency_id OR aml.amount_currency = 0
                                 OR aml.id IS NULL
                            THEN nl.amount_residual
                            ELSE nl.amount_residual * aml.balance / aml.amount_currency
                       END AS amount
                  FROM adv_dunning_notice n
                  JOIN res_company c ON c.id = n.company_id
                  JOIN adv_dunning_notice_line nl ON nl.notice_id = n.id
             LEFT JOIN account_move_line aml ON aml.id = nl.move_line_id
                 WHERE n.state = 'sent' AND n.date_sent < CURRENT_DATE - %(days)s
            ),
            paid AS (
                SELECT i.notice_id, i.amount,
                       COALESCE(SUM(pr.amount), 0) AS paid
                  FROM items i
             LEFT JOIN account_partial_reconcile pr
                       ON pr.debit_move_id = i.move_line_id
                      AND pr.max_date >= i.date_sent AND pr.max_date <= i.date_sent + %(days)s
                 GROUP BY i.notice_id, i.id, i.amount
            ),
            notices AS (
                SELECT notice_id, SUM(amount) AS amount_notified,
                       SUM(LEAST(amount, paid)) AS amount_paid,
                       BOOL_AND(paid >= amount - 0.005) AS recovered
                  FROM paid GROUP BY notice_id
            )
            SELECT n.id, n.id AS notice_id, n.level_id, n.date_sent, n.partner_id,
                   n.company_id, c.currency_id, n.salesperson_id AS user_id,
                   t.amount_notified, t.amount_paid,
                   CASE WHEN t.recovered THEN 1 ELSE 0 END AS recovered,
                   CASE WHEN t.recovered THEN 1.0 ELSE 0.0 END AS rate_count,
                   COALESCE(t.amount_paid / NULLIF(t.amount_notified, 0), 0) AS rate_amount
              FROM notices t
              JOIN adv_dunning_notice n ON n.id = t.notice_id
              JOIN res_company c ON c.id = n.company_id
            """,
            days=RECOVERY_DAYS,
        )
