# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools.misc import format_date

from odoo.addons.adv_base.tools.notification import notify

from ..models.adv_dunning_notice_call import CALL_OUTCOME


class AdvDunningCallOutcome(models.TransientModel):
    """What the customer said on the phone: the outcome, a payment promise or a dispute. Closes
    the call activity of the notice."""

    _name = "adv.dunning.call.outcome"
    _description = "Outcome of a dunning call"

    notice_id = fields.Many2one(
        comodel_name="adv.dunning.notice", required=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(related="notice_id.partner_id")
    currency_id = fields.Many2one(related="notice_id.currency_id")
    amount_due = fields.Monetary(related="notice_id.amount_due")
    outcome = fields.Selection(CALL_OUTCOME, required=True, default="promise")
    note = fields.Text()
    promise_amount = fields.Monetary(
        string="Promised amount", compute="_compute_promise_amount", store=True, readonly=False
    )
    promise_date = fields.Date(string="Promised for")
    dispute_move_ids = fields.Many2many(
        comodel_name="account.move",
        string="Disputed invoices",
        domain="[('id', 'in', move_ids)]",
    )
    move_ids = fields.Many2many(comodel_name="account.move", compute="_compute_move_ids")

    @api.depends("notice_id")
    def _compute_move_ids(self):
        for wizard in self:
            wizard.move_ids = wizard.notice_id.line_ids.move_id

    @api.depends("notice_id")
    def _compute_promise_amount(self):
        for wizard in self:
            wizard.promise_amount = wizard.notice_id.amount_due

    def action_record(self):
        """Record the outcome, then say what was recorded and what comes next."""
        self.ensure_one()
        self.notice_id._record_call_outcome(
            self.outcome,
            note=self.note,
            promise_amount=self.promise_amount,
            promise_date=self.promise_date,
            disputed=self.dispute_move_ids,
        )
        return notify(self.env, self._recorded_message(), title=self.env._("Call recorded"))

    def _recorded_message(self):
        customer = self.partner_id.display_name
        if self.outcome == "promise":
            return self.env._(
                "Payment promise of %(customer)s recorded: %(amount)s on %(date)s. Dunning and "
                "calls wait until then; a broken promise comes back to you.",
                customer=customer,
                amount=self.currency_id.format(self.promise_amount),
                date=format_date(self.env, self.promise_date),
            )
        if self.outcome == "dispute":
            return self.env._(
                "Dispute of %(customer)s recorded: the disputed invoices are left out of dunning.",
                customer=customer,
            )
        if self.outcome == "no_answer":
            return self.env._(
                "No answer from %(customer)s: the call is planned again for tomorrow.",
                customer=customer,
            )
        labels = dict(self._fields["outcome"]._description_selection(self.env))
        return self.env._(
            "Call to %(customer)s recorded: %(outcome)s.",
            customer=customer,
            outcome=labels[self.outcome],
        )
