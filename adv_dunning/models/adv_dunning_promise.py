# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

PROMISE_STATE = [("open", "Open"), ("kept", "Kept"), ("broken", "Broken")]


class AdvDunningPromise(models.Model):
    """The customer promised to pay: dunning waits until the date; a broken promise escalates."""

    _name = "adv.dunning.promise"
    _description = "Payment promise"
    _inherit = ["mail.thread"]
    _order = "date desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Customer", required=True, index=True
    )
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(required=True)
    date = fields.Date(string="Promised for", required=True)
    note = fields.Char()
    user_id = fields.Many2one(
        comodel_name="res.users", default=lambda self: self.env.user, readonly=True
    )
    overdue_at_promise = fields.Monetary(readonly=True)
    state = fields.Selection(
        PROMISE_STATE,
        default="open",
        required=True,
        tracking=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        Partner = self.env["res.partner"]
        # a promise binds the customer, whoever of its contacts made it
        promises = super().create(
            [
                dict(vals, partner_id=Partner.browse(vals["partner_id"]).commercial_partner_id.id)
                if vals.get("partner_id")
                else vals
                for vals in vals_list
            ]
        )
        today = fields.Date.context_today(self)
        for company in promises.company_id:
            mine = promises.filtered(lambda p, c=company: p.company_id == c)
            overdue = self.env["account.move.line"]._adv_overdue_by_partner(
                mine.partner_id, company, today
            )
            for promise in mine:
                promise.overdue_at_promise = overdue.get(promise.partner_id.id, 0.0)
        return promises

    @api.model
    def _settle_due_promises(self, company, today):
        """Close the promises whose date has passed: kept when the overdue went down by the
        promised amount, broken otherwise (an activity tells the salesperson to call)."""
        due = self.search(
            [("company_id", "=", company.id), ("state", "=", "open"), ("date", "<", today)]
        )
        if not due:
            return due
        overdue = self.env["account.move.line"]._adv_overdue_by_partner(
            due.partner_id, company, today
        )
        for promise in due:
            target = promise.overdue_at_promise - promise.amount + company.currency_id.rounding
            if overdue.get(promise.partner_id.id, 0.0) <= target:
                promise.state = "kept"
                continue
            promise.state = "broken"
            promise.message_post(
                body=self.env._("Promise broken: dunning resumes at the level reached meanwhile.")
            )
            promise.partner_id.sudo().activity_schedule(
                "mail.mail_activity_data_call",
                user_id=(promise.partner_id.user_id or promise.user_id).id,
                summary=self.env._("Broken payment promise"),
                note=self.env._(
                    "%(amount)s promised for %(date)s was not paid.",
                    amount=promise.currency_id.format(promise.amount),
                    date=fields.Date.to_string(promise.date),
                ),
            )
        return due
