# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.tests import tagged

from .common import TODAY, SupplyCommon, day


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestDeskSupply(SupplyCommon):
    """The customer desk's deliveries section and the customer impact of a late receipt."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls.make_sale(5, day(5))
        cls.order.user_id = cls.chaser  # a salesperson sees their own orders
        cls.delivery = cls.order.picking_ids
        cls.delivery.write({"carrier_id": cls.carrier.id, "carrier_tracking_ref": "FF-12345"})
        purchase = cls.make_purchase(date_planned=day(12))
        chase = cls.Chase._adv_open_chase(purchase.picking_ids, "Late receipt")
        cls.env["adv.supply.impact"].create(
            {
                "chase_id": chase.id,
                "sale_order_id": cls.order.id,
                "sale_line_id": cls.order.order_line.id,
                "product_id": cls.product.id,
                "qty_at_risk": 5,
                "date_due": day(5).date(),
                "date_new": day(15).date(),
            }
        )

    def desk(self):
        return self.env["adv.customer.desk"].with_user(self.chaser)

    def section(self, screen, key):
        return next((s for s in screen["sections"] if s["key"] == key), None)

    def test_find_by_delivery_reference(self):
        results = self.desk().find(self.delivery.name)
        self.assertEqual([r["partner_id"] for r in results], self.customer.ids)
        self.assertEqual(results[0]["res_model"], "stock.picking")

    def test_deliveries_with_carrier_and_tracking(self):
        deliveries = self.section(self.desk().sections(self.customer.id), "deliveries")
        row = deliveries["rows"][0]
        self.assertEqual(row["id"], self.delivery.id)
        details = {d["label"]: d["value"] for d in row["details"]}
        self.assertEqual(details["Carrier"], "Fast Freight road")
        self.assertEqual(details["Tracking"], "FF-12345")

    def test_impact_on_the_order_lines_given_by_another_addon(self):
        """With order control, its orders section shows the impact on the line (once)."""
        screen = self.desk().sections(self.customer.id)
        keys = [s["key"] for s in screen["sections"]]
        self.assertEqual(keys.count("orders"), 1)
        orders = self.section(screen, "orders")
        badges = [b["text"] for row in orders["rows"] for ln in row["lines"] for b in ln["badges"]]
        self.assertIn("At risk: expected D+15", badges)

    def test_impact_alone_gives_the_orders_at_risk(self):
        """Without another addon's orders section, supply follow-up gives the orders at risk."""
        sections = {}
        self.desk()._adv_desk_add_impacts(self.customer, sections)
        rows = sections["orders"]["rows"]
        self.assertEqual([row["id"] for row in rows], self.order.ids)
        self.assertEqual(rows[0]["lines"][0]["badges"][0]["text"], "At risk: expected D+15")

    def test_impact_of_an_order_the_user_may_not_read_is_not_shown(self):
        self.order.user_id = self.buyer
        screen = self.desk().sections(self.customer.id)
        self.assertFalse(self.section(screen, "orders")["rows"])

    def test_no_stock_right_no_deliveries(self):
        screen = self.env["adv.customer.desk"].with_user(self.adv_user).sections(self.customer.id)
        self.assertIsNone(self.section(screen, "deliveries"))
        self.assertIsNone(self.section(screen, "orders"))
