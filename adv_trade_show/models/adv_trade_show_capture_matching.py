# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.tools import SQL


class AdvTradeShowCapture(models.Model):
    """Matching: the visitor among the partners and leads, on exact normalised keys."""

    _inherit = "adv.trade.show.capture"  # pylint: disable=consider-merging-classes-inherited

    def _find_match(self):
        """``(partner, lead, key)``: on the normalised e-mail first, then on the E.164 phone;
        a partner before a lead. One query, every candidate an indexed lookup whatever the
        volume (exact keys; archived records left out, as a search would)."""
        Partner = self.env["res.partner"].sudo()
        Lead = self.env["crm.lead"].sudo()
        found = self._match_candidates()
        for key in ("email", "phone"):
            show_lead = Lead.browse(found.get((key, "show_lead")))
            partner = Partner.browse(found.get((key, "partner")))
            if show_lead or partner:
                return partner or show_lead.partner_id, show_lead, key
            lead = Lead.browse(found.get((key, "lead")))
            if lead:
                return lead.partner_id, lead, key
        return Partner, Lead, "new"

    def _match_candidates(self):
        """``{(key, kind): id}`` for the keys this capture has (``email``, ``phone``): the
        first lead of this show (``show_lead``), the first partner of no or this company
        (``partner``) and the latest lead of no or this company (``lead``)."""
        self.env.flush_all()
        company, show = self.company_id.id, self.show_id.id
        parts = []
        for key, value in (("email", self.email_normalized), ("phone", self.phone_e164)):
            if not value:
                continue
            if key == "email":
                match = SQL("email_normalized = %s", value)
            else:
                match = SQL("(adv_phone_e164 = %s OR adv_mobile_e164 = %s)", value, value)
            in_company = SQL("(company_id IS NULL OR company_id = %s)", company)
            for kind, table, where, order in (
                ("show_lead", "crm_lead", SQL("adv_show_id = %s", show), "id"),
                ("partner", "res_partner", in_company, "id"),
                ("lead", "crm_lead", in_company, "id DESC"),
            ):
                parts.append(
                    SQL(
                        "(SELECT %s, %s, id FROM %s WHERE active AND %s AND %s ORDER BY %s"
                        " LIMIT 1)",
                        key,
                        kind,
                        SQL.identifier(table),
                        match,
                        where,
                        SQL(order),
                    )
                )
        if not parts:
            return {}
        self.env.cr.execute(SQL(" UNION ALL ").join(parts))
        return {(key, kind): record_id for key, kind, record_id in self.env.cr.fetchall()}

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
