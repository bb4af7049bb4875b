# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

# Subject codes (UNTDID 4451) of the French mandatory payment mentions in the invoice notes
# (BG-1), as the French e-invoicing rules BR-FR-05 / BR-FR-06 ask: once each.
SUBJECT_CODES = ("PMD", "PMT", "AAB")  # penalties, fixed indemnity, early-payment discount


class AccountEdiXmlCii(models.AbstractModel):
    """Factur-X / CII: the payment mentions of a French B2B invoice travel as three coded notes
    of the document header, after Odoo's own free-text note, with the very texts the invoice
    PDF prints (adv_dunning's ``account.move._adv_payment_mentions``)."""

    _inherit = "account.edi.xml.cii"

    def _get_exchanged_document_vals(self, invoice):
        vals = super()._get_exchanged_document_vals(invoice)
        vals["adv_payment_notes"] = self._adv_payment_notes(invoice)
        return vals

    def _adv_payment_notes(self, invoice):
        """[(subject code, text)] of the invoice's payment mentions; none when it states none."""
        mentions = invoice._adv_payment_mentions().get(invoice)
        if not mentions:
            return []
        return list(zip(SUBJECT_CODES, mentions.texts, strict=True))
