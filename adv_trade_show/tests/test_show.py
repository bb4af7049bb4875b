# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.adv_base.tests.common import render_xlsx

from .common import TradeShowCommon, new_show


@tagged("post_install", "-at_install")
class TestShow(TradeShowCommon):
    def test_show_gets_its_own_campaign_and_source(self):
        self.assertEqual(self.show.campaign_id.title, "Batimat Test")
        self.assertTrue(self.show.source_id.name.startswith("Batimat Test"))
        self.assertEqual(self.show.medium_id, self.env.ref("adv_trade_show.utm_medium_trade_show"))
        twin = self.show.copy({"name": "Batimat Test"})
        self.assertNotEqual(twin.campaign_id, self.show.campaign_id)
        self.assertNotEqual(twin.source_id, self.show.source_id)

    def test_dates_and_delays_are_checked(self):
        with self.assertRaises(ValidationError), mute_logger("odoo.sql_db"):
            self.show.write({"retention_months": 0})
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.show.write({"date_end": "2026-11-01"})

    def test_checklist_line_schedules_and_closes_an_activity(self):
        line = self.env["adv.trade.show.checklist"].create(
            {
                "show_id": self.show.id,
                "name": "Ship the samples",
                "category": "samples",
                "user_id": self.staff.id,
                "date_deadline": "2026-10-20",
            }
        )
        activity = line.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.staff)
        self.assertEqual(str(activity.date_deadline), "2026-10-20")
        self.assertEqual(
            activity.activity_type_id, self.env.ref("adv_trade_show.mail_activity_show_preparation")
        )
        # In the owner's My Day.
        my_day = (
            self.env["mail.activity"]
            .with_user(self.staff)
            .search([("user_id", "=", self.staff.id)])
        )
        self.assertIn(activity, my_day)
        line.write({"date_deadline": "2026-10-25", "user_id": self.other_staff.id})
        self.assertEqual(line.activity_ids.user_id, self.other_staff)
        self.assertEqual(str(line.activity_ids.date_deadline), "2026-10-25")
        line.with_user(self.other_staff).action_mark_done()
        self.assertFalse(line.activity_ids)
        self.assertTrue(line.done)

    def test_checklist_line_without_owner_has_no_activity(self):
        line = self.env["adv.trade.show.checklist"].create(
            {"show_id": self.show.id, "name": "Badges", "date_deadline": "2026-10-20"}
        )
        self.assertFalse(line.activity_ids)

    def test_budget_cost_per_lead_and_roi(self):
        """Without Sales (or its CRM link): won revenue from the won leads' expected revenue."""
        self.patch(type(self.show), "_won_from_sale_orders", lambda self: False)
        self.show.budget_line_ids = [
            Command.create({"name": "Stand", "planned_amount": 5000, "actual_amount": 6000}),
            Command.create({"name": "Travel", "planned_amount": 1000, "actual_amount": 0}),
        ]
        for i in range(3):
            self.capture(email=f"v{i}@example.com", phone=False).action_process()
        lead = self.show.lead_ids[0].sudo()
        lead.write({"type": "opportunity", "expected_revenue": 9000})
        lead.action_set_won()
        self.show.invalidate_recordset()
        self.assertEqual(self.show.capture_count, 3)
        self.assertEqual(self.show.lead_count, 3)
        self.assertEqual(self.show.opportunity_count, 1)
        self.assertEqual(self.show.budget_planned, 6000)
        self.assertEqual(self.show.budget_actual, 6000)
        self.assertEqual(self.show.cost_per_lead, 2000)
        self.assertEqual(self.show.won_revenue, 9000)
        self.assertAlmostEqual(self.show.roi, 50.0)
        self.assertEqual(self.show.budget_line_ids[0].difference, 1000)

    def test_won_revenue_from_sale_orders_within_12_months(self):
        if not self.show._won_from_sale_orders():
            self.skipTest("Sales and its CRM link (sale_crm) are not installed")
        self.show.budget_line_ids = [
            Command.create({"name": "Stand", "planned_amount": 5000, "actual_amount": 6000})
        ]
        for i in range(2):
            self.capture(email=f"buyer{i}@example.com", phone=False).action_process()
        first, second = self.show.lead_ids.sudo().sorted("id")
        first.write({"type": "opportunity", "expected_revenue": 50000})
        first.action_set_won()  # its expected revenue no longer counts: its orders do
        product = self.env["product.product"].create({"name": "Pallet of tiles"})
        # With order control installed too, its checks would hold this new customer's orders.
        self.switch_off_order_control(self.env.company)

        def order(lead, amount, confirm=True, date=None):
            sale = self.env["sale.order"].create(
                {
                    "partner_id": self.known_partner.id,
                    "opportunity_id": lead.id,
                    "order_line": [
                        Command.create(
                            {"product_id": product.id, "price_unit": amount, "tax_id": False}
                        )
                    ],
                }
            )
            if confirm:
                sale.action_confirm()
                self.assertEqual(sale.state, "sale")
            if date:
                sale.date_order = date
            return sale

        order(first, 9000, date="2027-02-01 10:00:00")
        order(second, 1000, date="2027-11-05 18:00:00")  # the last day of the 12 months
        order(second, 2000, date="2027-11-06 08:00:00")  # too late
        order(second, 4000, confirm=False)  # a quotation
        order(second, 8000)._action_cancel()
        other = new_show(self.env, "Quiet show", date_end="2026-11-03")
        shows = self.show | other
        shows.invalidate_recordset()
        self.assertEqual(self.show.won_revenue, 10000)
        self.assertEqual(other.won_revenue, 0)
        self.assertAlmostEqual(self.show.roi, (10000 - 6000) / 6000 * 100)
        with patch.object(type(self.show), "_won_from_sale_orders", lambda self: False):
            shows.invalidate_recordset()
            self.assertEqual(self.show.won_revenue, 50000)

    def test_default_show_is_the_running_one_the_user_staffs(self):
        capture = self.env["adv.trade.show.capture"].with_user(self.staff).create({})
        self.assertEqual(capture.show_id, self.show)
        self.assertEqual(capture.user_id, self.staff)
        self.assertEqual(capture.country_id, self.fr)
        self.assertEqual(capture.lang, "fr_FR")
        self.assertFalse(capture.marketing_opt_in)  # never pre-ticked
        self.assertFalse(capture.informed)

    def test_results_workbook(self):
        self.show.budget_line_ids = [
            Command.create({"name": "Stand", "planned_amount": 5000, "actual_amount": 6000})
        ]
        self.show.notes = "<p>Asked for <b>faster</b> delivery</p>"
        self.capture().action_process()
        book = render_xlsx(
            self, "adv_trade_show.action_report_show_results_xlsx", self.show, self.show_manager
        )
        workbook = book.workbook
        sheet = workbook["Results"]
        self.assertEqual(sheet["A4"].value, "Batimat Test")
        self.assertEqual(sheet["D4"].value, 1)  # leads
        self.assertEqual(sheet["J4"].value, 6000)  # actual cost
        self.assertEqual(sheet["K4"].value, 6000)  # cost per lead
        self.assertIn("xl/charts/chart1.xml", book.names)
        self.assertIn("faster", workbook["Notes"]["C2"].value)
