# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

CALL_OUTCOME = [
    ("reached", "Reached, will pay"),
    ("promise", "Payment promise"),
    ("dispute", "Disputes the invoice"),
    ("no_answer", "No answer"),
    ("wrong_number", "Wrong number"),
]


class AdvDunningNotice(models.Model):
    """The dunning call of a notice: the call due today, its outcome (a payment promise, a
    dispute) and the next try when nobody answered."""

    _inherit = "adv.dunning.notice"  # pylint: disable=consider-merging-classes-inherited

    call_outcome = fields.Selection(CALL_OUTCOME, readonly=True, tracking=True)
    call_note = fields.Text(readonly=True)
    adv_call_due = fields.Boolean(
        string="Call due",
        compute="_compute_adv_call_due",
        search="_search_adv_call_due",
        help="A dunning call of this notice is due today or late.",
    )

    def _compute_adv_call_due(self):
        due = self.search([("id", "in", self.ids), ("adv_call_due", "=", True)])
        for notice in self:
            notice.adv_call_due = notice in due

    def _search_adv_call_due(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the calls due."))
        call = self.env.ref("adv_dunning.mail_activity_type_call")
        today = fields.Date.context_today(self)
        activities = (
            self.env["mail.activity"]
            .sudo()
            ._search(
                [
                    ("res_model", "=", self._name),
                    ("activity_type_id", "=", call.id),
                    ("date_deadline", "<=", today),
                ]
            )
        )
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", activities.subselect("res_id"))]

    def action_call_outcome(self):
        """Record what the customer said (phone card button)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Call outcome"),
            "res_model": "adv.dunning.call.outcome",
            "view_mode": "form",
            "target": "new",
            "context": {"default_notice_id": self.id},
        }

    def action_call_done(self):
        """The call is done, nothing to record."""
        self._call_activities().action_feedback(feedback=self.env._("Call done"))
        return True

    def _call_activities(self):
        call = self.env.ref("adv_dunning.mail_activity_type_call")
        return self.activity_ids.filtered(lambda a: a.activity_type_id == call)

    def _record_call_outcome(
        self, outcome, note=None, promise_amount=0.0, promise_date=None, disputed=None
    ):
        """The outcome of the call: a promise suspends the dunning until its date, a dispute
        suspends the disputed invoices; the call activity is done with the outcome."""
        self.ensure_one()
        if not self.env.su and not self.env.user.has_group("adv_dunning.group_collector"):
            raise AccessError(self.env._("Only credit collectors record dunning calls."))
        labels = dict(self._fields["call_outcome"]._description_selection(self.env))
        feedback = labels[outcome] + (f": {note}" if note else "")
        if outcome == "promise":
            if not promise_amount or promise_amount <= 0 or not promise_date:
                raise UserError(self.env._("A payment promise needs an amount and a date."))
            if promise_date < fields.Date.context_today(self):
                raise UserError(self.env._("A payment promise is for today or a later day."))
            self.env["adv.dunning.promise"].create(
                {
                    "partner_id": self.partner_id.id,
                    "company_id": self.company_id.id,
                    "amount": promise_amount,
                    "date": promise_date,
                    "note": note,
                }
            )
            feedback = self.env._(
                "Promise: %(amount)s on %(date)s",
                amount=self.currency_id.format(promise_amount),
                date=fields.Date.to_string(promise_date),
            ) + (f" ({note})" if note else "")
        elif outcome == "dispute":
            if not disputed:
                raise UserError(self.env._("Choose the disputed invoices."))
            receivables = disputed.line_ids.filtered(
                lambda ln: ln.account_type == "asset_receivable"
            )
            receivables.action_adv_dispute(note or labels[outcome])
        self.write({"call_outcome": outcome, "call_note": note})
        self._call_activities().action_feedback(feedback=feedback)
        if outcome == "no_answer":  # try again on the next working day
            self.activity_schedule(
                "adv_dunning.mail_activity_type_call",
                date_deadline=fields.Date.context_today(self) + timedelta(days=1),
                user_id=self.env.user.id,
                summary=self.env._("Dunning call: %(customer)s", customer=self.partner_id.name),
                note=self.level_id.call_script or "",
            )
        return True
