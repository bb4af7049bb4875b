# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

LEGAL_BASIS = [
    ("legitimate_interest", "Legitimate interest (informed, right to object)"),
    ("consent", "Consent"),
]
# What the retention job may write (superuser only): its date, and the personal data it clears.
RETENTION_FIELDS = {"retention_date", "email_normalized", "partner_id", "anonymised"}
PURPOSE = [
    ("follow_up", "Commercial follow-up of the visit"),
    ("marketing", "Marketing e-mails"),
]


class AdvTradeShowConsent(models.Model):
    """Evidence of what a visitor was told and agreed to, written once when a capture is
    processed: purpose, legal basis, the version and text of the notice shown, when, by whom,
    the separate marketing opt-in and how long the data may be kept. Never edited afterwards
    (only anonymised by the retention job) and never deleted, by any role."""

    _name = "adv.trade.show.consent"
    _description = "Visitor Consent Evidence"
    _order = "timestamp desc, id desc"
    _check_company_auto = True

    capture_id = fields.Many2one(
        comodel_name="adv.trade.show.capture", ondelete="set null", index=True
    )
    show_id = fields.Many2one(
        comodel_name="adv.trade.show", required=True, ondelete="restrict", index=True
    )
    company_id = fields.Many2one(related="show_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Contact", index="btree_not_null"
    )
    lead_id = fields.Many2one(comodel_name="crm.lead", index="btree_not_null")
    email_normalized = fields.Char(string="E-mail", index="btree_not_null")
    purpose = fields.Selection(PURPOSE, required=True)
    legal_basis = fields.Selection(LEGAL_BASIS, required=True)
    text_version = fields.Char(string="Notice Version", required=True)
    text_shown = fields.Text(required=True)
    lang = fields.Char(string="Language")
    timestamp = fields.Datetime(required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(comodel_name="res.users", string="Collected By", required=True)
    marketing_opt_in = fields.Boolean(
        string="Marketing Opt-in", help="Ticked by the visitor; never pre-ticked."
    )
    retention_date = fields.Date(required=True)
    anonymised = fields.Boolean(readonly=True)

    def write(self, vals):
        """Nobody edits the evidence. The suite's own jobs (superuser) only move its retention
        date and anonymise it: what was consented, when, by whom and under which notice is
        never rewritten, whatever the caller or its context."""
        if not self.env.su or set(vals) - RETENTION_FIELDS:
            raise UserError(self.env._("Consent evidence cannot be modified."))
        return super().write(vals)

    def _write_anonymised(self):
        """The retention purge: the visitor's personal data goes; what was consented (purpose,
        legal basis, notice version and text, opt-in), when and by whom stays."""
        self.sudo().write({"email_normalized": False, "partner_id": False, "anonymised": True})

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        """Evidence is kept: no role deletes it (the retention purge and an erasure request
        anonymise it instead)."""
        raise UserError(
            self.env._(
                "Consent evidence cannot be deleted: it is kept as proof, and its personal "
                "data is anonymised by the retention purge or on an erasure request."
            )
        )
