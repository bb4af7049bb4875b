# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import TradeShowCommon


@tagged("post_install", "-at_install")
class TestMatching(TradeShowCommon):
    def test_known_partner_by_normalised_email(self):
        capture = self.capture(email="  HELENE.lefevre@carrelages-sud.example ", phone=False)
        capture.action_process()
        self.assertEqual(capture.email_normalized, "helene.lefevre@carrelages-sud.example")
        self.assertEqual(capture.matched_by, "email")
        self.assertEqual(capture.partner_id, self.known_partner)
        # A new lead for the show, linked to the partner: no duplicate partner.
        self.assertEqual(capture.lead_id.partner_id, self.known_partner)
        self.assertEqual(capture.lead_id.adv_show_id, self.show)
        self.assertEqual(
            self.env["res.partner"].search_count(
                [("email_normalized", "=", "helene.lefevre@carrelages-sud.example")]
            ),
            1,
        )

    def test_known_partner_by_e164_phone_typed_differently(self):
        capture = self.capture(email="other@address.example", phone="+33 (0)6.71.82.93.04")
        capture.action_process()
        self.assertEqual(capture.phone_e164, "+33671829304")
        self.assertEqual(self.known_partner.adv_mobile_e164, "+33671829304")
        self.assertEqual(capture.matched_by, "phone")
        self.assertEqual(capture.partner_id, self.known_partner)

    def test_known_partner_keeps_its_contact_data(self):
        capture = self.capture(email="helene@gmail.example", phone="06 71 82 93 04")
        capture.action_process()
        self.assertEqual(capture.partner_id, self.known_partner)
        self.assertEqual(self.known_partner.email, "Helene.Lefevre@Carrelages-Sud.example")
        self.assertIn("helene@gmail.example", capture.lead_id.description)

    def test_email_wins_over_phone(self):
        other = self.env["res.partner"].create(
            {"name": "Phone owner", "phone": "06 99 99 99 99", "country_id": self.fr.id}
        )
        capture = self.capture(
            email="helene.lefevre@carrelages-sud.example", phone="06 99 99 99 99"
        )
        capture.action_process()
        self.assertEqual(capture.partner_id, self.known_partner)
        self.assertNotEqual(capture.partner_id, other)

    def test_same_visitor_twice_at_the_show_is_one_lead(self):
        first = self.capture(email="twice@visitor.example", phone=False)
        first.action_process()
        second = self.capture(
            user=self.show_manager, email="TWICE@visitor.example", phone=False, need="Again"
        )
        second.action_process()
        self.assertEqual(second.lead_id, first.lead_id)
        self.assertEqual(second.matched_by, "email")
        self.assertEqual(len(self.show.lead_ids), 1)
        self.assertEqual(len(first.lead_id.activity_ids), 1)

    def test_existing_lead_elsewhere_gives_a_new_show_lead(self):
        old = self.env["crm.lead"].create(
            {
                "name": "Web enquiry",
                "email_from": "web@visitor.example",
                "partner_id": self.known_partner.id,
            }
        )
        capture = self.capture(email="web@visitor.example", phone=False)
        capture.action_process()
        self.assertNotEqual(capture.lead_id, old)
        self.assertEqual(capture.lead_id.partner_id, self.known_partner)

    def test_existing_lead_matched_by_phone(self):
        self.env["crm.lead"].create(
            {"name": "Phone enquiry", "phone": "+33 4 78 00 00 01", "country_id": self.fr.id}
        )
        capture = self.capture(email=False, phone="04 78 00 00 01")
        capture.action_process()
        self.assertEqual(capture.matched_by, "phone")

    def test_name_and_company_only_suggest(self):
        company = self.env["res.partner"].create({"name": "Durand SA", "is_company": True})
        person = self.env["res.partner"].create(
            {"name": "Paul Durand", "parent_id": company.id, "email": "paul@durand.example"}
        )
        capture = self.capture(
            name="paul durand",
            company_name="DURAND SA",
            email="p.durand@gmail.example",
            phone=False,
        )
        capture.action_process()
        self.assertEqual(capture.matched_by, "new")
        self.assertFalse(capture.partner_id)
        self.assertFalse(capture.lead_id.partner_id)
        self.assertEqual(capture.suggested_partner_id, person)

    def test_matching_costs_the_same_whatever_the_volume(self):
        """Constant number of queries per capture (indexed exact lookups)."""
        capture = self.capture(email="count@visitor.example", phone="06 55 55 55 55")
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=12):
            capture.sudo()._find_match()
