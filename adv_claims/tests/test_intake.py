# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""E-mails to a claim alias, as the mail gateway receives them (``message_process`` of the raw
text): a known contact opens a claim; an unknown sender neither opens a claim nor creates a
contact, and is acknowledged at most once per address and day."""

from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestIntake(ClaimsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        domain = cls.env["mail.alias.domain"].create({"name": "claims.example"})
        cls.claim_type_damage.alias_id.write(
            {"alias_domain_id": domain.id, "alias_contact": "everyone"}
        )
        cls.claim_type_damage.acknowledge_unknown_senders = True
        cls.alias = cls.claim_type_damage.alias_id.display_name

    def receive(self, sender, subject, message_id, attachment=None):
        """The gateway processes an e-mail from ``sender``: the record it went to."""
        mail = MIMEMultipart()
        mail["From"] = sender
        mail["To"] = self.alias
        mail["Subject"] = subject
        mail["Message-ID"] = f"<{message_id}@example.org>"
        mail.attach(MIMEText("Two pallets were crushed on arrival.", "plain"))
        if attachment:
            part = MIMEApplication(b"%PDF-1.4 delivery note", Name=attachment)
            part["Content-Disposition"] = f'attachment; filename="{attachment}"'
            mail.attach(part)
        thread_id = self.env["mail.thread"].message_process(False, mail.as_string())
        intake = self.env["adv.claim.intake"].search([("subject", "=", subject)])
        return intake or self.env["adv.claim"].browse(thread_id)

    def partners(self, email):
        return (
            self.env["res.partner"]
            .with_context(active_test=False)
            .search([("email_normalized", "=", email)])
        )

    def acknowledgements(self, email):
        return self.env["mail.mail"].search(
            [("email_to", "=", email), ("model", "=", "adv.claim.intake")]
        )

    def test_a_known_contact_opens_a_claim(self):
        claim = self.receive("Jeanne Dupont <jeanne@dupont.example>", "Crushed pallets", "k1")
        self.assertEqual(claim._name, "adv.claim")
        self.assertEqual(claim.contact_id, self.customer_contact)
        self.assertEqual(claim.partner_id, self.customer)
        self.assertEqual(claim.type_id, self.claim_type_damage)
        self.assertFalse(self.env["adv.claim.intake"].search([]))

    def test_an_unknown_sender_waits_without_contact_or_claim(self):
        claims_before = self.env["adv.claim"].search_count([])
        intake = self.receive(
            "Eve Stranger <eve@unknown.example>", "Your tiles", "u1", attachment="note.pdf"
        )
        self.assertEqual(intake._name, "adv.claim.intake")
        self.assertEqual(intake.state, "pending")
        self.assertEqual(intake.email_normalized, "eve@unknown.example")
        self.assertEqual(intake.type_id, self.claim_type_damage)
        self.assertFalse(self.partners("eve@unknown.example"), "a contact was created")
        self.assertEqual(self.env["adv.claim"].search_count([]), claims_before)
        email = intake.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(email.attachment_ids.mapped("name"), ["note.pdf"])
        # The handler accepts it: the contact, then the claim with the message and attachment.
        action = intake.with_user(self.handler).action_accept()
        claim = intake.claim_id
        self.assertEqual(action["params"]["next"]["res_id"], claim.id)
        self.assertEqual(intake.state, "accepted")
        contact = self.partners("eve@unknown.example")
        self.assertEqual(contact.name, "Eve Stranger")
        self.assertEqual(claim.contact_id, contact)
        self.assertEqual(claim.subject, "Your tiles")
        self.assertEqual(claim.channel, "email")
        self.assertIn(email, claim.message_ids)
        self.assertEqual(
            self.env["ir.attachment"]
            .search([("res_model", "=", "adv.claim"), ("res_id", "=", claim.id)])
            .mapped("name"),
            ["note.pdf"],
        )
        with self.assertRaises(UserError):
            intake.with_user(self.handler).action_reject()

    def test_a_rejected_intake_creates_nothing(self):
        intake = self.receive("spam@unknown.example", "Win a prize", "u2")
        intake.with_user(self.handler).action_reject()
        self.assertEqual(intake.state, "rejected")
        self.assertFalse(intake.claim_id)
        self.assertFalse(self.partners("spam@unknown.example"))
        # The decision is the actions': not a field a handler writes.
        with self.assertRaises(AccessError):
            intake.with_user(self.handler).write({"state": "pending"})
        with self.assertRaises(AccessError):
            self.env["adv.claim.intake"].with_user(self.handler).create({"subject": "Forged"})

    def test_one_acknowledgement_per_address_and_day(self):
        first = self.receive("Eve Stranger <eve@unknown.example>", "Tiles 1", "d1")
        second = self.receive("EVE@unknown.example", "Tiles 2", "d2")
        other = self.receive("bob@unknown.example", "Tiles 3", "d3")
        self.assertTrue(first.acknowledged)
        self.assertFalse(second.acknowledged)
        self.assertTrue(other.acknowledged)
        acks = self.acknowledgements("eve@unknown.example")
        self.assertEqual(len(acks), 1)
        self.assertEqual(len(self.acknowledgements("bob@unknown.example")), 1)
        # To the one normalised address only.
        self.assertEqual(acks.email_to, "eve@unknown.example")
        self.assertFalse(acks.recipient_ids)

    def test_no_acknowledgement_when_the_type_says_so(self):
        self.claim_type_damage.acknowledge_unknown_senders = False
        intake = self.receive("carol@unknown.example", "Tiles", "n1")
        self.assertEqual(intake.state, "pending")
        self.assertFalse(intake.acknowledged)
        self.assertFalse(self.acknowledgements("carol@unknown.example"))
