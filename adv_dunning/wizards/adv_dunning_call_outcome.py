# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

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
        self.ensure_one()
        return self.notice_id._record_call_outcome(
            self.outcome,
            note=self.note,
            promise_amount=self.promise_amount,
            promise_date=self.promise_date,
            disputed=self.dispute_move_ids,
        ) or {"type": "ir.actions.act_window_close"}
