# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import TODAY, SupplyCommon, day


@tagged("post_install", "-at_install")
class TestStockRisk(SupplyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product.write(
            {
                "responsible_id": cls.buyer.id,
                "route_ids": [(6, 0, [cls.env.ref("purchase_stock.route_warehouse0_buy").id])],
                "seller_ids": [(0, 0, {"partner_id": cls.vendor.id, "price": 10.0})],
            }
        )
        cls.Risk = cls.env["adv.stock.risk"]

    def generate(self, when=TODAY):
        with freeze_time(when):
            return self.Risk._generate(self.company, when.date())

    def test_stockout_within_horizon_then_replenish(self):
        self.env["stock.quant"]._update_available_quantity(
            self.product, self.warehouse.lot_stock_id, 20
        )
        with freeze_time(TODAY):
            self.make_sale(50, day(5))
        risk = self.generate().filtered(lambda r: r.product_id == self.product)
        self.assertEqual(risk.kind, "stockout")
        self.assertEqual(risk.qty_lowest, -30)
        self.assertEqual(risk.value, 300.0)
        self.assertEqual(risk.user_id, self.buyer)
        self.assertEqual(
            risk.activity_ids.activity_type_id,
            self.env.ref("adv_supply_followup.mail_activity_type_stock_risk"),
        )
        self.assertEqual(risk.activity_ids.user_id, self.buyer)
        # In My Day, the vendor to order from, and the reason.
        self.assertEqual(risk.activity_ids.adv_partner_id, self.vendor)
        self.assertEqual(risk.activity_ids.adv_reason, risk.reason)
        # Idempotent: the next day's run keeps the same alert.
        self.assertFalse(self.generate(TODAY + timedelta(days=1)))
        # One click: Odoo's replenishment on the product, whose order point orders the RFQ.
        action = risk.with_user(self.buyer).action_open_replenishment()
        self.assertEqual(action["res_model"], "stock.warehouse.orderpoint")
        orderpoint = self.env["stock.warehouse.orderpoint"].browse(action["res_id"])
        self.assertEqual(orderpoint.product_id, self.product)
        with freeze_time(TODAY):
            orderpoint.action_replenish()
        rfq = self.env["purchase.order.line"].search([("product_id", "=", self.product.id)])
        self.assertEqual(rfq.order_id.state, "draft")
        self.assertEqual(rfq.product_qty, 30)
        # The RFQ alone changes nothing; once confirmed, the risk goes away.
        self.assertFalse(self.generate(TODAY + timedelta(days=1)))
        self.assertEqual(risk.state, "open")
        with freeze_time(TODAY):
            # (Odoo dates the RFQ from the database clock, which freeze_time does not move.)
            rfq.date_planned = day(3)
            rfq.order_id.button_confirm()
        self.generate(TODAY + timedelta(days=1))
        self.assertEqual(risk.state, "closed")

    def test_below_minimum_is_a_risk(self):
        self.env["stock.warehouse.orderpoint"].create(
            {"product_id": self.product.id, "product_min_qty": 10, "product_max_qty": 40}
        )
        self.env["stock.quant"]._update_available_quantity(
            self.product, self.warehouse.lot_stock_id, 15
        )
        with freeze_time(TODAY):
            self.make_sale(8, day(3))
        risk = self.generate().filtered(lambda r: r.product_id == self.product)
        self.assertEqual(risk.kind, "stockout")
        self.assertEqual(risk.date_risk, date(2026, 3, 5))

    def test_overstock_above_maximum_and_days_of_cover(self):
        self.env["stock.warehouse.orderpoint"].create(
            {"product_id": self.product.id, "product_min_qty": 10, "product_max_qty": 40}
        )
        self.env["stock.quant"]._update_available_quantity(
            self.product, self.warehouse.lot_stock_id, 100
        )
        risk = self.generate().filtered(lambda r: r.product_id == self.product)
        self.assertEqual(risk.kind, "overstock")
        self.assertEqual(risk.value, 600.0)
        other = self.env["product.product"].create(
            {"name": "Slow mover", "is_storable": True, "standard_price": 1.0}
        )
        self.env["stock.quant"]._update_available_quantity(other, self.warehouse.lot_stock_id, 1000)
        with freeze_time(TODAY - timedelta(days=30)):
            sale = self.env["sale.order"].create(
                {
                    "partner_id": self.customer.id,
                    "order_line": [(0, 0, {"product_id": other.id, "product_uom_qty": 9})],
                }
            )
            sale.action_confirm()
            sale.picking_ids.move_ids.quantity = 9
            sale.picking_ids.button_validate()
        slow = self.generate().filtered(lambda r: r.product_id == other)
        self.assertEqual(slow.kind, "overstock")
        self.assertEqual(round(slow.cover_days), 9910)

    def test_access(self):
        self.env["stock.quant"]._update_available_quantity(
            self.product, self.warehouse.lot_stock_id, 5
        )
        with freeze_time(TODAY):
            self.make_sale(50, day(5))
        self.generate()
        with self.assertRaises(AccessError):
            self.Risk.with_user(self.internal_user).search([])
        self.assertTrue(self.Risk.with_user(self.chaser).search([]))
