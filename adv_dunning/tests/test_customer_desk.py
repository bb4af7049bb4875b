# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.tests import tagged

from .common import DunningCommon


@freeze_time("2026-03-15")
@tagged("post_install", "-at_install")
class TestDeskInvoices(DunningCommon):
    """The customer desk's invoices section: open invoices with due dates, dunning level,
    disputes and payment promises, read with the user's rights."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.late = cls.invoice(1200.0, "2026-02-13")
        cls.not_due = cls.invoice(300.0, "2026-04-30")
        cls.assistant = cls.company_user(
            "desk_billing", "adv_base.group_user,account.group_account_invoice"
        )

    def desk(self, user=None):
        return self.env["adv.customer.desk"].with_user(user or self.assistant)

    def invoices(self, user=None):
        screen = self.desk(user).sections(self.customer.id)
        return next((s for s in screen["sections"] if s["key"] == "invoices"), None)

    def test_find_by_invoice_number(self):
        results = self.desk().find(self.late.name)
        self.assertEqual([r["partner_id"] for r in results], self.customer.ids)
        self.assertEqual(
            (results[0]["res_model"], results[0]["res_id"]), ("account.move", self.late.id)
        )

    def test_open_invoices_with_overdue_dispute_and_promise(self):
        self.late.with_user(self.collector).write(
            {"adv_dispute": True, "adv_dispute_reason": "Broken tiles"}
        )
        self.env["adv.dunning.promise"].with_user(self.collector).create(
            {"partner_id": self.customer.id, "amount": 1200.0, "date": "2026-03-31"}
        )
        section = self.invoices()
        rows = {row["id"]: row for row in section["rows"]}
        self.assertEqual(list(rows), [self.late.id, self.not_due.id], "oldest due first")
        late_badges = [b["text"] for b in rows[self.late.id]["badges"]]
        self.assertIn("30 days overdue", late_badges)
        self.assertTrue(any("Broken tiles" in text for text in late_badges), late_badges)
        self.assertEqual(
            [b["text"] for b in rows[self.not_due.id]["badges"]], [], "not due: no badge"
        )
        figures = {f["label"]: f["value"] for f in section["figures"]}
        self.assertIn("1,200.00", figures["Overdue"])
        self.assertEqual(figures["Dunning level"], "None")
        self.assertEqual(len(section["alerts"]), 1)
        self.assertIn("03/31/2026", section["alerts"][0])
        self.assertEqual(section["actions"], [], "only collectors record promises")
        collector_section = self.invoices(self.collector)
        self.assertEqual([a["key"] for a in collector_section["actions"]], ["promise"])

    def test_dunning_level_is_the_highest_notified(self):
        level = max(self.policy.level_ids, key=lambda lv: lv.days)
        self.receivable(self.late).sudo().adv_dunning_level_id = level
        figures = {f["label"]: f["value"] for f in self.invoices()["figures"]}
        self.assertEqual(figures["Dunning level"], level.name)

    def test_promise_action_prefills_the_customer(self):
        action = self.desk(self.collector).run_action(self.customer.id, "promise")
        promise = (
            self.env["adv.dunning.promise"]
            .with_user(self.collector)
            .with_context(**action["context"])
            .create({"amount": 500.0, "date": "2026-03-20"})
        )
        self.assertEqual(promise.partner_id, self.customer)

    def test_no_billing_right_no_invoices(self):
        self.assertIsNone(self.invoices(self.adv_user))
        self.assertFalse(self.desk(self.adv_user).find(self.late.name))

    def _queries(self):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.desk().sections(self.customer.id)
        return self.env.cr.sql_log_count - before

    def test_queries_do_not_grow_with_invoices(self):
        self._queries()
        few = self._queries()
        for day in range(1, 10):
            self.invoice(100.0, f"2026-02-{day:02d}")
        self.assertEqual(self._queries(), few)
