# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.adv_base.tests.common import my_day

from .common import OrderControlCommon


@tagged("post_install", "-at_install")
class TestMyDay(OrderControlCommon):
    """A blocked order lands in the controller's My Day with the order's amount as its stake."""

    def my_day(self, user):
        """The controller's My Day as the web client loads it."""
        return my_day(self.env, user)

    def test_blocked_orders_are_ranked_by_stake(self):
        small = self.make_order(9000.0)  # 10 800 over a 10 000 limit
        big = self.make_order(20000.0)  # 24 000
        (small | big).action_confirm()
        self.assertEqual((small.state, big.state), ("draft", "draft"))
        day = self.my_day(self.controller)
        self.assertEqual([a.res_id for a in day], [big.id, small.id])
        self.assertEqual(day.mapped("adv_stake"), [24000.0, 10800.0])
        self.assertEqual(day[0].adv_currency_id, self.company.currency_id)
        # Someone without the right sees neither the orders nor their activities.
        self.assertFalse(self.my_day(self.internal_user))

    def test_my_day_shows_the_customer_and_opens_the_decision(self):
        """The release shows its customer and its reason, ranks by its kind (a credit release
        weighs 30), and its Open button leads to the waiting check, where it is decided."""
        order = self.make_order(9000.0)
        order.action_confirm()
        item = self.my_day(self.controller)
        self.assertEqual(item.adv_partner_id, order.partner_id)
        self.assertEqual(item.adv_reason, f"Credit release: {order.name}")
        self.assertEqual(item.activity_type_id.adv_priority_weight, 30)
        self.assertGreater(item.adv_priority, 30 + 80)  # 10 800 at stake: 20 x log10(10 801)
        check = self.env["adv.order.check"].search(
            [("order_id", "=", order.id), ("state", "=", "open")]
        )
        self.assertEqual(len(check), 1)
        action = item.with_user(self.controller).action_adv_day_open()
        self.assertEqual((action["res_model"], action["res_id"]), ("adv.order.check", check.id))
