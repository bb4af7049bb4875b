# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

LEGAL_BASIS = [
    ("legitimate_interest", "Legitimate interest (informed, right to object)"),
    ("consent", "Consent"),
]
PURPOSE = [
    ("follow_up", "Commercial follow-up of the visit"),
    ("marketing", "Marketing e-mails"),
]


class AdvTradeShowConsent(models.Model):
    """Evidence of what a visitor was told and agreed to, written once when a capture is
    processed: purpose, legal basis, the version and text of the notice shown, when, by whom,
    the separate marketing opt-in and how long the data may be kept. Never edited afterwards
    (only anonymised by the retention job)."""

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
        if not self.env.context.get("adv_show_anonymise") and not self.env.su:
            raise UserError(self.env._("Consent evidence cannot be modified."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_by_managers(self):
        if not self.env.user.has_group("adv_trade_show.group_show_manager"):
            raise UserError(
                self.env._("Only a trade show manager may erase consent evidence, on request.")
            )
