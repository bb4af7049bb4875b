# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The Receivables dashboard's trends on a known data set, read through the dashboard's own
requests: DSO per month, overdue by age over time, recovery by dunning level.

The reporting views count from the database's today (month ends of the last 12 months), so the
data set is dated relative to the first day of the current month (S0) and the months before
(S1, S2...); every expected figure is chosen away from the month lengths' variations.
"""

from datetime import timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import RpcMixin, new_web_user
from odoo.addons.adv_base.tools.dashboard_requests import dashboard_figures

from .common import DunningCommon

DSO_CHART = "DSO per month (days)"
AGING_CHART = "Overdue by age over time (month ends, today)"
RATE_COUNT = "Notices paid within 30 days, by level (share)"
RATE_AMOUNT = "Amount paid within 30 days of a notice, by level (share)"


@tagged("post_install", "-at_install")
class TestReceivablesTrends(DunningCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.cr.execute("SELECT CURRENT_DATE")
        cls.today = cls.env.cr.fetchone()[0]
        cls.starts = [cls.today.replace(day=1) - relativedelta(months=k) for k in range(6)]
        cls.dashboard = cls.env.ref("adv_dunning.dashboard_receivables")

    def day(self, months_ago, day):
        """Day ``day`` of the month ``months_ago`` months before this one."""
        return self.starts[months_ago] + timedelta(days=day - 1)

    def month_end(self, months_ago):
        return self.starts[months_ago - 1] - timedelta(days=1)

    def figures(self, period=None, company=None, **filters):
        self.env.flush_all()  # the views read the tables (a web request flushes at its end)
        dashboard = self.dashboard.with_user(self.collector)
        return dashboard_figures(dashboard, period, company=company or self.company.ids, **filters)

    def by_point(self, rows, measure):
        """{date of the point's month start: value} of rows grouped by ``date:month``."""
        return {
            row["__range"]["date:month"]["from"][:10]: row[measure]
            for row in rows
            if row["__range"]["date:month"]
        }

    def credit_note(self, invoice, amount, date):
        """A credit note of ``amount`` on ``date``, matched with ``invoice``."""
        refund = self.env["account.move"].create(
            {
                "move_type": "out_refund",
                "partner_id": invoice.partner_id.id,
                "invoice_date": date,
                "invoice_line_ids": [
                    Command.create({"name": "Return", "price_unit": amount, "tax_ids": []})
                ],
            }
        )
        refund.action_post()
        (self.receivable(invoice) | self.receivable(refund)).reconcile()

    def build_receivables(self):
        """A: 1 000 invoiced S4+14, due S3+5, paid S2+10. B: 3 000 invoiced S2+15, due S2+20,
        a credit note of 500 on S1+5, 1 000 paid on S1+21. F: 600 HRK (300 EUR at the rate 2)
        invoiced S1+15, due S1+20, unpaid. B's customer has a salesperson, the others none."""
        self.customer_2.user_id = self.collector
        a = self.invoice(1000.0, self.day(3, 5), date=self.day(4, 14))
        self.pay(a, date=self.day(2, 10))
        b = self.invoice(3000.0, self.day(2, 20), partner=self.customer_2, date=self.day(2, 15))
        self.credit_note(b, 500.0, self.day(1, 5))
        self.pay(b, amount=1000.0, date=self.day(1, 21))
        hrk = self.setup_other_currency("HRK")
        self.invoice(600.0, self.day(1, 20), date=self.day(1, 15), currency_id=hrk.id)

    def test_dso_and_overdue_by_age_as_they_were_then(self):
        """DSO. E3: A open, 1 000 / 1 000 invoiced = 90 days. E2: A paid, B open: 3 000 / 4 000
        x 90 = 67.5. E1: B 3 000 - 500 - 1 000 + F 300 = 1 800 over 2 800 invoiced (A is more
        than 90 days old) = 57.857. Today: the same 1 800 / 2 800.
        Overdue. E3: A 1 000, 23 to 26 days overdue. E2: A paid; B 3 000, 8 to 11 days. E1: B
        1 500 (credit note and payment dated before), 36 to 42 days; F 300, 8 to 11 days.
        Today: 1 800 overdue, as the aged balance's scorecard."""
        self.build_receivables()
        figures = self.figures()
        dso = self.by_point(figures[DSO_CHART], "dso")
        self.assertAlmostEqual(dso[str(self.starts[3])], 90.0)
        self.assertAlmostEqual(dso[str(self.starts[2])], 67.5)
        self.assertAlmostEqual(dso[str(self.starts[1])], 1800.0 / 2800.0 * 90)
        self.assertAlmostEqual(dso[str(self.starts[0])], 1800.0 / 2800.0 * 90)
        self.assertNotIn(str(self.starts[5]), dso)  # nothing open, nothing invoiced
        self.assertAlmostEqual(figures["DSO today (days)"][0]["dso"], 1800.0 / 2800.0 * 90)
        # B's salesperson alone, E1: 1 500 open over 2 500 invoiced (not the average of the
        # salespeople's DSO: a ratio of the sums, for any grouping)
        mine = self.figures(salesperson=self.collector.ids)
        self.assertAlmostEqual(self.by_point(mine[DSO_CHART], "dso")[str(self.starts[1])], 54.0)
        rows = (
            self.env["adv.dunning.dso.report"]
            .sudo()
            .search([("company_id", "=", self.company.id), ("date", "=", self.month_end(1))])
        )
        self.assertEqual(
            (sum(rows.mapped("receivables")), sum(rows.mapped("revenue"))), (1800.0, 2800.0)
        )
        per_point = {}
        for row in figures[AGING_CHART]:
            start = row["__range"]["date:month"]["from"][:10]
            per_point.setdefault(start, {})[row["age"]] = row["overdue"]
        self.assertEqual(per_point[str(self.starts[3])], {"1_30": 1000.0})
        self.assertEqual(per_point[str(self.starts[2])], {"1_30": 3000.0})
        self.assertEqual(per_point[str(self.starts[1])], {"1_30": 300.0, "31_60": 1500.0})
        self.assertAlmostEqual(sum(per_point[str(self.starts[0])].values()), 1800.0)
        self.assertAlmostEqual(figures["Overdue receivables"][0]["overdue"], 1800.0)
        # another company: none of it
        other = self.env["res.company"].create({"name": "Trends Other Company"})
        self.collector.company_ids |= other
        figures = self.figures(company=other.ids)
        self.assertFalse(figures[DSO_CHART] or figures[AGING_CHART])

    def test_recovery_rate_by_level(self):
        """Two first reminders on S3+10 (invoices due S3+1): one of 1 000 paid in full 11 days
        after, the other 1 200 of 3 000 within 30 days and the rest later. One notice at the
        30-day level on S2+13 for the 1 800 left, paid 8 days after. First reminder: 1 notice
        in 2 (50 %), 2 200 of 4 000 (55 %, not the average of the notices' 100 % and 40 %);
        30-day level: 1 in 1, 1 800 of 1 800."""
        paid_soon = self.invoice(1000.0, self.day(3, 1))
        paid_late = self.invoice(3000.0, self.day(3, 1), partner=self.customer_2)
        with freeze_time(self.day(3, 10)):
            self.dun()
        self.pay(paid_soon, date=self.day(3, 21))
        self.pay(paid_late, amount=1200.0, date=self.day(3, 26))
        with freeze_time(self.day(2, 13)):
            self.dun()
        self.pay(paid_late, date=self.day(2, 21))
        period = (self.day(5, 1), self.today)
        figures = self.figures(period)
        first, call = self.levels[7], self.levels[30]
        for title, measure, expected in [
            (RATE_COUNT, "rate_count", {first.id: 0.5, call.id: 1.0}),
            (RATE_AMOUNT, "rate_amount", {first.id: 0.55, call.id: 1.0}),
        ]:
            rates = {row["level_id"][0]: row[measure] for row in figures[title]}
            self.assertEqual(rates.keys(), expected.keys(), title)
            for level, rate in expected.items():
                self.assertAlmostEqual(rates[level], rate, msg=title)
        # all levels together: 2 notices in 3, 4 000 of 5 800
        self.assertAlmostEqual(figures["Notices paid within 30 days"][0]["rate_count"], 2 / 3)
        self.assertAlmostEqual(
            figures["Amount paid within 30 days of a notice"][0]["rate_amount"], 4000 / 5800
        )
        # notices sent before the period are not counted
        empty = self.figures((self.day(1, 1), self.today))
        self.assertFalse(empty["Notices paid within 30 days, by level (share)"])


@tagged("post_install", "-at_install")
class TestReceivablesTrendsAccess(RpcMixin, HttpCase):
    """The trends are the collectors' (access rights on the reporting views), in their own
    companies (record rules), through the web client's transport."""

    VIEWS = ["adv.dunning.dso.report", "adv.dunning.aging.report", "adv.dunning.recovery.report"]

    def test_a_salesperson_is_refused_a_collector_reads_their_companies(self):
        new_web_user(self.env, "trend_seller", "Sam Seller", "sales_team.group_sale_salesman")
        company = self.env["res.company"].create({"name": "Trends Own Company"})
        new_web_user(
            self.env,
            "trend_collector",
            "Colin Collector",
            "adv_dunning.group_collector",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        # the demo companies' receivables are on the trends (read as superuser)
        dso = self.env["adv.dunning.dso.report"].sudo()
        self.assertTrue(dso.search_count([("company_id", "!=", company.id)]))
        self.authenticate("trend_seller", "trend_seller")
        for model in self.VIEWS:
            self.assertRefusedCall("AccessError", model, "read_group", [], ["__count"], [])
        self.authenticate("trend_collector", "trend_collector")
        for model in self.VIEWS:
            rows = self.call(model, "read_group", [], ["__count"], [], lazy=False)
            self.assertEqual(rows[0]["__count"], 0, model)
