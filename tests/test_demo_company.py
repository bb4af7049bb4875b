# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The demo and the test databases are built by scripts/bootstrap.sh's ``build_database``: the
company is French before Invoicing installs, so its chart, taxes, price lists and documents are
French and in euros, and its customers are French but for an EU pair and an export customer."""

from stdnum.eu import vat as eu_vat
from stdnum.fr import siren as fr_siren

from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestDemoCompany(TransactionCase):
    def test_the_company_is_french_with_its_chart_in_euros(self):
        company = self.env.ref("base.main_company")
        self.assertEqual(company.name, "Rhône Bâti Distribution")
        self.assertEqual(company.country_id.code, "FR")
        self.assertEqual(company.currency_id.name, "EUR")
        self.assertEqual(company.chart_template, "fr")
        self.assertEqual(company.account_sale_tax_id.amount, 20.0)
        self.assertTrue(fr_siren.is_valid(company.company_registry), company.company_registry)
        self.assertEqual(company.vat[4:], company.company_registry)
        self.assertTrue(eu_vat.is_valid(company.vat), company.vat)
        self.assertEqual(company.siret[:9], company.company_registry)
        # the demo's orders and invoices, and the sales journal, are in euros
        for model in ("sale.order", "account.move"):
            documents = self.env[model].search([("company_id", "=", company.id)])
            self.assertTrue(documents, model)
            self.assertEqual(set(documents.currency_id.mapped("name")), {"EUR"}, model)
        sales = self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "sale")]
        )
        self.assertTrue(sales)
        self.assertEqual(set(sales.mapped(lambda j: j.currency_id.name or "EUR")), {"EUR"})

    def test_the_company_has_the_legal_identity_its_letters_print(self):
        company = self.env.ref("base.main_company")
        self.assertEqual(company.adv_legal_form, "SAS")
        self.assertEqual(company.adv_share_capital, 250000.0)
        self.assertEqual(company.adv_trade_register, "Lyon")

    def test_customers_are_french_with_an_eu_pair_and_an_export_customer(self):
        customers = self.env["res.partner"].search(
            [("is_company", "=", True), ("parent_id", "=", False)]
        )
        by_country = {}
        for customer in customers:
            by_country.setdefault(customer.country_id.code, customer)
        self.assertTrue({"FR", "BE", "DE", "US"} <= set(by_country), sorted(map(str, by_country)))
        french = self.env.ref("base.res_partner_2")
        self.assertEqual(french.country_id.code, "FR")
        self.assertTrue(french.vat.startswith("FR") and eu_vat.is_valid(french.vat), french.vat)
        self.assertTrue(french.phone.startswith("+33 "))
        self.assertEqual(french.lang, "fr_FR")
        self.assertRegex(french.zip, r"^\d{5}$")
        # its contacts moved with it and have French names
        self.assertTrue(french.child_ids)
        for contact in french.child_ids.filtered(lambda c: c.type == "contact"):
            self.assertEqual(contact.city, french.city)
        belgian = self.env.ref("base.res_partner_5")
        self.assertTrue(eu_vat.is_valid(belgian.vat), belgian.vat)
        export = self.env.ref("base.res_partner_18")
        self.assertEqual(export.country_id.code, "US")
        self.assertFalse(export.vat)

    def test_french_for_the_demo_user_english_for_admin(self):
        self.assertEqual(self.env.ref("base.user_demo").lang, "fr_FR")
        self.assertEqual(self.env.ref("base.user_admin").lang, "en_US")
