# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import TradeShowCommon


@tagged("post_install", "-at_install")
class TestRetention(TradeShowCommon):
    def test_anonymised_after_retention_unless_opportunity(self):
        with freeze_time("2026-11-03 10:00:00"):
            plain = self.capture(email="plain@visitor.example", phone=False)
            plain.action_process()
            kept = self.capture(email="kept@visitor.example", phone=False)
            kept.action_process()
            kept.lead_id.sudo().convert_opportunity(self.env["res.partner"])
            kept.lead_id.sudo().expected_revenue = 5000
            draft = self.capture(email="draft@visitor.example", informed=False)
        Capture = self.env["adv.trade.show.capture"]
        ours = plain | kept | draft
        with freeze_time("2029-11-03"):
            self.assertFalse(Capture._cron_anonymise() & ours)  # not past its date yet
        with freeze_time("2029-11-04"):
            done = Capture._cron_anonymise()
        self.assertEqual(done & ours, plain | draft)
        self.assertEqual(plain.state, "anonymised")
        self.assertEqual(plain.name, "Anonymised visitor")
        self.assertFalse(plain.email or plain.email_normalized or plain.phone)
        self.assertFalse(plain.lead_id.sudo().email_from)
        self.assertEqual(plain.lead_id.sudo().contact_name, "Anonymised visitor")
        self.assertFalse(plain.consent_ids.email_normalized)
        self.assertTrue(plain.consent_ids.anonymised)
        self.assertEqual(kept.state, "done")
        self.assertEqual(kept.email, "kept@visitor.example")

    def test_consent_proof_of_a_contact(self):
        contact = self.env["res.partner"].create(
            {"name": "Proof Contact", "email": "proof@contact.example"}
        )
        capture = self.capture(email="PROOF@contact.example", phone=False)
        capture.action_process()
        partner = contact.with_user(self.show_manager)
        self.assertEqual(partner.adv_consent_count, 1)
        action = partner.action_view_adv_consents()
        proof = (
            self.env["adv.trade.show.consent"].with_user(self.show_manager).search(action["domain"])
        )
        self.assertEqual(proof, capture.consent_ids)
        self.assertEqual(proof.user_id, self.staff)

    def test_erasure_on_request_is_for_managers(self):
        capture = self.capture()
        capture.action_process()
        with self.assertRaisesRegex(UserError, "manager"):
            capture.with_user(self.staff).action_erase()
        capture.with_user(self.show_manager).action_erase()
        self.assertEqual(capture.state, "anonymised")


@tagged("post_install", "-at_install")
class TestReminder(TradeShowCommon):
    def test_lead_not_contacted_reminds_its_salesperson_once(self):
        with freeze_time("2026-11-03 10:00:00"):
            waiting = self.capture(email="waiting@visitor.example", phone=False)
            waiting.action_process()
            called = self.capture(email="called@visitor.example", phone=False)
            called.action_process()
        called.lead_id.sudo().activity_ids.action_feedback(feedback="Called, sends plans")
        Lead = self.env["crm.lead"]
        reminder = self.env.ref("adv_trade_show.mail_activity_show_reminder")
        ours = waiting.lead_id | called.lead_id
        with freeze_time("2026-11-09 10:00:00"):
            self.assertFalse(Lead._cron_adv_show_remind() & ours)
        with freeze_time("2026-11-10 11:00:00"):
            self.assertEqual(Lead._cron_adv_show_remind() & ours, waiting.lead_id)
            self.assertFalse(Lead._cron_adv_show_remind() & ours)  # once
        activity = waiting.lead_id.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == reminder
        )
        self.assertEqual(activity.user_id, waiting.lead_id.user_id)
