# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""An e-mail to a claim alias from an unknown sender: it waits here, without contact or claim.

Anyone can write to an alias, any ``From`` can be forged (``../shared/THREATS.md``): only a
known contact (a partner with that address) opens a claim directly. Anything else becomes a
pending intake holding the message and its attachments; a claim handler accepts it (the contact
is created then, the claim opened with the message and its attachments) or rejects it. The sender
gets at most one acknowledgement per address and day, when the claim type asks for it.
"""

from datetime import datetime, time

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import email_normalize, html2plaintext
from odoo.tools.mail import parse_contact_from_email

from odoo.addons.adv_base.tools.notification import notify
from odoo.addons.adv_base.tools.protected_fields import DECISION, refuse_protected

INTAKE_STATES = [("pending", "Pending"), ("accepted", "Accepted"), ("rejected", "Rejected")]
# Written by the gateway and by the actions only.
DECISION_FIELDS = {
    "state",
    "claim_id",
    "contact_id",
    "acknowledged",
    "email_from",
    "email_normalized",
}


class AdvClaimIntake(models.Model):
    _name = "adv.claim.intake"
    _inherit = ["mail.thread"]
    _description = "Claim e-mail from an unknown sender"
    _order = "id desc"
    _rec_name = "subject"
    _check_company_auto = True

    subject = fields.Char(readonly=True)
    email_from = fields.Char(string="From", readonly=True)
    email_normalized = fields.Char(string="Sender", readonly=True, index=True)
    description = fields.Html(readonly=True)
    type_id = fields.Many2one(comodel_name="adv.claim.type", readonly=True, check_company=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, default=lambda s: s.env.company, index=True
    )
    state = fields.Selection(
        selection=INTAKE_STATES, default="pending", required=True, tracking=True, index=True
    )
    customer_id = fields.Many2one(
        comodel_name="res.partner",
        check_company=True,
        domain="[('is_company', '=', True)]",
        help="The company the sender works for, when the handler knows it: the contact created "
        "on acceptance is one of its contacts. Empty: the new contact is its own customer.",
    )
    contact_id = fields.Many2one(comodel_name="res.partner", readonly=True)
    claim_id = fields.Many2one(comodel_name="adv.claim", readonly=True)
    acknowledged = fields.Boolean(
        readonly=True, help="An acknowledgement went to the sender for this message."
    )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        refuse_protected(self, vals_list, DECISION_FIELDS, DECISION, initial={"state": "pending"})
        return super().create(vals_list)

    def write(self, vals):
        refuse_protected(self, [vals], DECISION_FIELDS, DECISION)
        if "customer_id" in vals and self.filtered(lambda i: i.state != "pending"):
            raise UserError(self.env._("This e-mail was already accepted or rejected."))
        return super().write(vals)

    # ------------------------------------------------------------
    # From the mail gateway
    # ------------------------------------------------------------

    @api.model
    def _create_from_message(self, msg_dict, values):
        """The intake of an e-mail to a claim alias (``values``: the alias' defaults), and its
        acknowledgement when the type asks for one."""
        claim_type = self.env["adv.claim.type"].browse(values.get("type_id")).exists()
        intake = (
            self.sudo()
            .with_company(claim_type.company_id or self.env.company)
            .create(
                {
                    "subject": msg_dict.get("subject") or self.env._("Claim by e-mail"),
                    "email_from": msg_dict.get("email_from"),
                    "email_normalized": email_normalize(msg_dict.get("email_from") or ""),
                    "description": msg_dict.get("body"),
                    "type_id": claim_type.id,
                    "company_id": (claim_type.company_id or self.env.company).id,
                }
            )
        )
        if claim_type.acknowledge_unknown_senders:
            intake._acknowledge()
        return intake

    def _acknowledge(self):
        """One acknowledgement per address and day, to that one address."""
        self.ensure_one()
        email = self.email_normalized
        if not email:
            return
        self.env["adv.lock"]._acquire("claim_intake_ack", [email], self.company_id)
        today = datetime.combine(fields.Date.context_today(self), time.min)
        if self.search_count(
            [
                ("email_normalized", "=", email),
                ("acknowledged", "=", True),
                ("create_date", ">=", today),
            ],
            limit=1,
        ):
            return
        self.sudo().write({"acknowledged": True})
        company = self.company_id
        self.env["mail.mail"].sudo().create(
            {
                "email_to": email,
                "email_from": company.email_formatted or self.env.user.email_formatted,
                "subject": self.env._(
                    "%(company)s: your message is received", company=company.name
                ),
                "body_html": self.env._(
                    '<p>Hello,</p><p>We have received your message "%(subject)s". Your e-mail '
                    "address is not known to us yet: a member of our team will check it and "
                    "come back to you.</p><p>Kind regards,<br/>%(company)s</p>",
                    subject=html2plaintext(self.subject or ""),
                    company=company.name,
                ),
                "model": self._name,
                "res_id": self.id,
                "auto_delete": False,
            }
        )

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def _check_pending(self):
        for intake in self:
            if intake.state != "pending":
                raise UserError(
                    self.env._(
                        "The e-mail %(subject)s was already accepted or rejected.",
                        subject=intake.subject,
                    )
                )

    def action_accept(self):
        """The sender's contact (created now, or found if it exists meanwhile) and the claim,
        with the message and its attachments."""
        self.check_access("write")
        self.env["adv.claim"].check_access("create")
        self._check_pending()
        for intake in self:
            contact = intake._get_or_create_contact()
            claim = self.env["adv.claim"].create(intake._prepare_claim_values(contact))
            intake._move_messages_to(claim)
            intake.sudo().write(
                {"state": "accepted", "contact_id": contact.id, "claim_id": claim.id}
            )
            intake.message_post(body=self.env._("Accepted: claim %(claim)s.", claim=claim.name))
        return notify(
            self.env,
            self.env._(
                "Claim %(claims)s created from the e-mail: qualify it next.",
                claims=", ".join(self.claim_id.mapped("name")),
            ),
            next_action=(
                self.claim_id._get_records_action(view_mode="form", context={})
                if len(self) == 1
                else None
            ),
        )

    def action_reject(self):
        self.check_access("write")
        self._check_pending()
        self.sudo().write({"state": "rejected"})
        return notify(
            self.env,
            self.env._(
                "%(count)s e-mails rejected: no claim, no contact created.", count=len(self)
            ),
        )

    def _get_or_create_contact(self):
        self.ensure_one()
        Partner = self.env["res.partner"].sudo()
        contact = Partner.search([("email_normalized", "=", self.email_normalized)], limit=1)
        if contact:
            return contact
        if not self.email_normalized:
            raise UserError(self.env._("This e-mail has no sender address to create a contact."))
        name, email = parse_contact_from_email(self.email_from or self.email_normalized)
        return Partner.create(
            {
                "name": name or email or self.email_normalized,
                "email": email or self.email_normalized,
                "parent_id": self.customer_id.id,
            }
        )

    def _prepare_claim_values(self, contact):
        self.ensure_one()
        return {
            "subject": self.subject or self.env._("Claim by e-mail"),
            "description": self.description,
            "partner_id": contact.commercial_partner_id.id,
            "contact_id": contact.id,
            "email_from": self.email_from,
            "channel": "email",
            "type_id": self.type_id.id,
            "company_id": self.company_id.id,
        }

    def _move_messages_to(self, claim):
        """The e-mails (and the acknowledgement) go to the claim, with their attachments."""
        self.ensure_one()
        messages = self.sudo().message_ids.filtered(lambda m: m.message_type != "notification")
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_id", "=", self.id)])
        )
        messages.write({"model": claim._name, "res_id": claim.id})
        attachments.write({"res_model": claim._name, "res_id": claim.id})
