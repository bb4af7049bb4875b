# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The letters a customer receives, as wkhtmltopdf prints them (Debian's build here, without
the patched Qt): the sender's letterhead and legal identity, the customer's address in the
window of the envelope, the amounts as the customer's language writes them; and the
documents of many notices printed by one wkhtmltopdf run per kind, not one per notice."""

from freezegun import freeze_time
from markupsafe import escape

from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import RenderedPdf, count_wkhtmltopdf_runs, render_pdf

from .common import DunningCommon

IDENTITY_FR = (
    "SAS au capital de 50 000,00 € · RCS Lyon 123 456 782 · N° TVA intracommunautaire FR11123456782"
)
WINDOW_X, WINDOW_Y = (100, 120), (40, 60)  # mm from the left edge / of the baseline from the top


@tagged("post_install", "-at_install")
class TestDunningLettersPdf(DunningCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, force_report_rendering=True))
        cls.env["res.lang"]._activate_lang("fr_FR")
        france = cls.env.ref("base.fr")
        cls.company.write(
            {
                "name": "Durand Bâtiment",
                "street": "12 rue de la République",
                "zip": "69002",
                "city": "Lyon",
                "country_id": france.id,
                "vat": "FR11123456782",
                "company_registry": "123456782",
                "adv_legal_form": "SAS",
                "adv_share_capital": 50000,
                "adv_trade_register": "Lyon",
            }
        )
        cls.customer.write(
            {
                "lang": "fr_FR",
                "email": "compta@martin-materiaux.example",
                "street": "8 avenue Montaigne",
                "zip": "75008",
                "city": "Paris",
                "country_id": france.id,
            }
        )
        cls.customer_2.write(
            {
                "lang": "en_US",
                "email": "ap@bois-cie.example",
                "street": "Rue Royale 10",
                "zip": "1000",
                "city": "Bruxelles",
                "country_id": cls.env.ref("base.be").id,
            }
        )

    def pdf(self, attachment):
        self.assertEqual(attachment.raw[:5], b"%PDF-")
        return RenderedPdf(attachment.raw)

    def assertInWindow(self, pdf, first_line):
        line = pdf.line(first_line)
        self.assertTrue(line, f"{first_line!r} not printed")
        __, x, y, __ = line
        self.assertTrue(WINDOW_X[0] <= x <= WINDOW_X[1], f"{first_line!r} starts at x = {x} mm")
        self.assertTrue(WINDOW_Y[0] <= y <= WINDOW_Y[1], f"{first_line!r} at y = {y} mm")

    def assertLetterhead(self, pdf, identity=IDENTITY_FR):
        heads = [line for line in pdf.lines if line[3] == "Durand Bâtiment" and line[2] < 30]
        self.assertTrue(heads, "no letterhead")  # the sender's name, at the top
        self.assertIn("12 rue de la République 69002 Lyon", pdf.text)
        self.assertIn(f"Durand Bâtiment, {identity}", pdf.text)

    def test_second_reminder_letters_and_attachments_one_run_per_kind(self):
        """Two customers at the second reminder (e-mail with the invoice and the statement,
        and a letter): three wkhtmltopdf runs in all (letters, invoices, statements), each
        customer's documents its own, in its language."""
        self.invoice(5600.0, "2026-03-20")
        self.invoice(1200.0, "2026-03-20", partner=self.customer_2)
        with freeze_time("2026-04-05"), count_wkhtmltopdf_runs() as runs:
            notices = self.dun().notice_ids  # 16 days late: second reminder
        self.assertEqual(len(runs), 3, runs)
        french = notices.filtered(lambda n: n.partner_id == self.customer)
        english = notices - french
        self.assertEqual(french.level_id.name, "Second reminder")
        letter = self.pdf(french.letter_attachment_id)
        self.assertLetterhead(letter)
        self.assertInWindow(letter, "Martin Matériaux")
        self.assertIn("Martin Matériaux 8 avenue Montaigne 75008 Paris", letter.text)
        self.assertNotIn("France", letter.text)  # within France, no country
        self.assertIn("Lyon, le 5 avril 2026", letter.text)
        self.assertIn("Madame, Monsieur", letter.text)
        self.assertIn("5 600,00 €", letter.text)
        self.assertNotIn("Bois & Cie", letter.text)
        # the English customer's letter: English words and amounts, Belgium in capitals
        other = self.pdf(english.letter_attachment_id)
        self.assertInWindow(other, "Bois & Cie")
        self.assertIn("Rue Royale 10 1000 Bruxelles BELGIUM", other.text)
        self.assertIn("Dear Sir or Madam", other.text)
        self.assertIn("1,200.00 €", other.text)
        self.assertIn("with a share capital of 50,000.00 €", other.text)
        # the e-mail's statement of account (named in the customer's language): a letter too
        attachments = french.message_ids.attachment_ids
        statement = attachments.filtered(
            lambda a: a.name == "Relevé de compte Martin Matériaux.pdf"
        )
        statement = self.pdf(statement)
        self.assertLetterhead(statement)
        self.assertInWindow(statement, "Martin Matériaux")
        self.assertIn("Relevé de compte", statement.text)
        self.assertIn("5 600,00 €", statement.text)
        invoice = attachments.filtered(lambda a: a.name == "Factures Martin Matériaux.pdf")
        self.assertEqual(invoice.raw[:5], b"%PDF-")

    def test_formal_notice_by_registered_letter(self):
        self.invoice(5600.0, "2026-02-15")
        with freeze_time("2026-04-05"):
            notice = self.dun().notice_ids  # 49 days late: formal notice
        self.assertEqual(notice.level_id.name, "Formal notice")
        pdf = self.pdf(notice.formal_notice_attachment_id)
        self.assertLetterhead(pdf)
        self.assertInWindow(pdf, "Martin Matériaux")
        self.assertIn("Lettre recommandée avec accusé de réception", pdf.text)
        self.assertIn("Mise en demeure de payer", pdf.text)
        self.assertIn("5 600,00 €", pdf.text)
        self.assertIn("12,15 %", pdf.text)  # ECB 2.15 + 10 points, in French
        # the amount is a word of its sentence (the text runs above are joined by a space)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("adv_dunning.action_report_formal_notice", notice.ids)[0]
            .decode()
        )
        self.assertRegex(html, r"la somme de\s+<strong>")

    def test_statement_printed_by_a_collector(self):
        self.invoice(5600.0, "2026-02-15")
        report = self.env.ref("adv_dunning.action_report_statement").with_user(self.collector)
        with freeze_time("2026-04-05"):
            pdf = render_pdf(report.with_company(self.company), self.customer.ids)[self.customer.id]
        self.assertLetterhead(pdf)
        self.assertInWindow(pdf, "Martin Matériaux")
        self.assertIn("Total dû : 5 600,00 €", pdf.text)

    def test_letters_word_their_penalties_once_for_all_the_letters(self):
        """The letters printed together read their penalty wording at once (the rate table
        and the customers' policies), each in its customer's language: twice as many letters
        cost no more queries for it."""
        self.invoice(5600.0, "2026-03-20")
        self.invoice(1200.0, "2026-03-20", partner=self.customer_2)
        others = self.env["res.partner"].create(
            [{"name": f"Client {i}", "is_company": True} for i in range(2)]
        )
        for partner in others:
            self.invoice(100.0, "2026-03-20", partner=partner)
        with freeze_time("2026-04-05"):
            notices = self.dun().notice_ids

        def mentions(batch):
            batch = batch.browse(batch.ids)  # as a report's docs
            self.env.invalidate_all()
            count = self.env.cr.sql_log_count
            result = batch._payment_mentions()
            return result, self.env.cr.sql_log_count - count

        two = notices.filtered(lambda n: n.partner_id in (self.customer | self.customer_2))
        mentions(two)  # what any first read loads once
        worded, queries_two = mentions(two)
        __, queries_four = mentions(notices)
        self.assertEqual(len(notices), 4)
        self.assertEqual(queries_four, queries_two)
        french = two.filtered(lambda n: n.partner_id == self.customer)
        self.assertIn("Pénalités de retard", worded[french.id].penalties)
        self.assertIn("Late-payment penalties", worded[(two - french).id].penalties)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("adv_dunning.action_report_letter", two.ids)[0]
            .decode()
        )
        self.assertIn(str(escape(worded[french.id].penalties)), html)

    def test_statements_of_many_customers_read_at_once(self):
        """The statements of a batch are read with one search: each shows its own customer's
        items, and printing twice as many customers costs no more queries."""
        first = self.invoice(5600.0, "2026-02-15")
        second = self.invoice(1200.0, "2026-02-15", partner=self.customer_2)
        others = self.env["res.partner"].create(
            [{"name": f"Client {i}", "is_company": True} for i in range(2)]
        )
        for partner in others:
            self.invoice(100.0, "2026-02-15", partner=partner)
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=False)
        report = "adv_dunning.action_report_statement"

        def render(partners):
            self.env.invalidate_all()
            count = self.env.cr.sql_log_count
            html = Report._render_qweb_html(report, partners.ids)[0].decode()
            return html, self.env.cr.sql_log_count - count

        two = self.customer | self.customer_2
        render(two)  # templates loaded
        html, queries_two = render(two)
        __, queries_four = render(two | others)
        self.assertEqual(queries_four, queries_two)
        french, english = html.split("Bois &amp; Cie", 1)
        self.assertIn(first.name, french)
        self.assertNotIn(second.name, french)
        self.assertIn(second.name, english)
