# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.tests import Form, tagged

from .common import DunningCommon


@tagged("post_install", "-at_install")
class TestDisputeEdit(DunningCommon):
    """Editing a dispute's reason or date on the invoice keeps the invoice in dispute."""

    def test_editing_only_the_reason_keeps_the_dispute(self):
        invoice = self.invoice(500.0, "2026-03-01")
        as_collector = invoice.with_user(self.collector)
        as_collector.write({"adv_dispute": True, "adv_dispute_reason": "Price error"})
        # A later request: nothing of the invoice is in memory any more.
        self.env.invalidate_all()
        as_collector.write({"adv_dispute_reason": "Price error on line 2"})
        self.env.invalidate_all()
        self.assertTrue(self.receivable(invoice).adv_dispute)
        self.assertEqual(invoice.adv_dispute_reason, "Price error on line 2")
        as_collector.write({"adv_dispute_until": "2026-05-31"})
        self.env.invalidate_all()
        self.assertTrue(invoice.adv_dispute)
        self.assertEqual(str(self.receivable(invoice).adv_dispute_until), "2026-05-31")
        with freeze_time("2026-04-05"):
            self.assertFalse(self.dun().notice_ids)

    def test_editing_the_reason_in_the_form_keeps_the_dispute(self):
        invoice = self.invoice(500.0, "2026-03-01")
        invoice.write({"adv_dispute": True, "adv_dispute_reason": "Price error"})
        self.env.invalidate_all()
        with Form(invoice.with_user(self.collector)) as form:
            form.adv_dispute_reason = "Goods returned"
        self.env.invalidate_all()
        self.assertTrue(invoice.adv_dispute)
        self.assertEqual(invoice.adv_dispute_reason, "Goods returned")
