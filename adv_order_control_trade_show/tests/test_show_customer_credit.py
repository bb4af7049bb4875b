# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.adv_trade_show.tests.common import TradeShowCommon

TODAY = "2026-11-04"


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestShowCustomerCredit(TradeShowCommon):
    """Visitors of the show become customers: order control's defaults of the lead's company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"adv_credit_review_months": 6, "account_use_credit_limit": True})
        cls.env["ir.default"].set("res.partner", "credit_limit", 5000.0, company_id=cls.company.id)

    def show_lead(self, **values):
        return self.env["crm.lead"].create(
            {
                "name": "Visitor SARL - tiles",
                "type": "lead",
                "adv_show_id": self.show.id,
                "partner_name": "Visitor SARL",
                "contact_name": "Jeanne Visitor",
                "email_from": "jeanne@visitor.example",
                "user_id": self.sales_tiles.id,
                "company_id": self.company.id,
                **values,
            }
        )

    def convert(self, lead, user=None, **values):
        """The salesperson's *Convert to opportunity* wizard."""
        wizard = (
            self.env["crm.lead2opportunity.partner"]
            .with_user(user or self.sales_tiles)
            .with_context(active_model="crm.lead", active_id=lead.id, active_ids=lead.ids)
            .create({"name": "convert", **values})
        )
        wizard.action_apply()
        return lead.partner_id.commercial_partner_id

    def credit(self, partner, company=None):
        return partner.sudo().with_company(company or self.company)

    def assertShowDefaults(self, partner, review, limit=5000.0, company=None):
        partner = self.credit(partner, company)
        self.assertEqual(partner.adv_credit_review_date, review)
        self.assertFalse(partner.use_partner_credit_limit)
        self.assertEqual(partner.credit_limit, limit)
        self.assertTrue(any("trade show" in body for body in partner.message_ids.mapped("body")))

    def test_a_visitor_converted_by_the_salesperson_gets_the_defaults(self):
        lead = self.show_lead()
        customer = self.convert(lead, action="create")
        self.assertEqual(customer.name, "Visitor SARL")
        self.assertEqual(lead.type, "opportunity")
        self.assertShowDefaults(customer, datetime.date(2027, 5, 4))
        note = customer.message_ids.filtered(lambda m: "trade show" in m.body)
        self.assertEqual(len(note), 1)
        self.assertIn(self.show.name, note.body)
        # What order control reads on an order of this customer.
        data = self.env["adv.credit.exposure"]._get_partner_credit_data(customer, self.company)
        self.assertEqual(data[customer.id]["limit"], 5000.0)
        self.assertEqual(data[customer.id]["review_date"], datetime.date(2027, 5, 4))

    def test_partner_assignment_creates_the_customer_with_the_defaults(self):
        lead = self.show_lead(partner_name=False)
        lead._handle_partner_assignment(create_missing=True)
        self.assertEqual(lead.partner_id.name, "Jeanne Visitor")
        self.assertShowDefaults(lead.partner_id, datetime.date(2027, 5, 4))
        # Assigned again (a quotation from the opportunity): nothing changes, no second note.
        lead._handle_partner_assignment(create_missing=True)
        notes = lead.partner_id.message_ids.filtered(lambda m: "trade show" in m.body)
        self.assertEqual(len(notes), 1)

    def test_a_lead_not_from_a_show_is_untouched(self):
        lead = self.show_lead(adv_show_id=False)
        customer = self.convert(lead, action="create")
        self.assertFalse(self.credit(customer).adv_credit_review_date)
        self.assertFalse(any("trade show" in body for body in customer.message_ids.mapped("body")))

    def test_an_existing_customer_keeps_their_own_limit_or_review_date(self):
        own_limit = self.credit(self.known_partner)
        own_limit.credit_limit = 20000.0
        self.assertTrue(own_limit.use_partner_credit_limit)
        lead = self.show_lead(partner_name=False, contact_name=False)
        self.convert(lead, action="exist", partner_id=self.known_partner.id)
        self.assertEqual(lead.partner_id, self.known_partner)
        self.assertEqual(own_limit.credit_limit, 20000.0)
        self.assertFalse(own_limit.adv_credit_review_date)

        reviewed = self.env["res.partner"].create({"name": "Carrelages Nord", "is_company": True})
        self.credit(reviewed).adv_credit_review_date = "2026-12-31"
        lead = self.show_lead(partner_id=reviewed.id, partner_name=False, contact_name=False)
        lead._handle_partner_assignment(force_partner_id=reviewed.id)
        self.assertEqual(self.credit(reviewed).adv_credit_review_date, datetime.date(2026, 12, 31))
        self.assertFalse(self.credit(reviewed).use_partner_credit_limit)

    def test_an_existing_partner_without_credit_setting_gets_them(self):
        lead = self.show_lead(partner_name=False, contact_name=False)
        self.convert(lead, action="exist", partner_id=self.known_partner.id)
        self.assertShowDefaults(self.known_partner, datetime.date(2027, 5, 4))

    def test_the_settings_of_the_leads_company(self):
        company_b = self.env["res.company"].create(
            {"name": "ADV Belgique", "currency_id": self.env.ref("base.EUR").id}
        )
        company_b.write({"adv_credit_review_months": 3})
        self.env["ir.default"].set("res.partner", "credit_limit", 1500.0, company_id=company_b.id)
        lead = self.show_lead(company_id=company_b.id, user_id=False)
        self.assertEqual(lead.company_id, company_b)
        lead._handle_partner_assignment(create_missing=True)
        customer = lead.partner_id.commercial_partner_id
        self.assertShowDefaults(customer, datetime.date(2027, 2, 4), 1500.0, company_b)
        self.assertFalse(self.credit(customer).adv_credit_review_date)
        self.assertEqual(self.credit(customer).credit_limit, 5000.0)

    def test_no_review_period_no_review_date(self):
        self.company.adv_credit_review_months = 0
        customer = self.convert(self.show_lead(), action="create")
        self.assertFalse(self.credit(customer).adv_credit_review_date)
        self.assertEqual(self.credit(customer).credit_limit, 5000.0)
