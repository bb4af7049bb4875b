# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""How a claim comes in: from a document, by e-mail (the claim type's alias) or on the portal."""

from odoo import api, models
from odoo.tools import email_normalize

from .adv_claim import DOCUMENT_FIELDS


class AdvClaim(models.Model):
    _inherit = "adv.claim"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _prepare_customer_from_document(self, vals):
        """The customer of a claim made from a document is the document's company, not the
        contact who placed it (nor a context default, which still wins when given): complete
        ``vals`` in place."""
        for field in DOCUMENT_FIELDS:
            if (
                vals.get(field)
                and not vals.get("partner_id")
                and not self.env.context.get("default_partner_id")
            ):
                document = self.env[self._fields[field].comodel_name].browse(vals[field])
                vals["partner_id"] = document.partner_id.commercial_partner_id.id
                if document.partner_id != document.partner_id.commercial_partner_id:
                    vals.setdefault("contact_id", document.partner_id.id)

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A claim from an e-mail of a known contact (a partner with that address): the
        sender's customer, the subject and the body. An unknown sender opens no claim and
        creates no contact: the message waits as an intake that a handler accepts or rejects
        (``adv.claim.intake``)."""
        email = email_normalize(msg_dict.get("email_from") or "")
        values = dict(custom_values or {})
        partner = self.env["res.partner"]
        if email:
            partner = partner.search([("email_normalized", "=", email)], limit=1)
        if not partner:
            return self.env["adv.claim.intake"]._create_from_message(msg_dict, values)
        values.setdefault("subject", msg_dict.get("subject") or self.env._("Claim by e-mail"))
        values.setdefault("email_from", msg_dict.get("email_from"))
        values.setdefault("channel", "email")
        values.setdefault("description", msg_dict.get("body"))
        values.setdefault("partner_id", partner.commercial_partner_id.id)
        values.setdefault("contact_id", partner.id)
        return super().message_new(msg_dict, custom_values=values)

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for claim in self:
            claim.access_url = f"/my/claims/{claim.id}"
        return result

    def _message_get_suggested_recipients(self):
        recipients = super()._message_get_suggested_recipients()
        for claim in self:
            if claim.contact_id or claim.partner_id:
                claim._message_add_suggested_recipient(
                    recipients,
                    partner=claim.contact_id or claim.partner_id,
                    reason=self.env._("Customer"),
                )
        return recipients
