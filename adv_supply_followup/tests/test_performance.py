# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.adv_base.tests.common import render_xlsx

from .common import TODAY, SupplyCommon, day


@tagged("post_install", "-at_install")
class TestPerformance(SupplyCommon):
    def receive(self, order, when):
        with freeze_time(when):
            picking = order.picking_ids.filtered(lambda p: p.state != "done")
            picking.move_ids.quantity = picking.move_ids.product_uom_qty
            picking.button_validate()

    def test_on_time_rate_delay_chases_and_response(self):
        with freeze_time(TODAY - timedelta(days=20)):
            on_time = self.make_purchase(date_planned=day(-10))
            late = self.make_purchase(date_planned=day(-10))
        (on_time | late).mail_reception_confirmed = True
        self.receive(on_time, TODAY - timedelta(days=11))
        with freeze_time(TODAY - timedelta(days=8)):
            chase = self.Chase._generate()
            self.assertEqual(chase.purchase_id, late)
        with freeze_time(TODAY - timedelta(days=6)):
            chase._record_answer(date(2026, 2, 26), "Next Thursday")
        self.receive(late, TODAY - timedelta(days=4))  # 6 days after the requested date
        self.env.flush_all()
        Perf = self.env["adv.supply.performance"].with_user(self.chaser)
        [(deliveries, on_time_rate, delay, chases, response)] = Perf._read_group(
            [("partner_id", "=", self.vendor.id)],
            [],
            [
                "delivery_count:sum",
                "on_time_rate:avg",
                "delay_days:avg",
                "chase_count:sum",
                "response_days:avg",
            ],
        )
        self.assertEqual((deliveries, on_time_rate, delay, chases), (2, 50.0, 3.0, 1))
        self.assertAlmostEqual(response, 2.0, places=1)
        with self.assertRaises(AccessError):
            Perf.with_user(self.internal_user).search([])

    def test_carrier_on_time_from_proof_of_delivery(self):
        self.env["stock.quant"]._update_available_quantity(
            self.product, self.warehouse.lot_stock_id, 10
        )
        with freeze_time(TODAY - timedelta(days=10)):
            sale = self.make_sale(5, day(-9))
            picking = sale.picking_ids
            picking.carrier_id = self.carrier
            picking.move_ids.quantity = 5
            picking.button_validate()
        picking.adv_pod_date = date(2026, 2, 25)  # shipped 20/2, transit 2 days: 3 days late
        self.env.flush_all()
        row = self.env["adv.supply.performance"].search(
            [("partner_id", "=", self.carrier_partner.id)]
        )
        self.assertEqual((row.partner_role, row.on_time_rate, row.delay_days), ("carrier", 0, 3))

    def test_workbook_has_figures_and_a_chart(self):
        with freeze_time(TODAY - timedelta(days=20)):
            order = self.make_purchase(date_planned=day(-10))
        self.receive(order, TODAY - timedelta(days=12))
        self.env.flush_all()
        book = render_xlsx(
            self, "adv_supply_followup.action_report_performance_xlsx", self.vendor, self.chaser
        )
        self.assertIn("xl/charts/chart1.xml", book.names)
        self.assertIn("Late Vendor SA", book.strings)
        self.assertIn("<v>1</v>", book.sheet)  # one delivery, on time (100 %)
