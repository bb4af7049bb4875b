# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import DunningCommon


@tagged("post_install", "-at_install")
class TestDunningSecurity(DunningCommon):
    def test_an_adv_user_reads_notices_and_changes_nothing(self):
        self.invoice(500.0, "2026-03-01")
        with freeze_time("2026-04-05"):
            notice = self.dun().notice_ids
        as_user = notice.with_user(self.adv_user)
        self.assertEqual(as_user.search([("id", "=", notice.id)]), as_user)
        self.assertTrue(as_user.line_ids.amount_residual)
        with self.assertRaises(AccessError):
            as_user.state = "cancel"
        with self.assertRaises(AccessError):
            self.env["adv.dunning.promise"].with_user(self.adv_user).create(
                {"partner_id": self.customer.id, "amount": 10.0, "date": "2026-04-15"}
            )

    def test_only_managers_configure_the_policies(self):
        with self.assertRaises(AccessError):
            self.policy.with_user(self.collector).contract_rate = 20.0
        with self.assertRaises(AccessError):
            self.policy.with_user(self.internal_user).level_ids[0].days = 3
        self.policy.with_user(self.adv_manager).contract_rate = 20.0
        self.assertEqual(self.policy.contract_rate, 20.0)

    def test_a_collector_disputes_an_invoice_from_its_form(self):
        invoice = self.invoice(500.0, "2026-03-01")
        as_collector = invoice.with_user(self.collector)
        as_collector.write({"adv_dispute": True, "adv_dispute_reason": "Price error"})
        self.assertTrue(self.receivable(invoice).adv_dispute)
        with freeze_time("2026-04-05"):
            self.assertFalse(self.dun().notice_ids)
        as_collector.adv_dispute = False
        with freeze_time("2026-04-05"):
            self.assertEqual(self.dun().notice_ids.partner_id, self.customer)
        self.assertEqual(invoice.adv_dunning_level_id.days, 30)

    def test_menus_by_role(self):
        user_menus = self.visible_menu_xmlids(self.adv_user, module="adv_dunning")
        self.assertIn("adv_dunning.adv_dunning_notice_menu", user_menus)
        self.assertNotIn("adv_dunning.adv_dunning_run_menu", user_menus)
        self.assertNotIn("adv_dunning.adv_dunning_policy_menu", user_menus)
        collector_menus = self.visible_menu_xmlids(self.collector, module="adv_dunning")
        self.assertIn("adv_dunning.adv_dunning_run_menu", collector_menus)
        self.assertNotIn("adv_dunning.adv_dunning_policy_menu", collector_menus)
        manager_menus = self.visible_menu_xmlids(self.adv_manager, module="adv_dunning")
        self.assertIn("adv_dunning.adv_dunning_policy_menu", manager_menus)
        self.assertIn("adv_dunning.adv_late_payment_rate_menu", manager_menus)

    def test_a_notified_level_and_a_default_policy_are_kept(self):
        self.invoice(500.0, "2026-03-01")
        with freeze_time("2026-04-05"):
            notice = self.dun().notice_ids
        as_manager = self.env["adv.dunning.level"].with_user(self.adv_manager)
        with self.assertRaises(UserError):
            as_manager.browse(notice.level_id.id).unlink()
        with self.assertRaises(UserError):
            self.policy.with_user(self.adv_manager).unlink()
        unused = as_manager.create({"policy_id": self.policy.id, "name": "Unused", "days": 20})
        unused.unlink()
        self.assertFalse(unused.exists())
