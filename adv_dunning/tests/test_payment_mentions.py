# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The payment mentions of a French B2B invoice (C. com. L441-9): worded from the dunning's own
rates, in the customer's language, checked at posting."""

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import FrenchB2BCommon

PENALTIES_EN = (
    "Late-payment penalties: ECB refinancing rate + 10 points, i.e. 12.15 % a year for H1 2026, "
    "due from the day after the due date without any reminder (C. com. L441-10)."
)
PENALTIES_FR = (
    "Pénalités de retard : taux de refinancement de la BCE majoré de 10 points, soit 12,15 % "
    "l'an pour le S1 2026, exigibles dès le lendemain de la date d'échéance sans qu'un rappel "
    "soit nécessaire (C. com. art. L441-10)."
)


@tagged("post_install", "-at_install")
class TestPaymentMentions(FrenchB2BCommon):
    def mentions(self, invoice):
        return invoice._adv_payment_mentions().get(invoice)

    def rate_for(self, contract_rate, half_year):
        """The dunning's own rate function, as its penalties use it."""
        return self.env["adv.late.payment.rate"]._rate_function(contract_rate)(half_year)

    # wording ---------------------------------------------------------------------------------

    def test_english_customer(self):
        mentions = self.mentions(self.draft_invoice(self.customer))
        self.assertEqual(mentions.penalties, PENALTIES_EN)
        self.assertIn(
            "Fixed indemnity for recovery costs in case of late payment", mentions.indemnity
        )
        self.assertIn("40.00", mentions.indemnity)
        self.assertIn("D441-5", mentions.indemnity)
        self.assertEqual(mentions.discount, "No discount for early payment.")
        self.assertEqual(mentions.stated.rate, self.rate_for(None, mentions.stated.half_year))

    def test_french_customer_and_its_contact(self):
        for partner in (self.customer_fr, self.contact_fr):
            mentions = self.mentions(self.draft_invoice(partner))
            self.assertEqual(mentions.penalties, PENALTIES_FR)
            self.assertIn("Indemnité forfaitaire pour frais de recouvrement", mentions.indemnity)
            self.assertIn("40,00", mentions.indemnity)
            self.assertEqual(mentions.discount, "Pas d'escompte pour paiement anticipé.")

    def test_contract_rate_floored_at_three_times_the_legal_rate(self):
        invoice = self.draft_invoice(self.contract_customer)
        mentions = self.mentions(invoice)
        # 5 % agreed, below 3 x 2.62 % (legal rate of H1 2026): 7.86 % is stated
        self.assertEqual(mentions.stated.rate, 7.86)
        self.assertEqual(mentions.stated.rate, self.rate_for(5.0, mentions.stated.half_year))
        self.assertIn(
            "contract rate of 5.00 %, never less than three times the legal interest rate, "
            "i.e. 7.86 % a year for H1 2026",
            mentions.penalties,
        )
        # the formal notice of the same half-year claims that very rate
        invoice.action_post()
        with freeze_time("2026-06-20"):  # due 1 April: 80 days late, litigation level
            notice = self.dun().notice_ids
        self.assertEqual(notice.penalty_rate, mentions.stated.rate)
        wording = notice.partner_id._adv_payment_mentions(notice.company_id, notice.date_sent)
        self.assertEqual(wording.penalties, mentions.penalties)

    def test_contract_rate_above_the_floor(self):
        self.contract_policy.sudo().contract_rate = 15.0
        mentions = self.mentions(self.draft_invoice(self.contract_customer))
        self.assertEqual(mentions.stated.rate, 15.0)
        self.assertIn("contract rate of 15.00 %", mentions.penalties)
        self.assertIn("i.e. 15.00 % a year for H1 2026", mentions.penalties)

    def test_early_payment_discount_of_the_terms(self):
        self.terms.write({"early_discount": True, "discount_percentage": 2.0, "discount_days": 10})
        mentions = self.mentions(self.draft_invoice(self.customer_fr))
        self.assertEqual(
            mentions.discount,
            "Escompte pour paiement anticipé : 2,00 % en cas de paiement dans les 10 jours "
            "suivant la date de facture.",
        )

    def test_who_gets_them(self):
        self.assertFalse(self.mentions(self.draft_invoice(self.private)))
        refund = self.draft_invoice(self.customer_fr, move_type="out_refund", terms=False)
        self.assertEqual(self.mentions(refund).penalties, PENALTIES_FR)  # as the invoice did
        fees = self.draft_invoice(self.customer_fr)
        fees.sudo().adv_dunning_fees = True  # penalties bear no penalty of their own
        self.assertFalse(self.mentions(fees))
        self.change_company_country(self.company, self.env.ref("base.be"))
        self.assertFalse(self.mentions(self.draft_invoice(self.customer_fr)))

    def test_read_together_whatever_the_number_of_invoices(self):
        customers = self.env["res.partner"].create(
            [{"name": f"Client {i}", "is_company": True} for i in range(20)]
        )
        invoices = self.env["account.move"].concat(
            *(self.draft_invoice(c, terms=i % 2) for i, c in enumerate(customers))
        )
        counts = []
        # the first round warms the registry caches (access rules, translations)
        for some in (invoices[:2], invoices[:2], invoices):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.assertEqual(len(some._adv_payment_mentions()), len(some))
            self.assertEqual(len(some._adv_payment_mentions_warnings()), len(some) // 2)
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[1], counts[2])
        self.assertLessEqual(counts[2], 12)

    # warnings at posting ---------------------------------------------------------------------

    def test_posting_on_a_half_year_missing_from_the_rate_table(self):
        invoice = self.draft_invoice(self.customer, date="2026-09-15")
        self.assertIn("No late-payment rate for H2 2026", invoice.adv_payment_mentions_warning)
        invoice.action_post()
        self.assertEqual(invoice.state, "posted")
        self.assertIn("the rate of H1 2026, the latest known", invoice.adv_payment_mentions_warning)
        note = invoice.message_ids.filtered(lambda m: "Payment mentions to check" in m.body)
        self.assertEqual(len(note), 1)
        self.assertIn("No late-payment rate for H2 2026", note.body)
        self.assertIn(
            "i.e. 12.15 % a year (rate of H1 2026, the latest known)",
            self.mentions(invoice).penalties,
        )
        self.assertTrue(self.mentions(invoice).stated.fallback)

    def test_posting_without_payment_terms_warns(self):
        invoice = self.draft_invoice(self.customer, terms=False)
        invoice.action_post()
        self.assertEqual(invoice.state, "posted")
        self.assertIn("No payment terms", invoice.adv_payment_mentions_warning)
        self.assertTrue(invoice.message_ids.filtered(lambda m: "No payment terms" in m.body))

    def test_nothing_to_check(self):
        for invoice in (
            self.draft_invoice(self.customer),
            self.draft_invoice(self.private, terms=False),
            self.draft_invoice(self.customer_fr, move_type="out_refund", terms=False),
        ):
            invoice.action_post()
            self.assertFalse(invoice.adv_payment_mentions_warning)
            self.assertFalse(invoice.message_ids.filtered(lambda m: "Payment mentions" in m.body))

    def test_empty_rate_table(self):
        self.env["adv.late.payment.rate"].sudo().search([]).unlink()
        invoice = self.draft_invoice(self.customer)
        self.assertEqual(
            self.mentions(invoice).penalties,
            "Late-payment penalties: ECB refinancing rate + 10 points, due from the day after "
            "the due date without any reminder (C. com. L441-10).",
        )
        self.assertIn("rate table is empty", invoice.adv_payment_mentions_warning)

    def test_company_requires_payment_terms(self):
        self.company.adv_mentions_require_terms = True
        invoice = self.draft_invoice(self.customer, terms=False)
        with self.assertRaisesRegex(UserError, "does not post French B2B invoices without"):
            invoice.action_post()
        with self.assertRaisesRegex(UserError, "does not post French B2B invoices without"):
            invoice.write({"state": "posted"})
        # with terms, or for a private person, or a credit note: posted
        invoice.invoice_payment_term_id = self.terms
        invoice.action_post()
        self.assertEqual(invoice.state, "posted")
        others = self.draft_invoice(self.private, terms=False) + self.draft_invoice(
            self.customer, move_type="out_refund", terms=False
        )
        others.action_post()
        self.assertEqual(set(others.mapped("state")), {"posted"})

    def test_dunning_fee_invoices_are_posted_without_terms(self):
        self.company.write({"adv_mentions_require_terms": True, "adv_dunning_post_fees": True})
        invoice = self.draft_invoice(self.customer, date="2026-01-05")
        invoice.action_post()
        with freeze_time("2026-03-25"):  # due 4 February: 49 days late, formal notice
            notice = self.dun().notice_ids
        self.assertEqual(notice.fees_move_id.state, "posted")
        self.assertFalse(notice.fees_move_id.invoice_payment_term_id)

    def test_banner_follows_the_form(self):
        invoice = self.draft_invoice(self.customer)
        self.assertFalse(invoice.adv_payment_mentions_warning)
        invoice.invoice_payment_term_id = False
        self.assertIn("No payment terms", invoice.adv_payment_mentions_warning)
        fr = invoice.with_context(lang="fr_FR")
        self.assertIn("Aucune condition de paiement", fr.adv_payment_mentions_warning)
