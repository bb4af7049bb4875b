# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time
from odoo_test_helper import FakeModelLoader

from odoo.tests import tagged

from .common import OrderControlCommon


@tagged("post_install", "-at_install")
class TestConformity(OrderControlCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "adv_conformity_check": True,
                "country_id": cls.env.ref("base.fr").id,
            }
        )
        cls.customer.write(
            {
                "street": "12 rue des Lilas",
                "zip": "69003",
                "city": "Lyon",
                "country_id": cls.env.ref("base.fr").id,
                "credit_limit": 0.0,
            }
        )
        cls.customer_contact.write(
            {
                "street": "3 quai Perrache",
                "zip": "69002",
                "city": "Lyon",
                "country_id": cls.env.ref("base.fr").id,
            }
        )

    def failures(self, order):
        return {r.rule: r.message for r in order._adv_conformity_checks() if r.outcome != "pass"}

    def test_conforming_order_passes_all_checks(self):
        order = self.make_order(100.0)
        self.assertEqual(self.failures(order), {})
        self.assertIn("fa-check", order.adv_checklist)
        self.assertIs(order.action_confirm(), True)

    def test_minimum_order_amount_customer_then_company(self):
        self.company.adv_min_order_amount = 150.0
        order = self.make_order(100.0)
        self.assertEqual(
            self.failures(order)["min_amount"],
            "Order amount $\xa0100.00 is below the minimum order of $\xa0150.00.",
        )
        self.customer.with_user(self.controller).adv_min_order_amount = 50.0
        self.assertNotIn("min_amount", self.failures(order))

    def test_packaging_multiples(self):
        self.customer.adv_buys_by_packaging = True
        self.env["product.packaging"].create(
            {"name": "Box", "qty": 12, "product_id": self.service.id, "sales": True}
        )
        order = self.make_order(10.0, qty=25)
        self.assertEqual(
            self.failures(order)["packaging"],
            "Consulting day: 25.0 is not a multiple of the packaging (Box = 12).",
        )
        order.order_line.write({"product_uom_qty": 24, "price_unit": 10.0})
        self.assertNotIn("packaging", self.failures(order))

    def test_customer_po_reference(self):
        self.customer.adv_require_po_ref = True
        order = self.make_order(100.0)
        self.assertEqual(
            self.failures(order)["po_ref"],
            "The customer requires their purchase order reference on every order.",
        )
        order.client_order_ref = "PO-4512"
        self.assertNotIn("po_ref", self.failures(order))

    def test_addresses_and_french_postcode(self):
        self.customer_contact.write({"zip": "6900", "street": False})
        order = self.make_order(100.0, partner_invoice_id=self.customer_contact.id)
        self.assertEqual(self.failures(order)["address"], "Invoice address: missing street.")
        self.customer_contact.street = "3 quai Perrache"
        self.assertEqual(
            self.failures(order)["address"],
            "Invoice address: 6900 is not a French postcode (5 digits).",
        )

    def test_addresses_missing_zip_city_and_country(self):
        self.customer_contact.write({"zip": False, "city": False, "country_id": False})
        delivery = self.env["res.partner"].create(
            {
                "name": "Dupont warehouse",
                "parent_id": self.customer.id,
                "type": "delivery",
                "street": "ZI des Tuileries",
                "zip": "69740",
                "country_id": self.env.ref("base.fr").id,
            }
        )
        order = self.make_order(
            100.0, partner_invoice_id=self.customer_contact.id, partner_shipping_id=delivery.id
        )
        self.assertEqual(
            self.failures(order)["address"],
            "Delivery address: missing city; Invoice address: missing zip, city, country.",
        )
        self.assertRefused(order.action_confirm(), order)
        line = order.adv_check_ids.line_ids.filtered(lambda ln: ln.rule == "address")
        self.assertEqual(line.outcome, "block")
        delivery.city = "Genas"
        self.customer_contact.write(
            {"zip": "69002", "city": "Lyon", "country_id": self.env.ref("base.fr").id}
        )
        self.assertNotIn("address", self.failures(order))

    def test_intra_eu_vat_and_export_incoterm(self):
        self.customer.write({"country_id": self.env.ref("base.be").id, "zip": "1000"})
        order = self.make_order(100.0)
        failures = self.failures(order)
        self.assertEqual(
            failures["vat"],
            "Dupont Distribution is an EU customer outside France: an intra-EU VAT number "
            "starting with BE is required.",
        )
        self.assertEqual(failures["incoterm"], "Export order to Belgium: set the incoterm.")
        self.customer.vat = "BE0477472701"
        order.incoterm = self.env.ref("account.incoterm_DAP")
        self.assertFalse({"vat", "incoterm"} & set(self.failures(order)))

    @freeze_time("2026-11-02")
    def test_requested_date_states_the_earliest_date(self):
        self.service.sale_delay = 5
        self.company.security_lead = 2
        order = self.make_order(100.0, commitment_date="2026-11-06 10:00:00")
        self.assertEqual(
            self.failures(order)["lead_time"],
            "Requested date 2026-11-06 is too early: the earliest possible date is 2026-11-09 "
            "(lead time 5 days + security 2 days).",
        )
        order.commitment_date = "2026-11-09 10:00:00"
        self.assertNotIn("lead_time", self.failures(order))

    def test_payment_terms_as_agreed(self):
        agreed = self.env.ref("account.account_payment_term_30days")
        self.customer.property_payment_term_id = agreed
        order = self.make_order(100.0)
        order.payment_term_id = self.env.ref("account.account_payment_term_immediate")
        self.assertEqual(
            self.failures(order)["payment_term"],
            "Payment terms Immediate Payment differ from the agreed 30 Days.",
        )

    def test_discount_above_the_salesperson_maximum(self):
        self.salesman.adv_max_discount = 10.0
        order = self.make_order(100.0)
        order.order_line.discount = 15.0
        self.assertEqual(
            self.failures(order)["discount"],
            "Discount 15 % is above Sam Salesman's maximum of 10 %.",
        )

    def test_blocking_conformity_keeps_the_quotation(self):
        self.customer.adv_require_po_ref = True
        order = self.make_order(100.0)
        self.assertRefused(order.action_confirm(), order)
        self.assertEqual(order.adv_check_ids.line_ids.rule, "po_ref")
        self.assertEqual(order.adv_check_ids.outcome, "block")


@tagged("post_install", "-at_install")
class TestConformityExtension(OrderControlCommon):
    """Another addon adds a check by overriding ``_adv_conformity_checks`` (a test model)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .models import SaleOrderNoFreeLines

        cls.loader.update_registry((SaleOrderNoFreeLines,))
        cls.company.adv_conformity_check = True
        cls.customer.write(
            {
                "street": "1 rue de la Paix",
                "zip": "75002",
                "city": "Paris",
                "country_id": cls.company.country_id.id,
            }
        )

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    def test_added_check_stops_the_order(self):
        order = self.make_order(0.0)
        results = {r.rule: r for r in order._adv_conformity_checks()}
        self.assertEqual(results["free_lines"].message, "Free lines need a gift order.")
        self.assertRefused(order.action_confirm(), order)
        line = order.adv_check_ids.line_ids.filtered(lambda ln: ln.rule == "free_lines")
        self.assertEqual(line.rule_label, "free_lines")
        self.assertEqual(line.outcome, "block")
