# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class AdvTradeShowCapture(models.Model):
    """Matching: the visitor among the partners and leads, on exact normalised keys."""

    _inherit = "adv.trade.show.capture"  # pylint: disable=consider-merging-classes-inherited

    def _find_match(self):
        """``(partner, lead, key)``: on the normalised e-mail first, then on the E.164 phone;
        a partner before a lead. At most four indexed lookups, whatever the volume."""
        Partner = self.env["res.partner"].sudo()
        Lead = self.env["crm.lead"].sudo()
        company_domain = [("company_id", "in", (False, self.company_id.id))]
        for key, value in (("email", self.email_normalized), ("phone", self.phone_e164)):
            if not value:
                continue
            if key == "email":
                partner_domain = [("email_normalized", "=", value)]
                lead_domain = [("email_normalized", "=", value)]
            else:
                partner_domain = [
                    "|",
                    ("adv_phone_e164", "=", value),
                    ("adv_mobile_e164", "=", value),
                ]
                lead_domain = list(partner_domain)
            show_lead = Lead.search(
                lead_domain + [("adv_show_id", "=", self.show_id.id)], order="id", limit=1
            )
            partner = Partner.search(partner_domain + company_domain, order="id", limit=1)
            if show_lead or partner:
                return partner or show_lead.partner_id, show_lead, key
            lead = Lead.search(lead_domain + company_domain, order="id desc", limit=1)
            if lead:
                return lead.partner_id, lead, key
        return Partner, Lead, "new"

    def _suggest_partner(self):
        """Same name and same company name: only a suggestion, never linked by itself.

        Looked up on the name's usual spellings (an exact, indexed lookup), the company compared
        without case: a case-insensitive scan of every partner would not stay constant."""
        if not (self.name and self.company_name):
            return self.env["res.partner"]
        name, company = self.name.strip(), self.company_name.strip().lower()
        variants = list({name, name.lower(), name.upper(), name.title()})
        candidates = self.env["res.partner"].sudo().search([("name", "in", variants)], limit=20)
        return candidates.filtered(
            lambda p: company in ((p.parent_id.name or "").lower(), (p.company_name or "").lower())
        )[:1]
