# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo import fields, models
from odoo.tools import format_amount, format_date

IDENTITY_SEPARATOR = " \N{MIDDLE DOT} "


class ResCompany(models.Model):
    """The sender of the suite's letters: its legal identity, as French commercial documents
    must show it (Code de commerce, R123-237: legal form and share capital, "RCS <registry
    city> <SIREN>"; CGI 242 nonies A: the intra-EU VAT number), and the pieces every letter
    prints (the date and place line, the recipient's address for a window envelope)."""

    _inherit = "res.company"

    adv_legal_form = fields.Char(
        string="Legal form", help="As printed on letters, e.g. SAS, SARL, SA."
    )
    adv_share_capital = fields.Monetary(
        string="Share capital",
        currency_field="currency_id",
        help="Printed on letters after the legal form (au capital de ...).",
    )
    adv_trade_register = fields.Char(
        string="Trade register (RCS) city",
        help="The city of the registry where the company is registered, printed as "
        '"RCS <city> <SIREN>", e.g. Lyon.',
    )

    def _adv_siren(self):
        """The SIREN (9 digits, grouped by three): from *Company ID* (a SIREN, or a SIRET whose
        first 9 digits are the SIREN), else from the SIRET of French localisation; else what
        *Company ID* says, as written."""
        self.ensure_one()
        siret = self["siret"] if "siret" in self._fields else ""
        for value in (self.company_registry, siret):
            digits = re.sub(r"\D", "", value or "")
            if len(digits) in (9, 14):
                return f"{digits[:3]} {digits[3:6]} {digits[6:9]}"
        return (self.company_registry or "").strip()

    def _adv_legal_identity(self):
        """The legal identity line of the letters, in the environment's language, e.g.
        "Durand Bâtiment, SAS au capital de 50 000,00 € · RCS Lyon 123 456 782 · SIRET
        123 456 782 00012 · N° TVA intracommunautaire FR11123456782"."""
        self.ensure_one()
        capital = self.adv_share_capital and format_amount(
            self.env, self.adv_share_capital, self.currency_id, self.env.lang
        )
        name = self.name
        if self.adv_legal_form and capital:
            name = self.env._(
                "%(name)s, %(form)s with a share capital of %(capital)s",
                name=name,
                form=self.adv_legal_form,
                capital=capital,
            )
        elif self.adv_legal_form:
            name = f"{name}, {self.adv_legal_form}"
        elif capital:
            name = self.env._("%(name)s, share capital %(capital)s", name=name, capital=capital)
        parts = [name]
        siren = self._adv_siren()
        if siren:
            parts.append(
                f"RCS {self.adv_trade_register} {siren}"
                if self.adv_trade_register
                else f"SIREN {siren}"
            )
        siret = re.sub(r"\D", "", self["siret"] or "") if "siret" in self._fields else ""
        if len(siret) == 14:
            parts.append(f"SIRET {siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}")
        if self.vat:
            parts.append(self.env._("VAT No. %(vat)s", vat=self.vat))
        return IDENTITY_SEPARATOR.join(parts)

    def _adv_letter_place_date(self, date):
        """The place and date line of a letter, in the environment's language: "Lyon, le
        5 décembre 2026" / "Lyon, December 5, 2026"."""
        self.ensure_one()
        day = format_date(self.env, date, lang_code=self.env.lang, date_format="long")
        if not self.city:
            return day
        return self.env._("%(city)s, %(date)s", city=self.city, date=day)

    def _adv_recipient_lines(self, partner):
        """The recipient's postal address as the lines of a window envelope: the company's
        name, the person when the letter goes to one, then the address as the country writes
        it; the country is left out within the sender's country and written in capitals
        abroad (La Poste, UPU)."""
        self.ensure_one()
        commercial = partner.commercial_partner_id
        lines = [commercial.name]
        if partner != commercial and partner.name:
            lines.append(partner.name)
        address_format, args = partner._prepare_display_address(without_company=True)
        domestic = not partner.country_id or partner.country_id == self.country_id
        args["country_name"] = "" if domestic else (partner.country_id.name or "").upper()
        lines += [line.strip() for line in (address_format % args).split("\n")]
        return [line for line in lines if line]
