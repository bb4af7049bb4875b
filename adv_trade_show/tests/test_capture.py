# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import TradeShowCommon


@tagged("post_install", "-at_install")
class TestCapture(TradeShowCommon):
    def test_incomplete_capture_is_kept_as_draft_and_refused_clearly(self):
        capture = self.capture(name="", email=False, phone=False, informed=False, need="Tiles")
        with self.assertRaises(UserError) as refusal:
            capture.action_process()
        message = str(refusal.exception)
        self.assertIn("saved as a draft", message)
        self.assertIn("the visitor's name", message)
        self.assertIn("an e-mail or a phone number", message)
        self.assertIn("the privacy notice", message)
        # Nothing typed is lost: the draft is still there with its need.
        self.assertEqual(capture.state, "draft")
        self.assertEqual(capture.need, "Tiles")
        self.assertFalse(capture.lead_id)

    def test_refusal_in_french(self):
        capture = self.capture(email="not an e-mail", phone=False)
        with self.assertRaises(UserError) as refusal:
            capture.with_context(lang="fr_FR").action_process()
        self.assertIn("brouillon", str(refusal.exception))
        self.assertIn("not an e-mail", str(refusal.exception))

    def test_invalid_phone_is_refused(self):
        capture = self.capture(email=False, phone="12")
        with self.assertRaisesRegex(UserError, "valid phone"):
            capture.action_process()

    def test_processed_twice_is_refused(self):
        capture = self.capture()
        capture.action_process()
        with self.assertRaisesRegex(UserError, "already processed"):
            capture.action_process()

    def test_new_visitor_becomes_an_attributed_assigned_lead(self):
        with freeze_time("2026-11-03 10:00:00"):
            capture = self.capture(
                product_ids=[Command.set(self.tiles.ids)],
                need="2 000 m² for a hotel",
                temperature="hot",
                next_step="quote",
                function="Buyer",
            )
            result = capture.action_process()
        self.assertEqual(result["params"]["type"], "success")
        lead = capture.lead_id
        self.assertEqual(capture.state, "done")
        self.assertEqual(capture.matched_by, "new")
        self.assertEqual(lead.adv_show_id, self.show)
        self.assertEqual(lead.campaign_id, self.show.campaign_id)
        self.assertEqual(lead.source_id, self.show.source_id)
        self.assertEqual(lead.medium_id, self.show.medium_id)
        self.assertEqual(lead.tag_ids, self.tag)
        self.assertEqual(lead.contact_name, "Jeanne Visitor")
        self.assertEqual(lead.partner_name, "Visitor SARL")
        self.assertEqual(lead.function, "Buyer")
        self.assertEqual(lead.priority, "3")
        self.assertIn("Outdoor tiles", lead.description)
        self.assertEqual(lead.lang_id.code, "fr_FR")
        # Assigned by the first matching rule (France + tiles).
        self.assertEqual(lead.user_id, self.sales_tiles)
        # The promised follow-up, due two days after the visit, for the salesperson.
        activity = lead.activity_ids
        self.assertEqual(
            activity.activity_type_id, self.env.ref("adv_trade_show.mail_activity_show_followup")
        )
        self.assertEqual(activity.user_id, self.sales_tiles)
        self.assertEqual(str(activity.date_deadline), "2026-11-05")
        self.assertEqual(activity.summary, "Send a quote")

    def test_assignment_by_language_then_show_manager(self):
        english = self.capture(email="bob@uk.example", phone=False, country_id=self.gb.id)
        self.assertEqual(english.lang, "en_US")
        english.action_process()
        self.assertEqual(english.lead_id.user_id, self.sales_export)
        french = self.capture(email="luc@fr.example", phone=False)
        french.action_process()
        self.assertEqual(french.lead_id.user_id, self.show_manager)

    def test_consent_evidence(self):
        with freeze_time("2026-11-03 10:00:00"):
            capture = self.capture(marketing_opt_in=False)
            capture.action_process()
        consent = capture.consent_ids
        self.assertEqual(len(consent), 1)
        self.assertEqual(consent.purpose, "follow_up")
        self.assertEqual(consent.legal_basis, "legitimate_interest")
        self.assertEqual(consent.text_version, self.show.consent_text_id.name)
        self.assertTrue(consent.text_shown)
        self.assertEqual(consent.user_id, self.staff)
        self.assertEqual(str(consent.timestamp), "2026-11-03 10:00:00")
        self.assertEqual(str(consent.retention_date), "2029-11-03")
        self.assertFalse(consent.marketing_opt_in)
        self.assertEqual(consent.email_normalized, "jeanne@visitor.example")
        opted = self.capture(email="opt@in.example", marketing_opt_in=True)
        opted.action_process()
        marketing = opted.consent_ids.filtered(lambda c: c.purpose == "marketing")
        self.assertEqual(marketing.legal_basis, "consent")
        self.assertTrue(marketing.marketing_opt_in)
        # The text as shown, in the visitor's language.
        text = self.show.consent_text_id.with_context(lang="fr_FR")
        self.assertEqual(marketing.text_shown, text.marketing_body)
        self.assertIn("J'accepte", marketing.text_shown)
        with self.assertRaisesRegex(UserError, "cannot be modified"):
            consent.with_user(self.show_manager).write({"marketing_opt_in": True})

    def test_the_salesperson_gets_one_email_per_lead_and_none_for_a_second_capture(self):
        """The follow-up activity's e-mail tells the salesperson of the new lead (no second
        e-mail for the assignment), from the booth staff member, a moment after the capture
        (the job the capture triggers), once; the visitor captured again is an internal note
        on the lead, e-mailed to no follower."""
        seller = self.sales_tiles.partner_id
        cron = self.env.ref("adv_trade_show.ir_cron_notify_follow_ups")
        Capture = self.env["adv.trade.show.capture"]
        Capture._cron_notify_follow_ups()  # what the database already had to announce (demo)

        def seller_messages():
            return self.env["mail.message"].search(
                [("model", "=", "crm.lead"), ("partner_ids", "in", seller.ids)]
            )

        def triggers():
            return self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)])

        # As over RPC: mail tracking and subscriptions on (the test classes turn them off).
        self.env = self.env(context=dict(self.env.context, tracking_disable=False))
        first = self.capture(product_ids=[Command.set(self.tiles.ids)])
        before = triggers()
        first.action_process()
        lead = first.sudo().lead_id
        self.assertEqual(lead.user_id, self.sales_tiles)
        self.assertFalse(seller_messages(), "the phone does not wait for the e-mail")
        self.assertEqual(triggers(), before + 1, "the e-mail job is triggered")
        self.assertEqual(Capture._cron_notify_follow_ups(), lead.activity_ids)
        notified = seller_messages()
        self.assertEqual(len(notified), 1, notified.mapped("subject"))
        self.assertEqual(notified.res_id, lead.id)
        self.assertEqual(notified.author_id, self.staff.partner_id)
        self.assertIn(lead.activity_ids.summary, notified.body)
        self.assertIn("Sam Staff", notified.body)
        self.assertEqual(notified.mail_ids.recipient_ids, seller)
        self.assertFalse(Capture._cron_notify_follow_ups(), "announced once")
        again = self.capture(user=self.show_manager)
        again.action_process()
        self.assertEqual(again.sudo().lead_id, lead)
        note = lead.message_ids.filtered(lambda m: "captured again" in (m.body or ""))
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))
        self.assertFalse(Capture._cron_notify_follow_ups())
        self.assertEqual(seller_messages(), notified)
        self.assertFalse(note.mail_ids)

    def test_a_follow_up_done_before_its_email_is_not_announced(self):
        """The salesperson already called the visitor back: no e-mail about it afterwards."""
        self.env["adv.trade.show.capture"]._cron_notify_follow_ups()  # the demo's, announced
        capture = self.capture()
        capture.action_process()
        capture.sudo().lead_id.activity_ids.action_feedback(feedback="Called at the booth")
        self.assertFalse(self.env["adv.trade.show.capture"]._cron_notify_follow_ups())
        self.assertFalse(capture.sudo().notify_activity_id)

    def _thanks_mails(self, capture):
        return self.env["mail.mail"].search(
            [("model", "=", capture._name), ("res_id", "=", capture.id)]
        )

    def test_thank_you_email_only_with_consent_in_the_visitors_language(self):
        silent = self.capture(email="silent@visitor.example", next_step="call")
        silent.action_process()
        self.assertFalse(self._thanks_mails(silent))
        french = self.capture(email="fr@visitor.example", marketing_opt_in=True)
        french.action_process()
        mail = self._thanks_mails(french)
        self.assertEqual(len(mail), 1)
        self.assertIn("Merci", mail.subject)
        self.assertIn("fr@visitor.example", mail.email_to)
        english = self.capture(
            email="en@visitor.example", country_id=self.gb.id, next_step="documentation"
        )
        english.action_process()
        mail = self._thanks_mails(english)
        self.assertIn("Thank you", mail.subject)
        self.assertIn("our documentation follows", mail.body_html)

    def assertOneRecipient(self, mail, address):
        """``mail`` goes out as one e-mail to ``address`` alone, as the mail queue sends it."""
        outgoing = mail._prepare_outgoing_list()
        self.assertEqual(len(outgoing), 1, "one e-mail, not one per recipient")
        self.assertEqual(outgoing[0]["email_to_normalized"], [address])
        self.assertEqual(len(outgoing[0]["email_to"]), 1)
        self.assertFalse(outgoing[0]["email_cc"])
        self.assertFalse(mail.recipient_ids)

    def test_thank_you_email_goes_to_one_address_only(self):
        """A list or a display name smuggled in a badge or typed is never a list of
        recipients, even when the show's template adds copies."""
        self.show.mail_template_id.sudo().write(
            {"email_cc": "spy@evil.example", "partner_to": str(self.known_partner.id)}
        )
        vcard = "BEGIN:VCARD\nVERSION:3.0\nFN:Jane Doe\nEMAIL;TYPE=INTERNET:{}\nEND:VCARD"
        smuggled = {
            "badge: a comma list": {
                "badge_payload": vcard.format("Jane@Visitor1.example,boss@evil.example")
            },
            "badge: a display name": {
                "badge_payload": vcard.format('"jane@visitor2.example" <boss@evil.example>')
            },
            "typed: a semicolon list": {"email": "jane@visitor3.example; boss@evil.example"},
        }
        for i, (what, values) in enumerate(smuggled.items(), start=1):
            with self.subTest(what):
                values = {"name": "Jane Doe", "email": False, "phone": False, **values}
                capture = self.capture(marketing_opt_in=True, **values)
                self.assertEqual(capture.email, f"jane@visitor{i}.example")
                capture.action_process()
                self.assertEqual(capture.lead_id.sudo().email_from, f"jane@visitor{i}.example")
                self.assertOneRecipient(self._thanks_mails(capture), f"jane@visitor{i}.example")

    def test_badge_payload_fills_the_form(self):
        payload = (
            "BEGIN:VCARD\nVERSION:3.0\nN:Smith;John\nFN:John Smith\nORG:Acme Ltd\n"
            "TITLE:Buyer\nTEL;TYPE=CELL:+44 20 7946 0000\nEMAIL:john@acme.example\n"
            "ADR:;;1 Main St;London;;W1;GB\nEND:VCARD"
        )
        form = Form(self.env["adv.trade.show.capture"].with_user(self.staff))
        form.company_name = "Typed first"
        form.badge_payload = payload
        self.assertEqual(form.name, "John Smith")
        self.assertEqual(form.company_name, "Typed first")  # what was typed stays
        self.assertEqual(form.email, "john@acme.example")
        self.assertEqual(form.phone, "+44 20 7946 0000")
        self.assertEqual(form.function, "Buyer")
        self.assertEqual(form.country_id, self.gb)
        self.assertEqual(form.lang, "en_US")
        form.informed = True
        capture = form.save()
        capture.action_process()
        self.assertEqual(capture.phone_e164, "+442079460000")

    def test_badge_payload_over_rpc_create(self):
        capture = self.capture(
            name=False,
            email=False,
            phone=False,
            badge_payload="MECARD:N:Durand,Paul;EMAIL:p@d.example;;",
        )
        self.assertEqual(capture.name, "Paul Durand")
        self.assertEqual(capture.email, "p@d.example")

    def test_my_day_shows_the_follow_up_with_the_expected_revenue(self):
        capture = self.capture()
        capture.action_process()
        lead = capture.lead_id.sudo()
        lead.expected_revenue = 12000
        activity = self.env["mail.activity"].search(
            [("res_model", "=", "crm.lead"), ("res_id", "=", lead.id)]
        )
        self.assertEqual(activity.adv_stake, 12000)
        self.assertFalse(activity.adv_partner_id)  # a visitor, not yet a customer
        self.assertEqual(activity.adv_reason, activity.summary or "Show follow-up")
        lead._handle_partner_assignment(create_missing=True)
        self.assertTrue(lead.partner_id)
        self.assertEqual(activity.adv_partner_id, lead.partner_id)  # refreshed at conversion
        day = (
            self.env["mail.activity"]
            .with_user(lead.user_id)
            .search([("user_id", "=", lead.user_id.id), ("adv_stake", ">", 0)])
        )
        self.assertIn(activity, day)

    def test_converted_show_lead_calls_the_customer_hook(self):
        capture = self.capture(email="new@customer.example", phone=False)
        capture.action_process()
        lead = capture.lead_id.sudo()
        self.assertFalse(lead.partner_id)
        assigned = []
        original = type(lead)._adv_show_customer_assigned

        def spy(records, companies):
            assigned.append((records, records.partner_id, companies))
            return original(records, companies)

        self.patch(type(lead), "_adv_show_customer_assigned", spy)
        lead._handle_partner_assignment(create_missing=True)
        self.assertEqual(len(assigned), 1)
        records, partner, companies = assigned[0]
        self.assertEqual(records, lead)
        self.assertTrue(partner)
        self.assertEqual(lead.partner_id, partner)
        self.assertEqual(capture.partner_id, partner)
        self.assertEqual(companies, {lead.id: self.company})
