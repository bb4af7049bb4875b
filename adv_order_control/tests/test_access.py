# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import OrderControlCommon


@tagged("post_install", "-at_install")
class TestAccess(OrderControlCommon):
    def test_salesperson_reads_the_banner_without_accounting_rights(self):
        self.assertFalse(self.salesman.has_group("account.group_account_invoice"))
        self.make_invoice(8000.0)
        order = self.make_order(1000.0).with_user(self.salesman)
        self.assertEqual(order.adv_credit_outcome, "approval")
        self.assertAlmostEqual(order.adv_credit_limit, 10000.0)
        self.assertAlmostEqual(order.adv_exposure, 9600.0)
        self.assertAlmostEqual(order.adv_excess, 800.0)
        order.action_confirm()
        self.assertTrue(order.adv_check_ids.line_ids.message)

    def test_salesperson_cannot_change_limits_or_holds(self):
        partner = self.customer.with_user(self.salesman)
        with self.assertRaises(AccessError):
            partner.write({"credit_limit": 99999.0})
        with self.assertRaises(AccessError):
            partner.write({"adv_credit_review_date": "2099-01-01"})
        with self.assertRaises(AccessError):
            partner._adv_set_credit_hold("I do not like them")
        self.customer.with_user(self.controller)._adv_set_credit_hold("Unpaid")
        with self.assertRaises(AccessError):
            self.env["adv.credit.hold"].with_user(self.salesman).search([]).action_lift()

    def test_salesperson_cannot_release(self):
        order = self.make_order(9000.0)
        order.action_confirm()
        with self.assertRaises(AccessError):
            order.adv_check_ids.with_user(self.salesman).action_release("Trust me")
        with self.assertRaises(AccessError):
            order.adv_check_ids.with_user(self.salesman).write({"state": "released"})

    def test_controller_does_not_see_another_company(self):
        order = self.make_order(9000.0)
        order.action_confirm()
        company_2 = self.setup_other_company()["company"]
        outsider = new_test_user(
            self.env,
            login="oc_controller_2",
            company_id=company_2.id,
            company_ids=[(6, 0, company_2.ids)],
            groups="adv_order_control.group_credit_controller",
        )
        self.assertFalse(self.env["adv.order.check"].with_user(outsider).search([]))
        self.assertTrue(self.env["adv.order.check"].with_user(self.controller).search([]))
