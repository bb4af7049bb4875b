# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL

AGE_BUCKETS = [(1, 30), (31, 60), (61, 90), (91, None)]
RECOVERY_DAYS = 30


class AdvDunningKpi(models.TransientModel):
    """Dunning KPIs of the current company, as DOMAIN.md defines them:

    - DSO = open receivables / tax-included revenue invoiced over the last N days x N;
    - overdue by age bucket (1-30, 31-60, 61-90, over 90 days past the due date);
    - recovery by level = share of the amount notified at a level paid within 30 days of the
      notice (notices of the last 12 months whose 30 days are over).
    """

    _name = "adv.dunning.kpi"
    _description = "Dunning KPIs"

    company_id = fields.Many2one(comodel_name="res.company", default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(default=fields.Date.context_today, required=True)
    dso_days = fields.Integer(string="DSO period (days)", default=90, required=True)
    open_receivables = fields.Monetary(compute="_compute_kpis")
    revenue = fields.Monetary(string="Invoiced over the period", compute="_compute_kpis")
    dso = fields.Float(string="DSO (days)", digits=(16, 1), compute="_compute_kpis")
    overdue_1_30 = fields.Monetary(string="1-30 days", compute="_compute_kpis")
    overdue_31_60 = fields.Monetary(string="31-60 days", compute="_compute_kpis")
    overdue_61_90 = fields.Monetary(string="61-90 days", compute="_compute_kpis")
    overdue_90 = fields.Monetary(string="Over 90 days", compute="_compute_kpis")
    recovery_html = fields.Html(string="Recovery by level", compute="_compute_kpis")

    @api.depends("company_id", "date", "dso_days")
    def _compute_kpis(self):
        for kpi in self:
            values = kpi._kpis(kpi.company_id, kpi.date, kpi.dso_days or 90)
            buckets = values["buckets"]
            kpi.open_receivables = values["open_receivables"]
            kpi.revenue = values["revenue"]
            kpi.dso = values["dso"]
            kpi.overdue_1_30, kpi.overdue_31_60, kpi.overdue_61_90, kpi.overdue_90 = (
                buckets[b] for b in AGE_BUCKETS
            )
            rows = Markup("").join(
                Markup(
                    "<tr><td>%s</td><td class='text-end'>%s</td><td class='text-end'>%s</td>"
                    "<td class='text-end'>%s</td></tr>"
                )
                % (
                    r["level"].name,
                    kpi.currency_id.format(r["notified"]),
                    kpi.currency_id.format(r["paid"]),
                    f"{r['rate'] * 100:.0f} %",
                )
                for r in values["recovery"]
            )
            kpi.recovery_html = Markup(
                "<table class='table table-sm'><thead><tr><th>%s</th><th class='text-end'>%s</th>"
                "<th class='text-end'>%s</th><th class='text-end'>%s</th></tr></thead>"
                "<tbody>%s</tbody></table>"
            ) % (
                self.env._("Level"),
                self.env._("Notified"),
                self.env._("Paid within 30 days"),
                self.env._("Recovery"),
                rows,
            )

    @api.model
    def _kpis(self, company, today, days=90):
        """All the KPIs of ``company`` on ``today`` (three grouped queries)."""
        self.env.flush_all()
        receivables, buckets = self._aged_receivables(company, today)
        revenue = self._revenue(company, today, days)
        return {
            "open_receivables": receivables,
            "revenue": revenue,
            "dso": receivables / revenue * days if revenue else 0.0,
            "buckets": buckets,
            "recovery": self._recovery_by_level(company, today),
        }

    @api.model
    def _aged_receivables(self, company, today):
        cases = [
            SQL(
                "COALESCE(SUM(aml.amount_residual) FILTER (WHERE %s - aml.date_maturity "
                "BETWEEN %s AND %s), 0)",
                today,
                low,
                high,
            )
            if high
            else SQL(
                "COALESCE(SUM(aml.amount_residual) FILTER (WHERE %s - aml.date_maturity >= %s), 0)",
                today,
                low,
            )
            for low, high in AGE_BUCKETS
        ]
        self.env.cr.execute(
            SQL(
                """SELECT COALESCE(SUM(aml.amount_residual), 0), %s
                 FROM account_move_line aml
                 JOIN account_account a ON a.id = aml.account_id
                WHERE aml.company_id = %s AND a.account_type = 'asset_receivable'
                  AND aml.parent_state = 'posted' AND aml.reconciled IS NOT TRUE
                  AND aml.date <= %s""",
                SQL(", ").join(cases),
                company.id,
                today,
            )
        )
        row = self.env.cr.fetchone()
        return row[0], dict(zip(AGE_BUCKETS, row[1:], strict=True))

    @api.model
    def _revenue(self, company, today, days):
        """Tax-included revenue invoiced in the ``days`` days up to ``today`` (refunds less)."""
        groups = self.env["account.move"]._read_group(
            [
                ("company_id", "=", company.id),
                ("state", "=", "posted"),
                ("move_type", "in", ("out_invoice", "out_refund")),
                ("invoice_date", ">", today - timedelta(days=days)),
                ("invoice_date", "<=", today),
            ],
            [],
            ["amount_total_signed:sum"],
        )
        return groups[0][0] or 0.0

    @api.model
    def _recovery_by_level(self, company, today):
        """[{level, notified, paid, rate}] of the notices sent in the 12 months before
        ``today`` whose 30 days are over: the amount newly notified at the level (company
        currency) and the part of it reconciled within 30 days of the notice."""
        self.env.cr.execute(
            SQL(
                """WITH notified AS (
                   SELECT nl.level_id, nl.move_line_id, n.date_sent,
                          CASE WHEN aml.amount_currency <> 0 AND nl.currency_id <> %(currency)s
                               THEN nl.amount_residual * aml.balance / aml.amount_currency
                               ELSE nl.amount_residual END AS amount
                     FROM adv_dunning_notice_line nl
                     JOIN adv_dunning_notice n ON n.id = nl.notice_id
                     JOIN account_move_line aml ON aml.id = nl.move_line_id
                    WHERE n.company_id = %(company)s AND n.state = 'sent' AND nl.new_level
                      AND n.date_sent > %(since)s AND n.date_sent <= %(until)s)
                SELECT nt.level_id, SUM(nt.amount),
                       SUM(LEAST(nt.amount, COALESCE((
                           SELECT SUM(pr.amount) FROM account_partial_reconcile pr
                            WHERE pr.debit_move_id = nt.move_line_id
                              AND pr.max_date >= nt.date_sent
                              AND pr.max_date <= nt.date_sent + %(window)s), 0)))
                  FROM notified nt
              GROUP BY nt.level_id""",
                currency=company.currency_id.id,
                company=company.id,
                since=today - timedelta(days=365),
                until=today - timedelta(days=RECOVERY_DAYS),
                window=RECOVERY_DAYS,
            )
        )
        rows = self.env.cr.fetchall()
        levels = self.env["adv.dunning.level"].browse([r[0] for r in rows])
        result = [
            {
                "level": level,
                "notified": notified,
                "paid": paid,
                "rate": paid / notified if notified else 0.0,
            }
            for level, (__, notified, paid) in zip(levels, rows, strict=True)
        ]
        return sorted(result, key=lambda r: r["level"].days)
