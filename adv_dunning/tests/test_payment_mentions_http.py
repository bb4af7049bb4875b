# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The payment mentions as the customer reads them (the invoice PDF, rendered by wkhtmltopdf
through Odoo's HTTP server for its assets), and the company's guard as a remote caller meets it
(``/web/dataset/call_kw`` in a real HTTP session)."""

from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import RpcMixin

from .common import FrenchB2BCommon, pdf_text, print_in_a_system_font

REFUSED = "does not post French B2B invoices without payment terms"


@tagged("post_install", "-at_install")
class TestPaymentMentionsPdf(RpcMixin, FrenchB2BCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        print_in_a_system_font(cls.env)

    def invoice_pdf(self, invoice):
        content, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("account.account_invoices", invoice.ids)
        )
        self.assertEqual(kind, "pdf")
        return pdf_text(content)

    def assertPrinted(self, text, pdf):
        self.assertIn(" ".join(text.split()), pdf)

    def test_the_pdf_states_them_in_the_customers_language(self):
        english = self.draft_invoice(self.customer)
        french = self.draft_invoice(self.contact_fr)  # a contact of a company
        (english + french).action_post()
        for invoice, expected in (
            (
                english,
                [
                    (
                        "Late-payment penalties: ECB refinancing rate + 10 points, i.e. 12.15 % a "
                        "year for H1 2026"
                    ),
                    "Fixed indemnity for recovery costs in case of late payment",
                    "No discount for early payment.",
                ],
            ),
            (
                french,
                [
                    (
                        "Pénalités de retard : taux de refinancement de la BCE majoré de 10 "
                        "points, soit 12,15 % l'an pour le S1 2026"
                    ),
                    "Indemnité forfaitaire pour frais de recouvrement",
                    "Pas d'escompte pour paiement anticipé.",
                ],
            ),
        ):
            pdf = self.invoice_pdf(invoice)
            self.assertIn(invoice.name, pdf)
            for text in expected:
                self.assertPrinted(text, pdf)
            # word for word the texts of the structured invoice and the dunning
            for text in invoice._adv_payment_mentions()[invoice].texts:
                self.assertPrinted(text, pdf)

    def test_contract_rate_customer_and_private_person(self):
        contract = self.draft_invoice(self.contract_customer)
        private = self.draft_invoice(self.private)
        pdf = self.invoice_pdf(contract)
        self.assertPrinted(
            "contract rate of 5.00 %, never less than three times the legal interest rate, "
            "i.e. 7.86 % a year for H1 2026",
            pdf,
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("account.account_invoices", private.ids)[0]
            .decode()
        )
        self.assertIn("Paul Particulier", html)
        self.assertNotIn("adv_payment_mentions", html)
        self.assertNotIn("Pénalités de retard", html)

    # the company's guard, over RPC -----------------------------------------------------------

    def test_missing_terms_refused_over_rpc_when_the_company_requires_them(self):
        accountant = self.company_user(
            "mentions_accountant", "account.group_account_invoice", password="mentions_accountant"
        )
        self.authenticate(accountant.login, accountant.login)
        without = self.draft_invoice(self.customer, terms=False)
        self.company.adv_mentions_require_terms = True
        for method, args in (
            ("action_post", []),
            ("write", [{"state": "posted"}]),
            ("write", [{"state": "posted", "invoice_payment_term_id": False}]),
        ):
            self.assertRefusedCall(
                "UserError", "account.move", method, [without.id], *args, says=REFUSED
            )
        self.assertRefusedCall(
            "UserError",
            "account.move",
            "action_post",
            [without.id],
            says=REFUSED,
            context={"tracking_disable": True, "skip_invoice_sync": True},
        )
        self.env.invalidate_all()
        self.assertEqual(without.state, "draft")
        # with payment terms, or once the company allows it: posted, with a warning
        with_terms = self.draft_invoice(self.customer)
        self.call("account.move", "action_post", [with_terms.id])
        self.company.adv_mentions_require_terms = False
        self.call("account.move", "action_post", [without.id])
        self.env.invalidate_all()
        self.assertEqual((with_terms + without).mapped("state"), ["posted", "posted"])
        self.assertIn("No payment terms", without.adv_payment_mentions_warning)
