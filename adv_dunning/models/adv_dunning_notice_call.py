# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

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
        help="A dunning call of this notice is due today or late, and the customer has not "
        "promised to pay meanwhile (an open payment promise puts the call aside).",
    )
    # what the collector needs on the call's card
    call_contact_id = fields.Many2one(
        comodel_name="res.partner",
        string="Contact",
        compute="_compute_call_card",
        help="Whom to ask for: the customer's invoicing contact, else a contact with a phone.",
    )
    call_phone = fields.Char(string="Phone to call", compute="_compute_call_card")
    invoice_names = fields.Char(string="Invoices", compute="_compute_call_card")
    days_late = fields.Integer(
        string="Days late",
        compute="_compute_call_card",
        help="Days since the due date of the oldest item listed, counted from the day after.",
    )

    @api.depends("partner_id", "line_ids.invoice_name", "line_ids.date_maturity")
    def _compute_call_card(self):
        today = fields.Date.context_today(self)
        for notice in self:
            customer = notice.partner_id
            contacts = customer.child_ids.filtered(
                lambda c: c.type in ("invoice", "contact") and (c.phone or c.mobile)
            )
            contact = contacts.sorted(lambda c: c.type != "invoice")[:1]
            notice.call_contact_id = contact
            notice.call_phone = (
                contact.phone or contact.mobile or customer.phone or customer.mobile or False
            )
            lines = notice.line_ids
            notice.invoice_names = ", ".join(dict.fromkeys(lines.mapped("invoice_name")))
            oldest = min(lines.mapped("date_maturity"), default=None)
            notice.days_late = max((today - oldest).days, 0) if oldest else 0

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
        # the customer promised to pay (an open promise, from any notice or typed in the
        # promises): no call until its date, the same rule as the dunning run's
        promised = SQL(
            """(SELECT n.id FROM adv_dunning_notice n
                  JOIN adv_dunning_promise p ON p.partner_id = n.partner_id
                                            AND p.company_id = n.company_id
                 WHERE p.state = 'open' AND p.date >= %s)""",
            today,
        )
        if (operator == "=") == value:
            return [("id", "in", activities.subselect("res_id")), ("id", "not in", promised)]
        return ["|", ("id", "not in", activities.subselect("res_id")), ("id", "in", promised)]

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
