# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class AdvDunningLevel(models.Model):
    """A step of a policy. Its channels and options are data read when a notice is sent."""

    _name = "adv.dunning.level"
    _description = "Dunning level"
    _order = "policy_id, days, id"
    _sql_constraints = [
        (
            "days_uniq",
            "UNIQUE(policy_id, days)",
            "Two levels of a policy cannot have the same number of days.",
        ),
    ]

    policy_id = fields.Many2one(
        comodel_name="adv.dunning.policy", required=True, ondelete="cascade"
    )
    name = fields.Char(required=True, translate=True)
    days = fields.Integer(
        string="Days after due date",
        required=True,
        help="Negative: a courtesy reminder before the due date.",
    )
    min_amount = fields.Float(
        string="Minimum amount", help="No notice at this level below this total overdue amount."
    )
    channel_email = fields.Boolean(string="E-mail")
    channel_letter = fields.Boolean(string="Letter")
    channel_call = fields.Boolean(string="Phone call")
    channel_formal_notice = fields.Boolean(string="Formal notice (registered letter)")
    channel_litigation = fields.Boolean(string="Hand over to litigation")
    attach_invoices = fields.Boolean(string="Attach invoices and statement")
    add_fees = fields.Boolean(string="Add penalties and the 40 EUR indemnity")
    notify_salesperson = fields.Boolean(string="Notify the salesperson and sales manager")
    mail_template_id = fields.Many2one(
        comodel_name="mail.template",
        string="E-mail template",
        domain=[("model", "=", "adv.dunning.notice")],
    )
    call_script = fields.Html(translate=True)
    letter_title = fields.Char(
        translate=True,
        help="The title printed at the top of the letter of this level (its name is for the "
        "collectors: a phone-call level's letter is not titled 'Phone call'). Empty: "
        "'Payment reminder', or 'Invoices falling due' for a level before the due date.",
    )
    letter_text = fields.Html(
        string="Letter text",
        translate=True,
        help="The body of the letter of this level, before the list of overdue items.",
    )

    def _letter_title(self):
        """The title of this level's letter, in the context's language (the letter's)."""
        self.ensure_one()
        if self.letter_title:
            return self.letter_title
        if self.days < 0:
            return self.env._("Invoices falling due")
        return self.env._("Payment reminder")

    @api.ondelete(at_uninstall=False)
    def _unlink_except_notified(self):
        if (
            self.env["adv.dunning.notice"]
            .sudo()
            .search_count([("level_id", "in", self.ids)], limit=1)
        ):
            raise UserError(
                self.env._(
                    "This level was already notified to customers: keep it, or archive the policy "
                    "and create a new one."
                )
            )
