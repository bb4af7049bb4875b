# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.adv_dunning.tests.common import DunningCommon


@tagged("post_install", "-at_install")
class TestClaimDispute(DunningCommon):
    """Invoices due on 1 March 2026, dunned on 5 April (first reminder reached)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.handler = new_test_user(
            cls.env,
            login="dispute_handler",
            name="Hugo Handler",
            lang="en_US",
            groups="adv_claims.group_claim_handler",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.inv = cls.invoice(500.0, "2026-03-01")

    def claim(self, invoice=None, subject="Broken tiles", **values):
        return (
            self.env["adv.claim"]
            .with_user(self.handler)
            .create(
                {
                    "partner_id": self.customer.id,
                    "company_id": self.company.id,
                    "subject": subject,
                    "invoice_id": (invoice or self.inv).id,
                    **values,
                }
            )
        )

    def dunned_invoices(self):
        with freeze_time("2026-04-05"):
            return self.dun().notice_ids.line_ids.move_id

    def notes(self, invoice):
        return invoice.message_ids.mapped("body")

    def assertInDisputeFor(self, invoice, claim):
        line = self.receivable(invoice)
        self.assertTrue(line.adv_dispute)
        self.assertEqual(line.adv_dispute_claim_id, claim)
        self.assertEqual(line.adv_dispute_reason, f"Claim {claim.name}: {claim.subject}")
        self.assertFalse(line.adv_dispute_until)
        self.assertTrue(invoice.adv_dispute)

    def assertNotInDispute(self, invoice):
        line = self.receivable(invoice)
        self.assertFalse(line.adv_dispute)
        self.assertFalse(line.adv_dispute_claim_id)
        self.assertFalse(line.adv_dispute_reason)

    def test_an_open_claim_stops_the_dunning_until_it_is_closed(self):
        claim = self.claim()
        self.assertInDisputeFor(self.inv, claim)
        self.assertTrue(any(claim.name in body for body in self.notes(self.inv)))
        self.assertFalse(self.dunned_invoices())
        claim.action_reject()
        self.assertNotInDispute(self.inv)
        self.assertTrue(any("dispute is lifted" in body for body in self.notes(self.inv)))
        self.assertEqual(self.dunned_invoices(), self.inv)
        claim.action_close()  # rejected, then closed: nothing to lift any more
        self.assertNotInDispute(self.inv)

    def test_reopening_a_claim_disputes_the_invoice_again(self):
        claim = self.claim()
        claim.action_reject()
        self.assertNotInDispute(self.inv)
        claim.action_reopen()
        self.assertEqual(claim.state, "new")
        self.assertInDisputeFor(self.inv, claim)
        self.assertFalse(self.dunned_invoices())

    def test_two_claims_closing_one_keeps_the_dispute(self):
        first = self.claim(subject="Broken tiles")
        second = self.claim(subject="Wrong colour")
        self.assertInDisputeFor(self.inv, first)
        first.action_reject()
        self.assertInDisputeFor(self.inv, second)
        self.assertFalse(self.dunned_invoices())
        second.action_reject()
        self.assertNotInDispute(self.inv)
        self.assertEqual(self.dunned_invoices(), self.inv)

    def test_a_collectors_dispute_is_never_lifted_by_a_claim(self):
        self.inv.with_user(self.collector).write(
            {"adv_dispute": True, "adv_dispute_reason": "Price error"}
        )
        claim = self.claim()
        line = self.receivable(self.inv)
        self.assertEqual(line.adv_dispute_reason, "Price error")
        self.assertFalse(line.adv_dispute_claim_id)
        claim.action_reject()
        self.assertTrue(line.adv_dispute)
        self.assertEqual(line.adv_dispute_reason, "Price error")
        self.assertFalse(self.dunned_invoices())

    def test_a_claims_dispute_edited_by_a_collector_becomes_theirs(self):
        claim = self.claim()
        self.inv.with_user(self.collector).write(
            {"adv_dispute": True, "adv_dispute_reason": "Waiting for the credit note"}
        )
        self.assertFalse(self.receivable(self.inv).adv_dispute_claim_id)
        claim.action_reject()
        self.assertEqual(self.inv.adv_dispute_reason, "Waiting for the credit note")
        self.assertFalse(self.dunned_invoices())

    def test_a_dispute_ended_while_a_claim_is_open_is_set_again(self):
        claim = self.claim()
        self.inv.with_user(self.collector).adv_dispute = False
        self.assertInDisputeFor(self.inv, claim)
        self.assertFalse(self.dunned_invoices())

    def test_moving_removing_or_deleting_the_claim_lifts_the_dispute(self):
        other = self.invoice(300.0, "2026-03-01")
        claim = self.claim()
        claim.invoice_id = other
        self.assertNotInDispute(self.inv)
        self.assertInDisputeFor(other, claim)
        claim.invoice_id = False
        self.assertNotInDispute(other)
        self.assertEqual(self.dunned_invoices(), self.inv | other)
        deleted = self.claim(invoice=other)
        self.assertInDisputeFor(other, deleted)
        deleted.unlink()
        self.assertNotInDispute(other)

    def test_claims_on_several_invoices_at_once(self):
        invoices = self.inv | self.invoice(300.0, "2026-03-01") | self.invoice(200.0, "2026-03-01")
        claims = (
            self.env["adv.claim"]
            .with_user(self.handler)
            .create(
                [
                    {
                        "partner_id": self.customer.id,
                        "company_id": self.company.id,
                        "subject": f"Claim {i}",
                        "invoice_id": invoice.id,
                    }
                    for i, invoice in enumerate(invoices)
                ]
            )
        )
        for claim in claims:
            self.assertInDisputeFor(claim.invoice_id, claim)
        claims[:2].action_reject()
        self.assertEqual(self.dunned_invoices(), invoices[:2])

    def test_a_paid_invoice_is_not_put_in_dispute(self):
        self.pay(self.inv)
        self.claim()
        self.assertNotInDispute(self.inv)

    def test_only_a_claim_marks_a_dispute_as_a_claims(self):
        claim = self.claim()
        other = self.invoice(300.0, "2026-03-01")
        with self.assertRaises(AccessError):
            self.receivable(other).with_user(self.collector).write(
                {"adv_dispute": True, "adv_dispute_claim_id": claim.id}
            )
        # The handler has no dunning right, the dispute is set on the server all the same.
        self.assertFalse(self.handler.has_group("adv_dunning.group_collector"))
        self.assertInDisputeFor(self.inv, claim)

    def test_clearing_the_claims_mark_by_hand_is_a_manual_change(self):
        claim = self.claim()
        self.receivable(self.inv).with_user(self.collector).write(
            {"adv_dispute": False, "adv_dispute_claim_id": False}
        )
        # The claim is still open: its dispute is set again.
        self.assertInDisputeFor(self.inv, claim)

    def test_the_dispute_follows_an_invoice_reset_and_posted_again(self):
        claim = self.claim()
        self.assertInDisputeFor(self.inv, claim)
        before = self.receivable(self.inv)
        self.inv.button_draft()
        # New terms in two instalments: the payment-term sync rebuilds the receivable lines.
        self.inv.invoice_payment_term_id = self.env.ref(
            "account.account_payment_term_advance_60days"
        )
        self.inv.action_post()
        lines = self.receivable(self.inv)
        self.assertEqual(len(lines), 2)
        self.assertTrue(lines - before)  # a new instalment line
        self.assertEqual(lines.mapped("adv_dispute"), [True, True])
        self.assertEqual(lines.adv_dispute_claim_id, claim)
        self.assertNotIn(self.inv, self.dunned_invoices())
