# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A warehouse validation never fails on the credit control.

With a carrier invoiced at its real cost, Odoo's stock_delivery adds the delivery cost to the
confirmed order while the delivery is validated: the order grows. A user's change of the same
size is refused (see adv_order_control's test_gate_rpc); here the goods have left, so the growth
is re-checked and logged as a warning. stock_delivery is not a dependency of order control: the
suite's database, where claims brings it, is where this is tested.
"""

from odoo import Command
from odoo.tests import tagged

from odoo.addons.adv_order_control.tests.common import OrderControlCommon


@tagged("post_install", "-at_install")
class TestDeliveryCostAddedAtValidation(OrderControlCommon):
    def test_the_delivery_cost_is_logged_not_refused(self):
        self.customer.credit_limit = 1000.0
        carrier_product = self.env["product.product"].create(
            {"name": "Transport", "type": "service", "taxes_id": [Command.clear()]}
        )
        carrier = self.env["delivery.carrier"].create(
            {
                "name": "Transporteur Express",
                "delivery_type": "fixed",
                "fixed_price": 900.0,
                "invoice_policy": "real",
                "integration_level": "rate_and_ship",
                "product_id": carrier_product.id,
                "company_id": self.company.id,
            }
        )
        order = self.make_order(500.0, product=self.goods)
        order.order_line.tax_id = False
        order.carrier_id = carrier
        self.assertIs(order.action_confirm(), True)  # 500 of 1 000
        picking = order.picking_ids
        picking.picking_type_id.print_label = True
        picking.carrier_id = carrier
        picking.move_ids.quantity = 1.0
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        # The order grew by the real delivery cost, past the limit: one warning, not a refusal.
        self.assertEqual(order.amount_total, 1400.0)
        check = order.adv_check_ids
        self.assertEqual((check.outcome, check.state), ("warn", "done"))
        self.assertIn("over_limit", check.line_ids.mapped("rule"))
        self.assertEqual(order.adv_credit_state, "warn")
