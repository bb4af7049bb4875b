# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The structured invoice (Factur-X / CII, Odoo's account_edi_ubl_cii) carries the payment
mentions of a French B2B invoice as three coded notes holding the very texts of its PDF."""

from lxml import etree

from odoo.tests import tagged

from odoo.addons.adv_dunning.tests.common import FrenchB2BCommon

NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}


def local(node):
    return etree.QName(node).localname


@tagged("post_install", "-at_install")
class TestFacturxNotes(FrenchB2BCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.write({"zip": "69002", "city": "Lyon", "vat": "FR23334175221"})
        for partner in (cls.customer, cls.customer_fr, cls.private):
            partner.write(
                {"zip": "75002", "city": "Paris", "country_id": cls.env.ref("base.fr").id}
            )

    def cii(self, invoice):
        xml, __ = self.env["account.edi.xml.cii"]._export_invoice(invoice)
        return etree.fromstring(xml)

    def notes(self, tree):
        """[(subject code or None, content)] of the document header, in order."""
        return [
            (
                note.findtext("ram:SubjectCode", namespaces=NS),
                note.findtext("ram:Content", namespaces=NS),
            )
            for note in tree.xpath("rsm:ExchangedDocument/ram:IncludedNote", namespaces=NS)
        ]

    def posted(self, partner, **values):
        invoice = self.draft_invoice(partner, **values)
        invoice.action_post()
        return invoice

    def test_three_coded_notes_in_the_customers_language(self):
        for partner, penalties, discount in (
            (
                self.customer_fr,
                (
                    "Pénalités de retard : taux de refinancement de la BCE majoré de 10 points, "
                    "soit 12,15 % l'an pour le S1 2026"
                ),
                "Pas d'escompte pour paiement anticipé.",
            ),
            (
                self.customer,
                (
                    "Late-payment penalties: ECB refinancing rate + 10 points, i.e. 12.15 % a "
                    "year for H1 2026"
                ),
                "No discount for early payment.",
            ),
        ):
            invoice = self.posted(partner)
            notes = self.notes(self.cii(invoice))
            self.assertEqual([code for code, __ in notes], ["PMD", "PMT", "AAB"])
            self.assertTrue(notes[0][1].startswith(penalties), notes[0][1])
            self.assertIn("40", notes[1][1])
            self.assertEqual(notes[2][1], discount)
            # the very texts the PDF prints (adv_dunning's one function)
            mentions = invoice._adv_payment_mentions()[invoice]
            self.assertEqual([text for __, text in notes], mentions.texts)

    def test_odoos_note_kept_first_and_the_schema_order(self):
        invoice = self.posted(self.contract_customer, narration="<p>Thank you</p>")
        tree = self.cii(invoice)
        self.assertEqual(
            self.notes(tree),
            [(None, "Thank you")]
            + list(
                zip(
                    ["PMD", "PMT", "AAB"],
                    invoice._adv_payment_mentions()[invoice].texts,
                    strict=True,
                )
            ),
        )
        self.assertIn("7.86 % a year for H1 2026", self.notes(tree)[1][1])  # floor applied
        # Factur-X (EN16931 and EXTENDED): ID, TypeCode, IssueDateTime, IncludedNote...; each
        # note its Content, then its SubjectCode
        header = tree.find("rsm:ExchangedDocument", NS)
        self.assertEqual(
            [local(child) for child in header],
            ["ID", "TypeCode", "IssueDateTime"] + ["IncludedNote"] * 4,
        )
        for note in header.findall("ram:IncludedNote", NS)[1:]:
            self.assertEqual([local(child) for child in note], ["Content", "SubjectCode"])

    def test_credit_note_and_fallback_half_year(self):
        refund = self.posted(self.customer, move_type="out_refund", terms=False, date="2026-09-01")
        notes = self.notes(self.cii(refund))
        self.assertEqual([code for code, __ in notes], ["PMD", "PMT", "AAB"])
        self.assertIn("12.15 % a year (rate of H1 2026, the latest known)", notes[0][1])

    def test_no_coded_note_for_a_private_person(self):
        invoice = self.posted(self.private, narration="<p>Merci</p>")
        self.assertEqual(self.notes(self.cii(invoice)), [(None, "Merci")])

    def test_other_formats_keep_working(self):
        # complete enough for Odoo to send it as Factur-X (bank account, contact, a tax)
        self.company.write({"email": "compta@bois-lyonnais.example", "phone": "+33 4 72 00 00 00"})
        bank = self.env["res.partner.bank"].create(
            {"acc_number": "FR7630006000011234567890189", "partner_id": self.company.partner_id.id}
        )
        invoice = self.posted(self.customer_fr, partner_bank_id=bank.id)
        invoice.button_draft()
        invoice.invoice_line_ids.tax_ids = self.tax_sale_a
        invoice.action_post()
        xml, __ = self.env["account.edi.xml.ubl_bis3"]._export_invoice(invoice)
        tree = etree.fromstring(xml)
        self.assertEqual(tree.findtext("cbc:ID", namespaces=NS), invoice.name)
        self.assertNotIn(b"PMD", xml)
        # sent as Factur-X the Odoo way: the XML attached to the invoice carries the notes
        self.env["account.move.send"]._generate_and_send_invoices(
            invoice, invoice_edi_format="facturx", sending_methods={"manual"}
        )
        attached = etree.fromstring(invoice.ubl_cii_xml_id.raw)
        self.assertEqual([c for c, __ in self.notes(attached)], ["PMD", "PMT", "AAB"])
