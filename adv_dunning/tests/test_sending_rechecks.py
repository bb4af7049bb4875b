# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Sending a previewed run checks again everything that stops dunning, and a customer receives
at most one notice a day, whichever runs (the daily one, manual ones) find them."""

from freezegun import freeze_time

from odoo.tests import tagged

from .common import DunningCommon


@tagged("post_install", "-at_install")
class TestSendingRechecks(DunningCommon):
    def setUp(self):
        super().setUp()
        self.inv = self.invoice(500.0, "2026-03-01")

    def send_after(self, change):
        """Preview on 5 April, ``change()``, send: the notice that would have gone."""
        with freeze_time("2026-04-05"):
            run = self.dun(send=False)
            self.assertEqual(run.notice_ids.state, "draft")
            change()
            run.with_user(self.collector).action_send()
        self.assertFalse(self.receivable(self.inv).adv_dunning_level_id)
        return run.notice_ids

    def test_an_exclusion_added_after_the_preview(self):
        def exclude():
            self.customer.with_company(self.company).with_user(
                self.adv_manager
            ).adv_dunning_excluded_until = "2026-04-30"

        notice = self.send_after(exclude)
        self.assertEqual(notice.state, "cancel")
        self.assertEqual(notice.cancel_reason, "The customer is excluded from dunning.")

    def test_a_promise_made_after_the_preview(self):
        def promise():
            self.env["adv.dunning.promise"].with_user(self.collector).create(
                {"partner_id": self.customer.id, "amount": 500.0, "date": "2026-04-15"}
            )

        notice = self.send_after(promise)
        self.assertEqual(notice.state, "cancel")
        self.assertEqual(notice.cancel_reason, "The customer promised to pay.")

    def test_a_dispute_opened_after_the_preview(self):
        def dispute():
            self.inv.with_user(self.collector).write(
                {"adv_dispute": True, "adv_dispute_reason": "Broken tiles"}
            )

        notice = self.send_after(dispute)
        self.assertEqual(notice.state, "cancel")
        self.assertFalse(notice.line_ids)

    def test_a_policy_changed_after_the_preview(self):
        lenient = self.policy.sudo().copy({"name": "Lenient"})

        def change_policy():
            self.customer.with_company(self.company).with_user(
                self.adv_manager
            ).adv_dunning_policy_id = lenient

        notice = self.send_after(change_policy)
        self.assertEqual(notice.state, "cancel")
        self.assertEqual(notice.cancel_reason, "The customer's dunning policy changed.")

    def test_nothing_changed_the_notice_goes(self):
        with freeze_time("2026-04-05"):
            run = self.dun()
        self.assertEqual(run.notice_ids.state, "sent")
        self.assertFalse(run.notice_ids.cancel_reason)


@tagged("post_install", "-at_install")
class TestOneNoticeADay(DunningCommon):
    """Invoice A is dunned by the daily run while invoice B is in dispute; the dispute ends the
    same day, so B newly reaches a level: it waits for the next day."""

    def setUp(self):
        super().setUp()
        self.inv_a = self.invoice(500.0, "2026-03-01")
        self.inv_b = self.invoice(300.0, "2026-03-01")
        self.Run = self.env["adv.dunning.run"].sudo()  # the cron runs as superuser

    def dispute_b(self, disputed=True):
        self.inv_b.with_user(self.collector).adv_dispute = disputed

    def sent_notices(self):
        return (
            self.env["adv.dunning.notice"]
            .sudo()
            .search([("partner_id", "=", self.customer.id), ("state", "=", "sent")])
        )

    def test_a_manual_run_after_the_daily_run(self):
        self.dispute_b()
        with freeze_time("2026-04-05"):
            self.Run._cron_run()
            self.assertEqual(self.sent_notices().line_ids.move_id, self.inv_a)
            self.dispute_b(False)
            manual = self.dun()
        self.assertFalse(manual.notice_ids)
        self.assertEqual(len(self.sent_notices()), 1)
        with freeze_time("2026-04-06"):  # the next day, B is dunned
            next_day = self.dun()
        self.assertEqual(next_day.notice_ids.line_ids.filtered("new_level").move_id, self.inv_b)
        self.assertEqual(len(self.sent_notices()), 2)

    def test_a_preview_sent_after_the_daily_run(self):
        with freeze_time("2026-04-05"):
            manual = self.dun(send=False)  # A and B, previewed in the morning
            self.assertEqual(manual.notice_ids.line_ids.move_id, self.inv_a | self.inv_b)
            self.dispute_b()
            self.Run._cron_run()  # the daily run notifies A
            self.dispute_b(False)
            manual.with_user(self.collector).action_send()  # B is still new in the preview
        self.assertEqual(manual.notice_ids.state, "cancel")
        self.assertEqual(
            manual.notice_ids.cancel_reason, "The customer already received a notice today."
        )
        self.assertEqual(len(self.sent_notices()), 1)
        self.assertFalse(self.receivable(self.inv_b).adv_dunning_level_id)
