# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import io

from odoo.tests import HttpCase, tagged
from odoo.tools.pdf import PdfFileReader

from .common import partner_report, render_pdf


def embedded_fonts(content):
    """The base names of the fonts a PDF embeds, e.g. {"Lato-Regular", "Lato-Bold"}."""
    reader = PdfFileReader(io.BytesIO(content), strict=False)
    names = set()
    for page in reader.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for font in (fonts.get_object() if fonts else {}).values():
            # a subset's name is prefixed with six letters and "+"
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


@tagged("post_install", "-at_install")
class TestReportFonts(HttpCase):
    """Odoo's external layout printed by adv_base's batches on the wkhtmltopdf installed here
    (Debian's, without the patched Qt, which draws web fonts as curves): each company's report
    font (Document Layout) is printed as text in that font, Odoo's own font files, not as
    curves; a page is a few kilobytes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lato = cls.env["res.company"].create({"name": "Lato Matériaux", "font": "Lato"})
        cls.roboto = cls.env["res.company"].create({"name": "Roboto Négoce", "font": "Roboto"})
        cls.partners = cls.env["res.partner"].create(
            [
                {"name": "Client Lato", "company_id": cls.lato.id},
                {"name": "Client Roboto", "company_id": cls.roboto.id},
            ]
        )
        cls.report = partner_report(
            cls.env,
            "test_adv_external_document",
            """<t t-set="company" t-value="o.company_id"/>
            <t t-call="web.external_layout">
                <div class="page">
                    <h2>Document for <t t-out="o.name"/></h2>
                    <p><strong>Total</strong> 1 234,56 €</p>
                </div>
            </t>""",
        )

    def test_each_company_font_printed_as_text(self):
        lato, roboto = self.partners
        pdfs = render_pdf(self.report, self.partners.ids)
        for partner, family in ((lato, "Lato"), (roboto, "Roboto")):
            pdf = pdfs[partner.id]
            self.assertIn(f"Document for {partner.name}", pdf.text)
            self.assertIn("Total 1 234,56 €", pdf.text)
            fonts = embedded_fonts(pdf.content)
            self.assertTrue(fonts, "no font: the text was drawn as curves")
            self.assertTrue(all(f.startswith(family) for f in fonts), fonts)
            self.assertIn(f"{family}-Bold", fonts)  # the bold of the title and the total
            # the web font drawn as curves made 300 KB a page
            self.assertLess(len(pdf.content), 60_000)
