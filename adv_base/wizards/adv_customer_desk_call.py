# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.notification import notify

CALL_OUTCOMES = [
    ("answered", "Answered"),
    ("callback", "Call back"),
    ("escalated", "Passed on to a colleague"),
    ("no_answer", "No answer / message left"),
]


class AdvCustomerDeskCall(models.TransientModel):
    """Log a call from the customer desk: a note on the customer with its outcome, and
    optionally an activity of the customer closed and a call-back scheduled."""

    _name = "adv.customer.desk.call"
    _description = "Customer desk: log a call"

    partner_id = fields.Many2one(comodel_name="res.partner", string="Customer", required=True)
    note = fields.Text(string="What was said", required=True)
    outcome = fields.Selection(selection=CALL_OUTCOMES, required=True, default="answered")
    activity_id = fields.Many2one(
        comodel_name="mail.activity",
        string="Activity done by this call",
        domain="[('res_model', '=', 'res.partner'), ('res_id', '=', partner_id)]",
    )
    callback_date = fields.Date(string="Call back on")
    callback_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Call back by",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )

    @api.onchange("outcome")
    def _onchange_outcome(self):
        if self.outcome == "callback" and not self.callback_date:
            self.callback_date = fields.Date.context_today(self) + timedelta(days=1)

    def action_log(self):
        """Post the call on the customer (as the user), close the activity it answers and
        schedule the call-back."""
        self.ensure_one()
        customer = self.partner_id.commercial_partner_id
        customer.check_access("read")
        if self.activity_id and (
            self.activity_id.res_model != "res.partner"
            or self.activity_id.res_id not in customer.child_ids.ids + customer.ids
        ):
            raise UserError(self.env._("This activity is not about %s.", customer.display_name))
        if self.outcome == "callback" and not self.callback_date:
            raise UserError(self.env._("Say when to call the customer back."))
        outcome = dict(self._fields["outcome"]._description_selection(self.env))[self.outcome]
        body = Markup("<p><b>%s</b> (%s)</p><p>%s</p>") % (
            self.env._("Phone call"),
            outcome,
            self.note,
        )
        # Logging a call is a note on the customer: any ADV user may, as for a note in the
        # chatter of a record they read (posting on a partner otherwise needs Contact Creation).
        customer.sudo().message_post(
            body=body,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            author_id=self.env.user.partner_id.id,
        )
        if self.activity_id:
            self.activity_id.action_feedback(feedback=self.note)
        if self.callback_date:
            customer.sudo().activity_schedule(
                "mail.mail_activity_data_call",
                date_deadline=self.callback_date,
                summary=self.env._("Call back %s", customer.display_name),
                note=self.note,
                user_id=self.callback_user_id.id or self.env.uid,
            )
        return notify(self.env, self.env._("Call logged on %s.", customer.display_name))
