# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from odoo.tests import tagged

from odoo.addons.adv_base.tests.common import new_english_user

from .common import OrderControlCommon


class DeskOrdersCommon(OrderControlCommon):
    """The customer's confirmed order of goods, promised in 10 days, whose delivery is planned
    in 15: late by 5 days; and an order of another salesperson's customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.write({"mobile": "06 39 98 12 34", "country_id": cls.env.ref("base.fr").id})
        cls.promised = datetime.now().replace(microsecond=0) + timedelta(days=10)
        cls.order = cls.make_order(
            100.0,
            product=cls.goods,
            qty=3,
            client_order_ref="PO-VERNET-778",
            commitment_date=cls.promised,
        )
        cls.order.action_confirm()
        assert cls.order.state == "sale"
        cls.order.picking_ids.scheduled_date = cls.promised + timedelta(days=5)
        cls.other_seller = new_english_user(
            cls.env,
            "desk_other_seller",
            "Olga Seller",
            "sales_team.group_sale_salesman,adv_base.group_user",
        )
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Faïences Morel", "is_company": True}
        )
        cls.other_order = cls.make_order(
            50.0,
            partner=cls.other_customer,
            user_id=cls.other_seller.id,
            client_order_ref="PO-MOREL-1",
        )

    def desk(self, user=None):
        return self.env["adv.customer.desk"].with_user(user or self.salesman)

    def section(self, screen, key):
        return next((s for s in screen["sections"] if s["key"] == key), None)


@tagged("post_install", "-at_install")
class TestDeskOrders(DeskOrdersCommon):
    def test_find_by_order_number_and_po_reference(self):
        for term in (self.order.name, "VERNET-778", "po-vernet"):
            results = self.desk().find(term)
            self.assertEqual([r["partner_id"] for r in results], self.customer.ids, term)
            self.assertEqual(results[0]["kind"], "reference")
            self.assertEqual(
                (results[0]["res_model"], results[0]["res_id"]), ("sale.order", self.order.id)
            )

    def test_salesperson_finds_only_their_orders(self):
        self.assertFalse(self.desk().find("PO-MOREL-1"))
        self.assertTrue(self.desk(self.other_seller).find("PO-MOREL-1"))

    def test_orders_section_promised_against_expected(self):
        screen = self.desk().sections(self.customer.id)
        orders = self.section(screen, "orders")
        self.assertEqual([row["id"] for row in orders["rows"]], self.order.ids)
        line = orders["rows"][0]["lines"][0]
        self.assertEqual(line["badges"][0]["text"], "Late: expected D+15")
        self.assertEqual(line["badges"][0]["tone"], "danger")
        details = {d["label"]: d["value"] for d in line["details"]}
        self.assertEqual(details["Promised"], self.promised.strftime("%m/%d/%Y"))
        self.assertEqual(
            details["Expected"], (self.promised + timedelta(days=5)).strftime("%m/%d/%Y")
        )
        self.assertEqual(orders["actions"][0]["key"], "order_status")

    def test_a_quotation_line_is_not_planned_and_has_no_expected_date(self):
        quotation = self.make_order(80.0, product=self.goods, commitment_date=self.promised)
        orders = self.section(self.desk().sections(self.customer.id), "orders")
        row = next(row for row in orders["rows"] if row["id"] == quotation.id)
        line = row["lines"][0]
        self.assertEqual(
            (line["badges"][0]["text"], line["badges"][0]["tone"]), ("Not planned", "secondary")
        )
        self.assertEqual([d["label"] for d in line["details"]], ["Promised"])

    def test_credit_section(self):
        self.env["adv.credit.hold"].sudo().create(
            {"partner_id": self.customer.id, "reason": "Cheque returned unpaid"}
        )
        credit = self.section(self.desk().sections(self.customer.id), "credit")
        figures = {f["label"]: f for f in credit["figures"]}
        self.assertIn("10,000.00", figures["Credit limit"]["value"])
        self.assertIn("360.00", figures["Exposure"]["value"])  # 3 x 100 + 20 %
        self.assertIn("9,640.00", figures["Available"]["value"])
        self.assertEqual(credit["alerts"], ["On credit hold: Cheque returned unpaid"])

    def test_no_sales_right_no_orders_nor_credit(self):
        """An ADV user without sales rights (booth staff) sees neither orders nor credit."""
        screen = self.desk(self.adv_user).sections(self.customer.id)
        self.assertFalse(self.section(screen, "orders"))
        self.assertFalse(self.section(screen, "credit"))
        self.assertFalse(self.desk(self.adv_user).find(self.order.name))

    def test_order_status_email_in_the_customers_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.customer.lang = "fr_FR"
        action = self.desk().run_action(self.customer.id, "order_status")
        composer = (
            self.env["mail.compose.message"]
            .with_user(self.salesman)
            .with_context(**action["context"])
            .create({})
        )
        self.assertIn(self.order.name, composer.body)
        self.assertIn("PO-VERNET-778", composer.body)
        expected = (self.promised + timedelta(days=5)).strftime("%d/%m/%Y")
        self.assertIn(expected, composer.body, "the expected date, as the French write it")
        self.assertIn("commandes", composer.subject)
        composer._action_send_mail()
        message = self.customer.message_ids[:1]
        self.assertIn(self.order.name, message.body)
        self.assertEqual(message.partner_ids, self.customer)

    def _queries(self):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.desk().sections(self.customer.id)
        return self.env.cr.sql_log_count - before

    def test_screen_queries_do_not_grow_with_orders(self):
        self.make_order(10.0, product=self.goods).action_confirm()
        self._queries()
        few = self._queries()
        for _i in range(8):
            self.make_order(10.0, product=self.goods, qty=2).action_confirm()
        self.assertEqual(self._queries(), few)
