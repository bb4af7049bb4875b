# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import OrderControlCommon


@tagged("post_install", "-at_install")
class TestMyDay(OrderControlCommon):
    """A blocked order lands in the controller's My Day with the order's amount as its stake."""

    def my_day(self, user):
        """The controller's My Day as the web client loads it: the action's domain, the list
        view's order."""
        action = self.env.ref("adv_base.my_day_action")
        Activity = self.env["mail.activity"].with_user(user)
        views = Activity.get_views([(self.env.ref("adv_base.my_day_view_list").id, "list")])
        order = etree.fromstring(views["views"]["list"]["arch"]).get("default_order")
        domain = safe_eval(action.domain, {"uid": user.id})
        return Activity.search(domain, order=order)

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
