# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import psycopg2
from freezegun import freeze_time

from odoo import Command, fields, sql_db
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL

from ..models.adv_dunning_run import LOCK_SCOPE
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
        """Below a level's minimum, the line gets the highest level it may have."""
        invoice = self.invoice(50.0, "2026-03-01")  # formal notice and litigation need 100
        with freeze_time("2026-04-16"):  # 46 days late
            self.assertEqual(self.dun().notice_ids.level_id.name, "Phone call")
        with freeze_time("2026-05-05"):  # 65 days late: nothing newly reached
            self.assertFalse(self.dun().notice_ids)
        self.assertEqual(self.receivable(invoice).adv_dunning_level_id.name, "Phone call")
        self.invoice(80.0, "2026-03-03")  # together 130: litigation for the first one
        with freeze_time("2026-05-05"):
            notice = self.dun().notice_ids
        self.assertEqual(notice.level_id.name, "Litigation")
        self.assertEqual(self.receivable(invoice).adv_dunning_level_id.name, "Litigation")

    def test_crash_after_a_batch_then_rerun_completes_without_duplicate(self):
        """The daily run crashes in its second batch (a database error raised on the insert of
        a notice of the batch's customer); the next calls complete the work, no duplicate."""
        partners = self.env["res.partner"].create(
            [{"name": f"Customer {i}", "is_company": True} for i in range(4)]
        )
        for partner in partners:
            self.invoice(100.0, "2026-03-01", partner=partner)
        self.env.cr.execute(
            SQL(
                """CREATE FUNCTION adv_test_crash() RETURNS trigger LANGUAGE plpgsql AS $$
                   BEGIN RAISE EXCEPTION 'server killed'; END $$;
                   CREATE TRIGGER adv_test_crash BEFORE INSERT ON adv_dunning_notice
                      FOR EACH ROW WHEN (NEW.partner_id = %s) EXECUTE FUNCTION adv_test_crash()""",
                partners[1].id,
            )
        )
        Run = self.env["adv.dunning.run"].sudo()  # the cron runs as superuser
        with freeze_time("2026-04-05"):
            Run._cron_run(batch_size=1)  # batch 1: committed by the cron runner
            with self.assertRaises(psycopg2.errors.RaiseException), self.env.cr.savepoint():
                Run._cron_run(batch_size=1)  # batch 2 crashes: rolled back
            self.env.invalidate_all()
            self.env.cr.execute(SQL("DROP TRIGGER adv_test_crash ON adv_dunning_notice"))
            for _i in range(5):  # the runner calls again until nothing remains
                Run._cron_run(batch_size=1)
        notices = self.env["adv.dunning.notice"].sudo().search([("partner_id", "in", partners.ids)])
        self.assertEqual(notices.mapped("state"), ["sent"] * 4)
        self.assertEqual(sorted(notices.partner_id.ids), sorted(partners.ids))
        run = notices.run_id
        self.assertEqual(len(run), 1)
        self.assertTrue(run.automatic)
        self.assertEqual(run.state, "done")
        with freeze_time("2026-04-05"):  # called again the same day: nothing new
            Run._cron_run(batch_size=1)
        mine = [("automatic", "=", True), ("company_id", "=", self.company.id)]
        self.assertEqual(Run.search_count(mine), 1)
        self.assertEqual(len(run.notice_ids), 4)
        self.invoice(100.0, "2026-03-01", partner=partners[0])
        with freeze_time("2026-04-06"):  # next day: only the new invoice, in a new run
            Run._cron_run()
        next_run = Run.search(mine + [("date", "=", "2026-04-06")])
        self.assertEqual(next_run.notice_ids.partner_id, partners[0])
        self.assertEqual(len(next_run.notice_ids.line_ids.filtered("new_level")), 1)

    def test_invoices_of_contacts_are_dunned_on_their_company(self):
        contact = self.env["res.partner"].create(
            {"name": "Jeanne, accounts payable", "parent_id": self.customer.id}
        )
        self.invoice(300.0, "2026-03-01", partner=contact)
        self.invoice(200.0, "2026-03-10")
        with freeze_time("2026-04-05"):
            notice = self.dun().notice_ids
        self.assertEqual(notice.partner_id, self.customer)
        self.assertEqual(len(notice.line_ids), 2)

    def test_two_previews_of_a_day_send_each_level_once(self):
        self.invoice(500.0, "2026-03-01")
        with freeze_time("2026-04-05"):
            first, second = self.dun(send=False), self.dun(send=False)
            first.with_user(self.collector).action_send()
            second.with_user(self.collector).action_send()
        self.assertEqual(first.notice_ids.state, "sent")
        self.assertEqual(second.notice_ids.state, "cancel")

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

    def test_fees_posted_as_an_invoice_outside_vat_indemnity_once(self):
        self.company.adv_dunning_post_fees = True
        self.invoice(12000.0, "2025-05-31", date="2025-05-01")
        with freeze_time("2025-07-15"):  # 45 days: formal notice, with fees
            first = self.dun().notice_ids
        fees = first.fees_move_id
        self.assertEqual(fees.state, "posted")
        self.assertFalse(fees.invoice_line_ids.tax_ids)
        self.assertIn(40.0, fees.invoice_line_ids.mapped("price_unit"))
        with freeze_time("2025-07-30"):  # 60 days: litigation adds fees again, not the 40 EUR
            second = self.dun().notice_ids
        self.assertNotIn(40.0, second.fees_move_id.invoice_line_ids.mapped("price_unit"))
        self.assertTrue(second.fees_move_id)

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
        # customers by level, the aged balance and the KPIs: each company its own
        self.env.flush_all()
        Balance = self.env["adv.dunning.balance"]
        self.assertEqual(Balance.with_user(collector_2).search([]).company_id, company_2)
        self.assertFalse(Balance.with_user(self.collector).search([]))
        kpi = self.env["adv.dunning.kpi"].with_user(self.collector).create({"date": "2026-04-05"})
        self.assertEqual(kpi.company_id, self.company)
        self.assertFalse(kpi.open_receivables)

    def test_a_salesperson_cannot_run_dunning(self):
        salesman = new_test_user(self.env, login="dun_sales", groups="adv_base.group_user")
        with self.assertRaises(AccessError):
            self.env["adv.dunning.run"].with_user(salesman).create({})
        run = self.env["adv.dunning.run"].sudo().create({})
        with self.assertRaises(AccessError):
            run.with_user(salesman).action_compute()
        with self.assertRaises(AccessError):
            run.with_user(self.adv_user).action_send()

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

    def test_a_company_locked_by_another_run_is_retried_later(self):
        """Another transaction (a collector's manual run) holds the company: the cron leaves it
        and comes back in a few minutes."""
        self.invoice(500.0, "2026-03-01")
        cron = self.env.ref("adv_dunning.ir_cron_dunning")
        with sql_db.db_connect(self.env.cr.dbname).cursor() as other:
            # the advisory lock adv_lock_acquire takes for the company's key (the company is not
            # committed: the other transaction cannot record its touch)
            other.execute(
                SQL(
                    "SELECT pg_advisory_xact_lock(hashtextextended(%s || ':' || %s, %s))",
                    LOCK_SCOPE,
                    str(self.company.id),
                    self.company.id,
                )
            )
            with freeze_time("2026-04-05 08:00:00"):
                self.env["adv.dunning.run"].sudo()._cron_run()
            other.rollback()
        self.assertFalse(
            self.env["adv.dunning.run"].sudo().search([("company_id", "=", self.company.id)])
        )
        trigger = self.env["ir.cron.trigger"].sudo().search([("cron_id", "=", cron.id)])
        self.assertIn(
            "2026-04-05 08:05:00", [fields.Datetime.to_string(t.call_at) for t in trigger]
        )
        with freeze_time("2026-04-05 08:05:00"):
            self.env["adv.dunning.run"].sudo()._cron_run()
        notices = (
            self.env["adv.dunning.notice"].sudo().search([("company_id", "=", self.company.id)])
        )
        self.assertEqual(notices.mapped("state"), ["sent"])
