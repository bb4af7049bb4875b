# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common import TODAY, SupplyCommon, day


@tagged("post_install", "-at_install")
class TestCustomerImpact(SupplyCommon):
    """DOMAIN.md's reference case: stock 0; a purchase of 100 slips from D+2 to D+10; SO1 of
    60 due D+3 and SO2 of 50 due D+12: exactly SO1 is at risk, with new date D+10."""

    def test_reference_case_make_to_stock(self):
        with freeze_time(TODAY):
            order = self.make_purchase(qty=100, date_planned=day(2))
            so1 = self.make_sale(60, day(3))
            so2 = self.make_sale(50, day(12), partner=self.customer2)
            self.assertFalse(order._adv_impacted_sale_orders())
            chase = self.Chase._adv_open_chase(order.picking_ids, "Vendor called: late")
            chase.with_user(self.chaser)._record_answer(date(2026, 3, 12), "Slips to D+10")
            self.assertEqual(order._adv_impacted_sale_orders(), so1)
        impact = chase.impact_ids
        self.assertEqual(impact.sale_order_id, so1)
        self.assertEqual(impact.qty_at_risk, 60)
        self.assertEqual(impact.date_due, date(2026, 3, 5))
        self.assertEqual(impact.date_new, date(2026, 3, 12))
        self.assertEqual(impact.amount, 1200.0)
        self.assertEqual(impact.mode, "mts")
        self.assertNotIn(so2, chase.impact_ids.sale_order_id)
        # The notice goes out in the customer's language.
        self.env["res.lang"]._activate_lang("fr_FR")
        self.customer.lang = "fr_FR"
        # The customer notice, in the customer's language, and only once.
        impact.with_user(self.chaser).action_notify_customer()
        notice = so1.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertIn("nouvelle date", notice.subject)
        self.assertIn("Un retard fournisseur", notice.body)
        self.assertIn("12/03/2026", notice.body)
        self.assertEqual(notice.author_id, self.chaser.partner_id)
        self.assertTrue(impact.date_notified)

    def test_reference_case_make_to_order(self):
        mto = self.env.ref("stock.route_warehouse0_mto")
        mto.active = True
        buy = self.env.ref("purchase_stock.route_warehouse0_buy")
        self.product.write(
            {
                "route_ids": [(6, 0, [buy.id])],
                "seller_ids": [(0, 0, {"partner_id": self.vendor.id, "delay": 2})],
            }
        )
        with freeze_time(TODAY):
            so1 = self.make_sale(60, day(3), route=mto)
            so2 = self.make_sale(50, day(12), partner=self.customer2, route=mto)
            order = so1._get_purchase_orders()
            self.assertTrue(order)
            order.button_confirm()
            order.order_line.date_planned = day(10)
            order.picking_ids.move_ids.date = day(10)
            impacted = order._adv_impacted_sale_orders()
            rows = order._adv_impact_rows()[order.id]
        self.assertEqual(impacted, so1)
        self.assertEqual([(r["mode"], r["date_new"]) for r in rows], [("mto", date(2026, 3, 12))])
        self.assertNotIn(so2, impacted)

    def test_late_receipt_chase_ranks_orders_by_value(self):
        with freeze_time(TODAY - timedelta(days=10)):
            order = self.make_purchase(qty=100, date_planned=day(-2))
            small = self.make_sale(10, day(1), price=5.0)
            big = self.make_sale(30, day(2), partner=self.customer2, price=50.0)
        order.mail_reception_confirmed = True
        with freeze_time(TODAY):
            chase = self.Chase._generate()
            chase.with_user(self.chaser)._record_answer(date(2026, 3, 10), "next week")
        self.assertEqual(chase.impact_ids.sale_order_id, big | small)
        self.assertEqual(chase.impact_ids.sorted("sequence").sale_order_id, big | small)
        self.assertEqual(chase.impact_ids.sorted("sequence")[0].sale_order_id, big)
        self.assertEqual(chase.impact_amount, 1550.0)
        activity = chase.activity_ids
        self.assertFalse(activity)  # answered: its activity is done

    def test_orders_analysed_together_count_each_other(self):
        """Two late orders of one product analysed in one go (the daily batch): for each, the
        other's receipt is stock to come on its current date, its own receipt is not (stock 0,
        50 + 50 expected, a delivery of 80 due today: each order's delay leaves 30 short)."""
        with freeze_time(TODAY - timedelta(days=10)):
            first = self.make_purchase(qty=50, date_planned=day(-2))
            second = self.make_purchase(qty=50, date_planned=day(-1))
            sale = self.make_sale(80, day(0))
        with freeze_time(TODAY):
            rows = (first | second)._adv_impact_rows()
        for order in first | second:
            self.assertEqual(
                [(r["sale_order_id"], r["qty_at_risk"], r["date_new"]) for r in rows[order.id]],
                [(sale.id, 30.0, date(2026, 3, 3))],
            )
