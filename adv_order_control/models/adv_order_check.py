# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .credit_rules import OUTCOMES

CHECK_STATES = [
    ("open", "Waiting"),
    ("released", "Released"),
    ("refused", "Refused"),
    ("done", "Logged"),
]


class AdvOrderCheck(models.Model):
    """One credit control of an order that warned or stopped it: the block record and its log.

    It keeps the exposure as it was at that moment, the rules that fired, and, when a credit
    controller decides, the release (who, when, why, up to which amount, until when).
    """

    _name = "adv.order.check"
    _description = "Order credit check"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    order_id = fields.Many2one(
        "sale.order", required=True, index=True, ondelete="cascade", readonly=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, readonly=True
    )
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    salesperson_id = fields.Many2one(related="order_id.user_id", string="Salesperson", store=True)
    user_id = fields.Many2one("res.users", string="Checked for", readonly=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True)
    outcome = fields.Selection(OUTCOMES, required=True, readonly=True, tracking=True)
    state = fields.Selection(CHECK_STATES, default="open", required=True, tracking=True, index=True)
    line_ids = fields.One2many("adv.order.check.line", "check_id", string="Reasons", readonly=True)
    reasons = fields.Text(string="Reasons (text)", compute="_compute_reasons")
    credit_limit = fields.Monetary(readonly=True)
    receivables = fields.Monetary(string="Open receivables", readonly=True)
    draft_invoices = fields.Monetary(readonly=True)
    uninvoiced_orders = fields.Monetary(string="Orders not invoiced", readonly=True)
    exposure = fields.Monetary(readonly=True)
    amount_order = fields.Monetary(string="This order", readonly=True)
    excess = fields.Monetary(string="Over limit by", readonly=True)
    overdue_amount = fields.Monetary(readonly=True)
    overdue_days = fields.Integer(readonly=True)
    release_user_id = fields.Many2one("res.users", string="Released by", readonly=True)
    release_date = fields.Datetime(readonly=True)
    release_reason = fields.Text(string="Decision reason", tracking=True)
    approved_amount = fields.Monetary(
        readonly=True, help="The release holds while the order stays within this amount."
    )
    release_level = fields.Selection(
        [("approval", "Approvals"), ("block", "Approvals and blocks")], readonly=True
    )
    release_expiry = fields.Date(string="Release valid until")
    escalated_to_ids = fields.Many2many(
        "res.users", string="Escalated to", readonly=True, copy=False
    )

    @api.depends("order_id.name", "date")
    def _compute_name(self):
        for check in self:
            check.name = f"{check.order_id.name} / {fields.Datetime.to_string(check.date)}"

    def _compute_reasons(self):
        for check in self:
            check.reasons = "\n".join(check.line_ids.mapped("message"))

    def _check_can_decide(self):
        if not self.env.user.has_group("adv_order_control.group_credit_controller"):
            raise AccessError(self.env._("Only credit controllers can release or refuse orders."))
        if any(c.state != "open" for c in self):
            raise UserError(self.env._("Only waiting credit checks can be decided."))

    def action_release(self, reason, expiry=False):
        """Release the orders: their next confirmation passes while they stay within amount.

        A credit controller lifts "needs approval" reasons; lifting a block takes an ADV manager.
        """
        self._check_can_decide()
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason of the release."))
        is_manager = self.env.user.has_group("adv_base.group_manager")
        if not is_manager and any(c.outcome == "block" for c in self):
            raise AccessError(
                self.env._(
                    "This order is blocked (credit hold or a blocking rule): only an ADV manager "
                    "can release it, or fix its cause."
                )
            )
        Delegation = self.env["adv.credit.delegation"]
        beyond = self.filtered(
            lambda c: not Delegation._covers(self.env.user, c.company_id, c.excess)
        )
        if beyond:
            beyond._escalate(reason)
        for check in self - beyond:
            check.sudo().write(
                {
                    "state": "released",
                    "release_user_id": self.env.user.id,
                    "release_date": fields.Datetime.now(),
                    "release_reason": reason,
                    "approved_amount": check.amount_order,
                    "release_level": "block" if is_manager else "approval",
                    "release_expiry": expiry,
                }
            )
            check.order_id.sudo().write({"adv_credit_state": "released"})
            check.order_id.message_post(
                body=self.env._(
                    "Credit release by %(user)s up to %(amount)s: %(reason)s",
                    user=self.env.user.name,
                    amount=check.currency_id.format(check.amount_order),
                    reason=reason,
                )
            )
        (self - beyond).order_id.activity_feedback(
            ["adv_order_control.mail_activity_credit_release"]
        )
        if beyond:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "title": self.env._("Escalated"),
                    "message": self.env._(
                        "The excess is beyond your delegation: the release was escalated to "
                        "%(users)s.",
                        users=", ".join(beyond.escalated_to_ids.mapped("name")),
                    ),
                    "type": "warning",
                    "next": {"type": "ir.actions.client", "tag": "soft_reload"},
                },
            }
        return True

    def _escalate(self, reason):
        """Hand the decision to the next level: users whose delegation covers the excess."""
        Delegation = self.env["adv.credit.delegation"]
        for check in self:
            approvers = Delegation._approvers_for(check.company_id, check.excess, self.env.user)
            if not approvers:
                raise UserError(
                    self.env._(
                        "Nobody's delegation covers an excess of %(excess)s: set up the "
                        "delegations (Sales Administration > Configuration).",
                        excess=check.currency_id.format(check.excess),
                    )
                )
            check.sudo().escalated_to_ids = [fields.Command.set(approvers.ids)]
            for user in approvers:
                check.order_id.sudo().activity_schedule(
                    "adv_order_control.mail_activity_credit_release",
                    user_id=user.id,
                    summary=self.env._(
                        "Escalated credit release: %(order)s", order=check.order_id.name
                    ),
                    note=self.env._(
                        "%(user)s proposes: %(reason)s", user=self.env.user.name, reason=reason
                    ),
                )
            check.sudo().message_post(
                body=self.env._(
                    "Over by %(excess)s, beyond the delegation of %(user)s: "
                    "escalated to %(users)s.",
                    excess=check.currency_id.format(check.excess),
                    user=self.env.user.name,
                    users=", ".join(approvers.mapped("name")),
                )
            )

    def action_refuse(self, reason):
        self._check_can_decide()
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason of the refusal."))
        for check in self:
            check.sudo().write({"state": "refused", "release_reason": reason})
            check.order_id.message_post(
                body=self.env._(
                    "Credit release refused by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=reason,
                ),
                partner_ids=check.order_id.user_id.partner_id.ids,
            )
        self.order_id.activity_feedback(["adv_order_control.mail_activity_credit_release"])
        return True

    def button_release(self):
        """The form's Release button: the reason is typed in the form first."""
        return self.action_release(self.release_reason, self.release_expiry)

    def button_refuse(self):
        return self.action_refuse(self.release_reason)

    def action_open_release(self):
        """The queue's Release button (row, card, or selected rows): asks for the reason."""
        return self._open_decision("release")

    def action_open_refuse(self):
        return self._open_decision("refuse")

    def _open_decision(self, decision):
        self._check_can_decide()
        titles = {"release": self.env._("Release"), "refuse": self.env._("Refuse")}
        return {
            "type": "ir.actions.act_window",
            "name": titles[decision],
            "res_model": "adv.order.check.decision",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_check_ids": self.ids,
                "default_decision": decision,
            },
        }

    def _is_valid_release_for(self, amount, today):
        self.ensure_one()
        return (
            self.state == "released"
            and amount <= self.approved_amount + self.currency_id.rounding
            and (not self.release_expiry or self.release_expiry >= today)
        )
