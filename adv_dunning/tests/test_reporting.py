# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.adv_base.tests.common import render_xlsx

from .common import DunningCommon


@tagged("post_install", "-at_install")
class TestDunningReporting(DunningCommon):
    """KPIs on a known data set, the aged balance workbook, My Day and a salesperson's view."""

    def kpis(self, day, days=90):
        with freeze_time(day):
            today = fields.Date.today()
        return self.env["adv.dunning.kpi"]._kpis(self.company, today, days)

    def test_dso_and_overdue_by_age_bucket(self):
        # on 2026-04-30: 15, 41, 69 and 110 days overdue, one not due, one paid
        self.invoice(1000.0, "2026-04-15", date="2026-03-16")
        self.invoice(2000.0, "2026-03-20", date="2026-02-18")
        self.invoice(3000.0, "2026-02-20", date="2026-01-21")  # before the 90 days
        self.invoice(4000.0, "2025-01-10", date="2024-12-11")
        self.invoice(500.0, "2026-05-15", date="2026-04-15")
        paid = self.invoice(1500.0, "2026-04-30", date="2026-04-01")
        self.pay(paid, date="2026-04-10")
        kpis = self.kpis("2026-04-30")
        self.assertEqual(kpis["open_receivables"], 10500.0)
        self.assertEqual(kpis["revenue"], 5000.0)  # 1000 + 2000 + 500 + 1500, tax included
        self.assertAlmostEqual(kpis["dso"], 10500.0 / 5000.0 * 90)  # 189 days
        self.assertEqual(list(kpis["buckets"].values()), [1000.0, 2000.0, 3000.0, 4000.0])
        # over 30 days, only the invoices of April count: 500 + 1500
        self.assertAlmostEqual(self.kpis("2026-04-30", days=30)["dso"], 10500.0 / 2000.0 * 30)
        with freeze_time("2026-04-30"):
            screen = self.env["adv.dunning.kpi"].with_user(self.collector).create({})
            self.assertAlmostEqual(screen.dso, 189.0)
            self.assertEqual(screen.overdue_90, 4000.0)

    def test_recovery_by_level(self):
        paid_soon = self.invoice(1000.0, "2026-03-01")
        paid_late = self.invoice(1000.0, "2026-03-01", partner=self.customer_2)
        with freeze_time("2026-03-10"):  # 9 days: first reminder for both
            self.dun()
        self.pay(paid_soon, date="2026-03-25")  # within 30 days of the notice
        self.pay(paid_late, date="2026-04-20")  # after
        with freeze_time("2026-04-02"):  # a phone call would be due, the second is paid
            self.dun()
        recovery = self.kpis("2026-04-30")["recovery"]
        self.assertEqual(
            [(r["level"].name, r["notified"], r["paid"], r["rate"]) for r in recovery],
            [("First reminder", 2000.0, 1000.0, 0.5)],
        )
        # notices of the last 30 days are not counted yet
        self.assertFalse(self.kpis("2026-03-30")["recovery"])

    def test_aged_balance_workbook_with_levels_and_a_chart(self):
        self.invoice(1000.0, "2026-03-01")
        with freeze_time("2026-03-10"):
            self.dun()
        self.env.flush_all()
        Balance = self.env["adv.dunning.balance"].sudo()
        balances = Balance.search([("company_id", "=", self.company.id)])
        self.assertEqual(balances.partner_id, self.customer)
        self.assertEqual(balances.level_id.name, "First reminder")
        book = render_xlsx(
            self, "adv_dunning.action_report_aged_balance_xlsx", balances, self.collector
        )
        self.assertIn("xl/charts/chart1.xml", book.names)
        self.assertIn("Martin Matériaux", book.strings)
        self.assertIn("First reminder", book.strings)
        self.assertIn("Over 90 days", book.strings)
        self.assertIn("<v>1000</v>", book.sheet)

    def test_calls_in_my_day_with_the_amount_due(self):
        self.invoice(1000.0, "2026-03-01")
        self.invoice(300.0, "2026-03-25")
        with freeze_time("2026-04-05"):
            notice = self.dun().notice_ids
        activities = (
            self.env["mail.activity"]
            .with_user(self.collector)
            .search([("user_id", "=", self.collector.id), ("res_model", "=", "adv.dunning.notice")])
        )
        self.assertEqual(activities.res_id, notice.id)
        self.assertEqual(activities.adv_stake, 1300.0)
        self.assertEqual(notice._adv_day_stake(), {notice.id: 1300.0})
        # My Day shows whom to call, and why.
        self.assertEqual(activities.adv_partner_id, notice.partner_id)
        self.assertEqual(activities.adv_reason, activities.summary or "Dunning call")
        self.assertEqual(activities.activity_type_id.adv_priority_weight, 20)

    def test_a_broken_promise_is_worth_the_overdue(self):
        self.invoice(800.0, "2026-03-01")
        self.env["adv.dunning.promise"].sudo().create(
            {"partner_id": self.customer.id, "amount": 800.0, "date": "2026-04-10"}
        )
        with freeze_time("2026-04-12"):
            self.dun()
            activity = self.customer.activity_ids
            self.assertEqual(activity.adv_stake, 800.0)
            self.assertEqual(activity.adv_partner_id, self.customer.commercial_partner_id)

    def test_a_salesperson_sees_the_dunning_state_of_their_customers_only(self):
        salesman = new_test_user(self.env, login="dun_rep", groups="sales_team.group_sale_salesman")
        self.customer.user_id = salesman
        self.invoice(1000.0, "2026-03-01")
        self.invoice(1000.0, "2026-03-01", partner=self.customer_2)
        with freeze_time("2026-04-05"):
            run = self.dun()
        mine = run.notice_ids.filtered(lambda n: n.partner_id == self.customer)
        other = run.notice_ids - mine
        Notice = self.env["adv.dunning.notice"].with_user(salesman)
        self.assertEqual(Notice.search([]), mine)
        self.assertEqual(mine.with_user(salesman).level_id.name, "Phone call")
        self.assertTrue(mine.with_user(salesman).line_ids)
        with self.assertRaises(AccessError):
            other.with_user(salesman).level_id.name  # noqa: B018
        with self.assertRaises(AccessError):
            mine.with_user(salesman).tracking_number = "X"
        with self.assertRaises(AccessError):
            self.env["adv.dunning.run"].with_user(salesman).search([])
        with self.assertRaises(AccessError):
            self.env["adv.dunning.promise"].with_user(salesman).search([])
        with self.assertRaises(AccessError):
            self.env["adv.dunning.balance"].with_user(salesman).search([])
        partners = (self.customer | self.customer_2).with_user(salesman)
        self.assertEqual(partners.mapped("adv_dunning_level_id.name"), ["Phone call"])
        self.assertEqual(partners.mapped("adv_dunning_notice_count"), [1, 0])
        # without the sales group, nothing at all
        with self.assertRaises(AccessError):
            self.env["adv.dunning.notice"].with_user(self.internal_user).search([])

    def test_a_new_customer_form_shows_no_dunning_state(self):
        new = self.env["res.partner"].with_user(self.collector).new({"name": "Nouveau client"})
        self.assertFalse(new.adv_dunning_level_id)
        self.assertFalse(new.adv_dunning_notice_count)
