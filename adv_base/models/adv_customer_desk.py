# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The customer desk: find a caller in one box, then one screen with everything the ADV
assistant needs while the customer is on the phone.

The frame, the search and the call log live here; every ADV addon adds the data it knows
through two extension points, each returning plain data (``adv_base.tools.desk``):

- :meth:`_adv_desk_find` ``(term, limit)``: the matches of a term among the addon's documents
  (an order number, a PO reference, an invoice, a delivery, a claim), set-based;
- :meth:`_adv_desk_sections` ``(customer)``: ``{key: section}``; an override calls ``super()``
  and adds its sections, or enriches one another addon gave (keyed, so a section two addons could
  give appears once);
- :meth:`_adv_desk_actions`: ``{key: method name}`` of the buttons the sections may show.

Everything is read with the user's own rights (record rules included): a section whose model
the user may not read is left out, never read with sudo.
"""

from markupsafe import Markup

from odoo import api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html2plaintext

from ..tools import desk
from ..tools.phone import looks_like_phone, phone_prefix

FIND_LIMIT = 8
MAX_TERM = 64
# Matches of one customer are shown by the best kind first.
KIND_RANK = {"phone": 0, "reference": 1, "name": 2}
INTERACTIONS = 8


class AdvCustomerDesk(models.AbstractModel):
    _name = "adv.customer.desk"
    _description = "Customer desk"

    # ------------------------------------------------------------------ public (the screen)
    @api.model
    def find(self, term, limit=FIND_LIMIT):
        """The customers ``term`` finds (a phone number in any format, a name, a document's
        reference): ``[{partner_id, name, city, kind, label, contact, res_model, res_id}]``, one
        entry per customer (its best match), at most ``limit``."""
        self._adv_desk_check_user()
        term = " ".join(str(term or "").split())[:MAX_TERM]
        if term.lower().startswith("tel:"):
            term = term[4:].strip()
        if len(term) < 2:
            return []
        limit = max(1, min(int(limit or FIND_LIMIT), 20))
        return self._adv_desk_results(self._adv_desk_find(term, limit), limit)

    @api.model
    def sections(self, partner_id):
        """The customer's screen: ``{customer: header, sections: [section]}``."""
        self._adv_desk_check_user()
        customer = self._adv_desk_customer(partner_id)
        sections = self._adv_desk_sections(customer)
        return {
            "customer": self._adv_desk_header(customer),
            "sections": sorted(sections.values(), key=lambda s: (s["sequence"], s["key"])),
        }

    @api.model
    def run_action(self, partner_id, key, res_id=False):
        """Run the desk's action ``key`` (a button of the screen) on the customer: returns the
        action for the web client (a dialog, the composer, a form)."""
        self._adv_desk_check_user()
        customer = self._adv_desk_customer(partner_id)
        method = self._adv_desk_actions().get(key)
        if not method:
            raise UserError(self.env._("The customer desk has no action %(key)s.", key=key))
        return getattr(self, method)(customer, res_id and int(res_id))

    # ------------------------------------------------------------------ extension points
    def _adv_desk_find(self, term, limit):
        """Hook: the matches of ``term``, a list of ``{partner, kind, label, res_model,
        res_id}`` (``partner``: a res.partner record; ``kind``: phone, reference or name)."""
        Partner = self.env["res.partner"]
        matches = []
        prefix = looks_like_phone(term) and phone_prefix(
            term, self.env.company.country_id.phone_code
        )
        if prefix:
            pattern = f"{prefix}%"
            found = Partner.search(
                [
                    "|",
                    ("adv_phone_e164", "=like", pattern),
                    ("adv_mobile_e164", "=like", pattern),
                ],
                limit=limit,
            )
            matches += [self._adv_desk_match(p, "phone", p.phone or p.mobile) for p in found]
        else:
            found = Partner.search([("complete_name", "ilike", term)], limit=limit)
            matches += [self._adv_desk_match(p, "name", p.display_name) for p in found]
        return matches

    def _adv_desk_sections(self, customer):
        """Hook: ``{key: section}`` of the customer's screen (``adv_base.tools.desk.section``).
        Overrides call ``super()`` first, then add or enrich; each section is read with the
        user's rights in a number of queries that does not grow with the data."""
        return {"interactions": self._adv_desk_interactions(customer)}

    def _adv_desk_actions(self):
        """Hook: ``{key: method name}`` of the desk's actions; each method takes the customer
        and an optional record id and returns an action."""
        return {"log_call": "_adv_desk_action_log_call"}

    # ------------------------------------------------------------------ helpers for the hooks
    @api.model
    def _adv_desk_match(self, partner, kind, label, document=None):
        return {
            "partner": partner,
            "kind": kind,
            "label": label or "",
            "res_model": document._name if document else False,
            "res_id": document.id if document else False,
        }

    def _adv_desk_can_read(self, model):
        """Whether the user may read ``model`` (a section of it is shown, else left out)."""
        return model in self.env and self.env[model].has_access("read")

    def _adv_desk_family(self, customer):
        """The customer and its contacts (one query)."""
        return self.env["res.partner"].search([("id", "child_of", customer.ids)])

    # ------------------------------------------------------------------ internals
    def _adv_desk_check_user(self):
        if not self.env.user.has_group("adv_base.group_user"):
            raise AccessError(self.env._("The customer desk is for the sales administration team."))

    def _adv_desk_customer(self, partner_id):
        try:
            partner = self.env["res.partner"].browse(int(partner_id)).exists()
        except (TypeError, ValueError):
            partner = None
        if not partner:
            raise UserError(self.env._("This customer does not exist (any more)."))
        partner.check_access("read")
        return partner.commercial_partner_id

    def _adv_desk_results(self, matches, limit):
        """One result per customer (its best match), the customers read in one go."""
        matches = [m for m in matches if m["partner"]]
        partners = self.env["res.partner"].union(*(m["partner"] for m in matches))
        partners.commercial_partner_id.fetch(["display_name", "city", "phone", "mobile"])
        best = {}
        for match in sorted(matches, key=lambda m: KIND_RANK.get(m["kind"], 9)):
            customer = match["partner"].commercial_partner_id
            if customer.id in best or len(best) >= limit:
                continue
            contact = match["partner"] if match["partner"] != customer else None
            best[customer.id] = {
                "partner_id": customer.id,
                "name": customer.display_name,
                "city": customer.city or "",
                "kind": match["kind"],
                "label": match["label"],
                "contact": contact.name if contact else "",
                "res_model": match["res_model"],
                "res_id": match["res_id"],
            }
        return list(best.values())

    def _adv_desk_header(self, customer):
        family = self._adv_desk_family(customer)
        phones = [
            {"name": person.name, "number": number, "e164": key}
            for person in family
            for number, key in (
                (person.phone, person.adv_phone_e164),
                (person.mobile, person.adv_mobile_e164),
            )
            if number
        ]
        return {
            "id": customer.id,
            "name": customer.display_name,
            "ref": customer.ref or "",
            "city": ", ".join(filter(None, [customer.zip, customer.city])),
            "email": customer.email or "",
            "salesperson": customer.user_id.name or "",
            "phones": phones,
            "actions": [desk.action("log_call", self.env._("Log the call"), primary=True)],
        }

    def _adv_desk_interactions(self, customer):
        """The last messages on the customer and its contacts, and those they wrote on any
        document the user may read (one search; mail's own access rules apply)."""
        family = self._adv_desk_family(customer)
        messages = self.env["mail.message"].search(
            [
                ("message_type", "in", ("comment", "email", "email_outgoing")),
                "|",
                "&",
                ("model", "=", "res.partner"),
                ("res_id", "in", family.ids),
                ("author_id", "in", family.ids),
            ],
            limit=INTERACTIONS,
            order="date desc, id desc",
        )
        rows = []
        for message in messages:
            text = html2plaintext(message.body or Markup()).strip()
            card = desk.row(
                message,
                message.subject or message.record_name or message.author_id.name,
                desk.fdate(self.env, message.date.date()),
                details=[
                    desk.detail(self.env._("By"), message.author_id.name),
                    desk.detail(self.env._("Note"), text[:200]),
                ],
            )
            # The card opens the document the message is on.
            card.update(model=message.model or "", id=message.res_id or False)
            rows.append(card)
        return desk.section(
            "interactions",
            self.env._("Last interactions"),
            90,
            rows,
            empty=self.env._("No message yet."),
        )

    def _adv_desk_action_log_call(self, customer, res_id=False):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log the call"),
            "res_model": "adv.customer.desk.call",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_partner_id": customer.id},
        }
