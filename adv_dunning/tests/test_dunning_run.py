# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import DunningCommon


@tagged("post_install", "-at_install")
class TestDunningRun(DunningCommon):
    def test_progression_over_ninety_days(self):
        invoice = self.invoice(1000.0, "2026-03-31")
        expected = {
            "2026-03-26": "Courtesy reminder",
            "2026-04-07": "First reminder",
            "2026-04-10": None,
            "2026-04-15": "Second reminder",
            "2026-04-30": "Phone call",
            "2026-05-15": "Formal notice",
            "2026-05-30": "Litigation",
            "2026-06-29": None,
        }
        for day, level in expected.items():
            with freeze_time(day):
                notices = self.dun().notice_ids.filtered(lambda n: n.state == "sent")
                self.assertEqual(notices.level_id.name or None, level, day)
        self.assertEqual(self.receivable(invoice).adv_dunning_level_id.name, "Litigation")

    def test_direct_jump_and_one_notice_per_customer(self):
        old = self.invoice(500.0, "2026-03-01")
        recent = self.invoice(300.0, "2026-03-25")
        self.invoice(200.0, "2026-03-20", partner=self.customer_2)
        with freeze_time("2026-04-05"):  # old: 35 days (call); recent: 11 days (first reminder)
            run = self.dun()
        notice = run.notice_ids.filtered(lambda n: n.partner_id == self.customer)
        self.assertEqual(len(notice), 1)
        self.assertEqual(notice.level_id.name, "Phone call")
        self.assertEqual(notice.line_ids.move_id, old | recent)
        self.assertEqual(notice.totals, self.company.currency_id.format(800.0))
        self.assertEqual(self.receivable(old).adv_dunning_level_id.days, 30)
        self.assertEqual(self.receivable(recent).adv_dunning_level_id.days, 7)
        self.assertTrue(notice.activity_ids)  # the call of the call level
        self.assertEqual(len(run.notice_ids), 2)

    def test_a_level_is_never_applied_twice(self):
        self.invoice(500.0, "2026-03-01")
        with freeze_time("2026-04-05"):
            self.assertEqual(len(self.dun().notice_ids), 1)
            self.assertFalse(self.dun().notice_ids)
        with freeze_time("2026-04-12"):  # nothing newly reached since
            self.assertFalse(self.dun().notice_ids)

    def test_lines_at_their_level_are_listed_not_relevelled(self):
        first = self.invoice(500.0, "2026-03-20")
        with freeze_time("2026-04-05"):  # 16 days: second reminder
            self.dun()
        second = self.invoice(100.0, "2026-04-01")
        with freeze_time("2026-04-10"):  # second reaches D+7; first (21 days) stays at D+15
            notice = self.dun().notice_ids
        self.assertEqual(notice.line_ids.move_id, first | second)
        self.assertEqual(notice.line_ids.filtered("new_level").move_id, second)

    def test_instalments_are_dunned_one_by_one(self):
        term = self.env["account.payment.term"].create(
            {
                "name": "Half now, half in 60 days",
                "line_ids": [
                    Command.create({"value": "percent", "value_amount": 50, "nb_days": 0}),
                    Command.create({"value": "percent", "value_amount": 50, "nb_days": 60}),
                ],
            }
        )
        invoice = self.invoice(1000.0, False, date="2026-03-01", invoice_payment_term_id=term.id)
        with freeze_time("2026-03-20"):
            notice = self.dun().notice_ids
        self.assertEqual(len(notice.line_ids), 1)
        self.assertEqual(notice.line_ids.amount_residual, 500.0)
        levels = self.receivable(invoice).sorted("date_maturity").mapped("adv_dunning_level_id")
        self.assertEqual(levels.name, "Second reminder")

    def test_paid_in_between_is_dropped_partly_paid_shows_the_residual(self):
        paid = self.invoice(500.0, "2026-03-01")
        partly = self.invoice(400.0, "2026-03-02")
        with freeze_time("2026-04-05"):
            run = self.dun(send=False)
            notice = run.notice_ids
            self.assertEqual(len(notice.line_ids), 2)
            self.pay(paid)
            self.pay(partly, amount=150.0)
            run.with_user(self.collector).action_send()
        self.assertEqual(notice.state, "sent")
        self.assertEqual(notice.line_ids.move_id, partly)
        self.assertEqual(notice.line_ids.amount_residual, 250.0)
        self.assertFalse(self.receivable(paid).adv_dunning_level_id)

    def test_notice_cancelled_when_everything_was_paid(self):
        invoice = self.invoice(500.0, "2026-03-01")
        with freeze_time("2026-04-05"):
            run = self.dun(send=False)
            self.pay(invoice)
            run.with_user(self.collector).action_send()
        self.assertEqual(run.notice_ids.state, "cancel")

    def test_minimum_amount_of_a_level(self):
        self.invoice(50.0, "2026-03-01")  # formal notice needs 100 overdue
        with freeze_time("2026-04-16"):
            self.assertFalse(self.dun().notice_ids)

    def test_crash_after_a_batch_then_rerun_completes_without_duplicate(self):
        partners = self.env["res.partner"].create(
            [{"name": f"Customer {i}", "is_company": True} for i in range(4)]
        )
        for partner in partners:
            self.invoice(100.0, "2026-03-01", partner=partner)
        Notice = type(self.env["adv.dunning.notice"])
        calls = []
        original = Notice._execute_channels

        def crash_on_second_batch(notices):
            calls.append(notices.ids)
            if len(calls) == 2:
                raise RuntimeError("server killed")
            return original(notices)

        with freeze_time("2026-04-05"):
            Run = self.env["adv.dunning.run"].sudo()  # the cron runs as superuser
            with patch.object(Notice, "_execute_channels", crash_on_second_batch):
                Run._cron_run(batch_size=1)  # batch 1: committed by the cron runner
                with self.assertRaises(RuntimeError), self.env.cr.savepoint():
                    Run._cron_run(batch_size=1)  # batch 2 crashes: rolled back
            for _i in range(5):  # the runner calls again until nothing remains
                Run._cron_run(batch_size=1)
        sent = (
            self.env["adv.dunning.notice"]
            .sudo()
            .search([("partner_id", "in", partners.ids), ("state", "=", "sent")])
        )
        self.assertEqual(sorted(sent.partner_id.ids), sorted(partners.ids))
        self.assertEqual(len(sent), 4)

    def test_dispute_until_a_date_then_expiry(self):
        invoice = self.invoice(500.0, "2026-03-01")
        self.receivable(invoice).action_adv_dispute("Damaged pallets", until="2026-04-10")
        with freeze_time("2026-04-05"):
            self.assertFalse(self.dun().notice_ids)
        with freeze_time("2026-04-11"):
            self.assertEqual(len(self.dun().notice_ids), 1)
            self.assertFalse(self.receivable(invoice).adv_dispute)

    def test_customer_excluded_until_a_date(self):
        self.invoice(500.0, "2026-03-01")
        self.customer.with_company(self.company).adv_dunning_excluded_until = "2026-04-06"
        with freeze_time("2026-04-05"):
            self.assertFalse(self.dun().notice_ids)
        with freeze_time("2026-04-07"):
            self.assertTrue(self.dun().notice_ids)

    def test_payment_promise_waits_and_a_broken_one_alerts(self):
        self.invoice(500.0, "2026-03-01")
        with freeze_time("2026-04-05"):
            self.env["adv.dunning.promise"].with_user(self.collector).create(
                {"partner_id": self.customer.id, "amount": 500.0, "date": "2026-04-15"}
            )
            self.assertFalse(self.dun().notice_ids)
        with freeze_time("2026-04-16"):
            run = self.dun()
        promise = (
            self.env["adv.dunning.promise"].sudo().search([("partner_id", "=", self.customer.id)])
        )
        self.assertEqual(promise.state, "broken")
        self.assertTrue(self.customer.activity_ids)
        self.assertEqual(run.notice_ids.level_id.name, "Formal notice")

    def test_kept_promise(self):
        invoice = self.invoice(500.0, "2026-03-01")
        with freeze_time("2026-04-05"):
            promise = (
                self.env["adv.dunning.promise"]
                .with_user(self.collector)
                .create({"partner_id": self.customer.id, "amount": 500.0, "date": "2026-04-15"})
            )
            self.pay(invoice)
        with freeze_time("2026-04-16"):
            self.dun()
        self.assertEqual(promise.state, "kept")

    def test_penalties_on_the_formal_notice(self):
        self.invoice(12000.0, "2025-05-31", date="2025-05-01")
        with freeze_time("2025-08-29"):  # 90 days late: litigation level
            notice = self.dun().notice_ids
        # June 30 days at 13.15 % + July-August 60 days at 12.15 % (see test_late_payment)
        self.assertAlmostEqual(notice.line_ids.penalty, 369.37)
        self.assertEqual(notice.indemnity, 40.0)

    def test_other_company_is_not_dunned_nor_seen(self):
        company_2 = self.setup_other_company()["company"]
        company_2.adv_dunning_policy_id = self.policy
        self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "company_id": company_2.id,
                "invoice_date": "2026-01-02",
                "invoice_date_due": "2026-03-01",
                "invoice_line_ids": [
                    Command.create({"name": "x", "price_unit": 900.0, "tax_ids": []})
                ],
            }
        ).action_post()
        with freeze_time("2026-04-05"):
            self.assertFalse(self.dun().notice_ids)
            collector_2 = new_test_user(
                self.env,
                login="dun_collector_2",
                company_id=company_2.id,
                company_ids=[Command.set(company_2.ids)],
                groups="adv_dunning.group_collector",
            )
            run_2 = self.env["adv.dunning.run"].with_user(collector_2).create({})
            run_2.action_compute()
        self.assertEqual(len(run_2.notice_ids), 1)
        self.assertFalse(
            self.env["adv.dunning.notice"]
            .with_user(self.collector)
            .search([("id", "in", run_2.notice_ids.ids)])
        )

    def test_a_salesperson_cannot_run_dunning(self):
        salesman = new_test_user(self.env, login="dun_sales", groups="adv_base.group_user")
        with self.assertRaises(AccessError):
            self.env["adv.dunning.run"].with_user(salesman).create({})
        run = self.env["adv.dunning.run"].sudo().create({})
        with self.assertRaises(UserError):
            run.with_user(salesman).action_compute()

    def test_payment_term_beyond_the_legal_maximum_warns(self):
        term = self.env["account.payment.term"].create(
            {
                "name": "90 days",
                "line_ids": [
                    Command.create({"value": "percent", "value_amount": 100, "nb_days": 90})
                ],
            }
        )
        self.assertIn("60 days", term.adv_lme_warning)
        ok = self.env["account.payment.term"].create(
            {
                "name": "45 days EOM",
                "line_ids": [
                    Command.create(
                        {
                            "value": "percent",
                            "value_amount": 100,
                            "nb_days": 45,
                            "delay_type": "days_after_end_of_month",
                        }
                    )
                ],
            }
        )
        self.assertFalse(ok.adv_lme_warning)
