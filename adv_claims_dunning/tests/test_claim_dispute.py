# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.adv_dunning.tests.common import DunningCommon


@tagged("post_install", "-at_install")
class TestClaimDispute(DunningCommon):
    """Invoices due on 1 March 2026, dunned on 5 April (first reminder reached).

    adv_claims_dunning implements dunning's suspension hook: an open claim on an invoice
    suspends the dunning of its receivables, and nothing is written on the journal items."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.handler = cls.company_user(
            "dispute_handler", "adv_claims.group_claim_handler", name="Hugo Handler"
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

    def suspensions(self, invoice):
        """What dunning's hook answers for the invoice's receivables."""
        return self.env["account.move.line"]._adv_dunning_suspensions(
            [("id", "in", self.receivable(invoice).ids)]
        )

    def assertSuspendedBy(self, invoice, claim):
        reason = f"Claim {claim.name}: {claim.subject}"
        self.assertEqual(set(self.suspensions(invoice).values()), {reason})
        # the collector sees it on the invoice
        self.assertEqual(invoice.with_user(self.collector).adv_dunning_suspension, reason)
        # nothing is written as a collector's dispute
        self.assertFalse(any(self.receivable(invoice).mapped("adv_dispute")))
        self.assertFalse(invoice.adv_dispute)

    def assertNotSuspended(self, invoice):
        self.assertFalse(self.suspensions(invoice))
        self.assertFalse(invoice.adv_dunning_suspension)

    def test_an_open_claim_stops_the_dunning_until_it_is_closed(self):
        claim = self.claim()
        self.assertSuspendedBy(self.inv, claim)
        self.assertFalse(self.dunned_invoices())
        claim.action_reject()
        self.assertNotSuspended(self.inv)
        self.assertEqual(self.dunned_invoices(), self.inv)
        claim.action_close()  # rejected, then closed: nothing to lift any more
        self.assertNotSuspended(self.inv)

    def test_reopening_a_claim_suspends_the_invoice_again(self):
        claim = self.claim()
        claim.action_reject()
        self.assertNotSuspended(self.inv)
        claim.action_reopen()
        self.assertEqual(claim.state, "new")
        self.assertSuspendedBy(self.inv, claim)
        self.assertFalse(self.dunned_invoices())

    def test_two_claims_closing_one_keeps_the_suspension(self):
        first = self.claim(subject="Broken tiles")
        second = self.claim(subject="Wrong colour")
        self.assertSuspendedBy(self.inv, first)
        first.action_reject()
        self.assertSuspendedBy(self.inv, second)
        self.assertFalse(self.dunned_invoices())
        second.action_reject()
        self.assertNotSuspended(self.inv)
        self.assertEqual(self.dunned_invoices(), self.inv)

    def test_a_collectors_dispute_is_untouched_by_a_claim(self):
        as_collector = self.inv.with_user(self.collector)
        as_collector.write({"adv_dispute": True, "adv_dispute_reason": "Price error"})
        claim = self.claim()
        line = self.receivable(self.inv)
        # the collector's dispute comes first
        self.assertEqual(self.suspensions(self.inv), {line.id: "Price error"})
        self.assertEqual(as_collector.adv_dunning_suspension, "Price error")
        claim.action_reject()
        self.assertTrue(line.adv_dispute)
        self.assertEqual(line.adv_dispute_reason, "Price error")
        self.assertEqual(as_collector.adv_dunning_suspension, "Price error")
        self.assertFalse(self.dunned_invoices())

    def test_a_collectors_dispute_set_during_a_claim_stays_after_it(self):
        claim = self.claim()
        self.inv.with_user(self.collector).write(
            {"adv_dispute": True, "adv_dispute_reason": "Waiting for the credit note"}
        )
        claim.action_reject()
        self.assertEqual(self.inv.adv_dispute_reason, "Waiting for the credit note")
        self.assertEqual(self.inv.adv_dunning_suspension, "Waiting for the credit note")
        self.assertFalse(self.dunned_invoices())

    def test_a_dispute_ended_while_a_claim_is_open_leaves_the_claims_suspension(self):
        claim = self.claim()
        as_collector = self.inv.with_user(self.collector)
        as_collector.write({"adv_dispute": True, "adv_dispute_reason": "Price error"})
        as_collector.adv_dispute = False
        self.assertSuspendedBy(self.inv, claim)
        self.assertFalse(self.dunned_invoices())

    def test_moving_removing_or_deleting_the_claim_resumes_the_dunning(self):
        other = self.invoice(300.0, "2026-03-01")
        claim = self.claim()
        claim.invoice_id = other
        self.assertNotSuspended(self.inv)
        self.assertSuspendedBy(other, claim)
        claim.invoice_id = False
        self.assertNotSuspended(other)
        self.assertEqual(self.dunned_invoices(), self.inv | other)
        deleted = self.claim(invoice=other)
        self.assertSuspendedBy(other, deleted)
        deleted.unlink()
        self.assertNotSuspended(other)

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
            self.assertSuspendedBy(claim.invoice_id, claim)
        # one answer for the whole set, as a run asks it
        receivables = invoices.line_ids.filtered(lambda ln: ln.account_type == "asset_receivable")
        suspended = self.env["account.move.line"]._adv_dunning_suspensions(
            [("id", "in", receivables.ids)]
        )
        self.assertEqual(set(suspended), set(receivables.ids))
        claims[:2].action_reject()
        self.assertEqual(self.dunned_invoices(), invoices[:2])

    def test_a_paid_invoice_is_not_suspended(self):
        self.pay(self.inv)
        self.claim()
        self.assertFalse(self.inv.adv_dunning_suspension)

    def test_a_claim_opened_after_the_preview_is_left_out_at_sending(self):
        with freeze_time("2026-04-05"):
            run = self.dun(send=False)
            self.assertEqual(run.notice_ids.line_ids.move_id, self.inv)
            self.claim()
            run.with_user(self.collector).action_send()
        self.assertEqual(run.notice_ids.state, "cancel")
        self.assertFalse(self.receivable(self.inv).adv_dunning_level_id)

    def test_the_suspension_follows_an_invoice_reset_and_posted_again(self):
        claim = self.claim()
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
        self.assertEqual(set(self.suspensions(self.inv)), set(lines.ids))
        self.assertSuspendedBy(self.inv, claim)
        self.assertNotIn(self.inv, self.dunned_invoices())
