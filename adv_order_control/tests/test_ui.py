# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import PhoneTourMixin, new_web_user


class BlockedOrderTourCase(HttpCase):
    """A quotation over its customer's limit, stopped by the control, and a credit controller."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write({"account_use_credit_limit": True, "adv_conformity_check": False})
        cls.controller = new_web_user(
            cls.env, "oc_tour", "Chloé Controller", "adv_order_control.group_credit_controller"
        )
        customer = cls.env["res.partner"].create(
            {"name": "Tour Customer Bricolage", "is_company": True}
        )
        customer.credit_limit = 100.0
        product = cls.env["product.product"].create({"name": "Tour service", "type": "service"})
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "order_line": [
                    Command.create({"product_id": product.id, "price_unit": 500.0, "tax_id": []})
                ],
            }
        )
        cls.order.action_confirm()
        assert cls.order.state == "draft"


@tagged("post_install", "-at_install")
class TestBlockedOrdersTourDesktop(BlockedOrderTourCase):
    def test_release_a_blocked_order(self):
        self.start_tour("/odoo/adv-blocked-orders", "adv_order_control_release", login="oc_tour")
        self.assertEqual(self.order.adv_check_ids.state, "released")
        self.assertEqual(self.order.adv_check_ids.release_reason, "Deposit received by wire")


@tagged("post_install", "-at_install")
class TestBlockedOrdersTourPhone(PhoneTourMixin, BlockedOrderTourCase):
    def test_release_a_blocked_order_on_a_phone(self):
        self.start_tour("/odoo/adv-blocked-orders", "adv_order_control_release", login="oc_tour")
        self.assertEqual(self.order.adv_check_ids.state, "released")


@tagged("post_install", "-at_install")
class TestQueueButtonsTour(BlockedOrderTourCase):
    def test_release_from_the_list_row(self):
        self.start_tour(
            "/odoo/adv-blocked-orders", "adv_order_control_queue_release", login="oc_tour"
        )
        check = self.order.adv_check_ids
        self.assertEqual(
            (check.state, check.release_reason), ("released", "Deposit received by wire")
        )


@tagged("post_install", "-at_install")
class TestQueueButtonsTourPhone(PhoneTourMixin, BlockedOrderTourCase):
    def test_release_from_the_card_on_a_phone(self):
        self.start_tour(
            "/odoo/adv-blocked-orders", "adv_order_control_queue_release", login="oc_tour"
        )
        self.assertEqual(self.order.adv_check_ids.state, "released")
