# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tools.report_pdf import render_pdfs

from .common import count_wkhtmltopdf_runs, partner_report, render_pdf

# The window of a DL/C5 envelope with the window on the right, with a margin for the printers:
# the recipient's first line starts inside it (x from the left edge, y of its baseline from the
# top, in mm).
WINDOW_X = (100, 120)
WINDOW_Y = (40, 60)


@tagged("post_install", "-at_install")
class TestLetterLayout(HttpCase):
    """adv_base's letter layout as wkhtmltopdf prints it (the build installed here, Debian's,
    without the patched Qt): the sender's letterhead and legal identity, the recipient's address
    in the window of the envelope, the place and date in the letter's language; and the
    letters of many records printed by one wkhtmltopdf run, then split per record."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        france, belgium = cls.env.ref("base.fr"), cls.env.ref("base.be")
        cls.company = cls.env["res.company"].create(
            {
                "name": "Durand Bâtiment",
                "street": "12 rue de la République",
                "zip": "69002",
                "city": "Lyon",
                "country_id": france.id,
                "currency_id": cls.env.ref("base.EUR").id,
                "vat": "FR11123456782",
                "company_registry": "123 456 782 00012",
                "adv_legal_form": "SAS",
                "adv_share_capital": 50000,
                "adv_trade_register": "Lyon",
            }
        )
        cls.env.ref("base.EUR").active = True
        cls.french = cls.env["res.partner"].create(
            {
                "name": "Martin Matériaux",
                "is_company": True,
                "street": "8 avenue Montaigne",
                "zip": "75008",
                "city": "Paris",
                "country_id": france.id,
                "lang": "fr_FR",
            }
        )
        cls.belgian = cls.env["res.partner"].create(
            {
                "name": "Bois & Cie",
                "is_company": True,
                "street": "Rue Royale 10",
                "zip": "1000",
                "city": "Bruxelles",
                "country_id": belgium.id,
                "lang": "en_US",
                "child_ids": [Command.create({"name": "Anne Comptable"})],
            }
        )
        # A letter to each partner, on adv_base's letter paper, in the partner's language; the
        # partner's comment makes a long letter of two pages.
        cls.report = partner_report(
            cls.env,
            "test_adv_letter",
            """<t t-set="o" t-value="o.with_context(lang=o.lang)"/>
            <t t-call="adv_base.letter_layout" t-lang="o.lang">
                <t t-set="company" t-value="o.env['res.company'].search(
                    [('name', '=', 'Durand Bâtiment')])"/>
                <t t-set="recipient" t-value="o.child_ids[:1] or o"/>
                <t t-set="letter_date" t-value="datetime.date(2026, 12, 5)"/>
                <p>Letter to <t t-out="o.name"/></p>
                <p t-foreach="range(40 if o.comment else 0)" t-as="i">Line</p>
            </t>""",
            paperformat_id=cls.env.ref("adv_base.paperformat_letter").id,
        )

    def assertInWindow(self, line):
        self.assertTrue(line, "no recipient line")
        __, x, y, text = line
        self.assertTrue(WINDOW_X[0] <= x <= WINDOW_X[1], f"{text!r} starts at x = {x} mm")
        self.assertTrue(WINDOW_Y[0] <= y <= WINDOW_Y[1], f"{text!r} at y = {y} mm")

    def test_french_letter_sender_identity_and_window_address(self):
        pdf = render_pdf(self.report, self.french.ids)[self.french.id]
        self.assertEqual(pdf.pages, 1)
        # the sender's letterhead, at the top
        name = pdf.line("Durand Bâtiment")
        self.assertLess(name[2], 30)
        self.assertIn("12 rue de la République 69002 Lyon", pdf.text)
        # the recipient, in the window; no country within France
        self.assertInWindow(pdf.line("Martin Matériaux"))
        street, town = pdf.line("8 avenue Montaigne"), pdf.line("75008 Paris")
        self.assertEqual((street[1], town[1]), (pdf.line("Martin Matériaux")[1],) * 2)
        self.assertLess(pdf.line("Martin Matériaux")[2], street[2])
        self.assertLess(street[2], town[2])
        self.assertNotIn("France", pdf.text)
        # the place and date, the letter, then the legal identity, in French
        self.assertIn("Lyon, le 5 décembre 2026", pdf.text)
        identity = pdf.line("Durand Bâtiment, SAS")
        self.assertEqual(
            identity[3],
            "Durand Bâtiment, SAS au capital de 50 000,00 € · RCS Lyon 123 456 782 · "
            "N° TVA intracommunautaire FR11123456782",
        )
        self.assertGreater(identity[2], pdf.line("Letter to Martin Matériaux")[2])

    def test_letters_of_many_records_in_one_run(self):
        """Three letters, one of two pages, in one wkhtmltopdf run: each record gets its own
        PDF with its own pages; an English letter abroad, to the invoicing contact."""
        self.belgian.comment = "a long letter"
        partners = self.french | self.belgian | self.belgian.child_ids
        with count_wkhtmltopdf_runs() as runs:
            pdfs = render_pdf(self.report, partners.ids)
        self.assertEqual(len(runs), 1, "one wkhtmltopdf run")
        self.assertEqual([pdfs[p.id].pages for p in partners], [1, 2, 1])
        french, belgian = pdfs[self.french.id], pdfs[self.belgian.id]
        self.assertIn("Letter to Martin Matériaux", french.text)
        self.assertNotIn("Bois & Cie", french.text)
        self.assertNotIn("Martin", belgian.text)
        # abroad: the country in capitals on the last line; English dates and identity
        self.assertInWindow(belgian.line("Bois & Cie"))
        self.assertIn("Anne Comptable Rue Royale 10 1000 Bruxelles BELGIUM", belgian.text)
        self.assertIn("Lyon, December 5, 2026", belgian.text)
        self.assertIn("Durand Bâtiment, SAS with a share capital of 50,000.00 €", belgian.text)
        self.assertIn("VAT No. FR11123456782", belgian.text)
        # the contact's own letter (the commercial entity first, then the person)
        contact = pdfs[self.belgian.child_ids.id]
        self.assertInWindow(contact.line("Bois & Cie"))
        self.assertIn("Letter to Anne Comptable", contact.text)

    def test_siren_from_the_company_id_or_the_siret(self):
        company = self.company
        self.assertEqual(company._adv_siren(), "123 456 782")
        company.company_registry = "987654321"
        self.assertEqual(company._adv_siren(), "987 654 321")
        company.company_registry = "B 123"  # not French: printed as written
        self.assertEqual(company._adv_siren(), "B 123")
        company.write({"company_registry": False, "adv_trade_register": False, "vat": False})
        company.adv_share_capital = 0
        self.assertEqual(
            company.with_context(lang="fr_FR")._adv_legal_identity(), "Durand Bâtiment, SAS"
        )

    def test_html_in_test_mode_without_forced_rendering(self):
        """In Odoo's test mode without ``force_report_rendering``, each record gets its HTML
        (as Odoo's own PDF rendering gives), cut from one rendering."""
        Report = self.env["ir.actions.report"]
        documents = render_pdfs(Report, self.report.report_name, (self.french | self.belgian).ids)
        self.assertIn(b"Letter to Martin", documents[self.french.id])
        self.assertNotIn(b"Letter to Bois", documents[self.french.id])
        self.assertFalse(documents[self.belgian.id].startswith(b"%PDF"))
