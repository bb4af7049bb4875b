# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools.credit_rules import APPROVAL, BLOCK, OUTCOMES, ReleaseTerms, days_overdue

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
        comodel_name="sale.order", required=True, index=True, ondelete="cascade", readonly=True
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Customer", required=True, index=True, readonly=True
    )
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, readonly=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    salesperson_id = fields.Many2one(related="order_id.user_id", string="Salesperson", store=True)
    user_id = fields.Many2one(comodel_name="res.users", string="Checked for", readonly=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True)
    outcome = fields.Selection(OUTCOMES, required=True, readonly=True, tracking=True)
    state = fields.Selection(CHECK_STATES, default="open", required=True, tracking=True, index=True)
    line_ids = fields.One2many(
        comodel_name="adv.order.check.line",
        inverse_name="check_id",
        string="Reasons",
        readonly=True,
    )
    reasons = fields.Text(string="Reasons (text)", compute="_compute_reasons")
    credit_limit = fields.Monetary(readonly=True)
    receivables = fields.Monetary(string="Open receivables", readonly=True)
    draft_invoices = fields.Monetary(readonly=True)
    uninvoiced_orders = fields.Monetary(string="Orders not invoiced", readonly=True)
    exposure = fields.Monetary(readonly=True)
    amount_order = fields.Monetary(string="This order", readonly=True)
    excess = fields.Monetary(string="Over limit by", readonly=True)
    overdue_amount = fields.Monetary(
        string="Overdue (credit exposure)",
        readonly=True,
        help="Open receivables past their due date plus the company's grace days, whatever "
        "their amount: what the credit rules read. The dunning may claim less (its levels "
        "wait longer and skip small amounts).",
    )
    overdue_days = fields.Integer(
        string="Days overdue at the check",
        readonly=True,
        help="Days since the due date of the oldest overdue item on the day of the check (the "
        "day after the due date is day 1).",
    )
    overdue_since = fields.Date(
        string="Oldest overdue due date",
        readonly=True,
        help="Due date of the oldest overdue item when the order was checked.",
    )
    overdue_days_today = fields.Integer(
        string="Days overdue today",
        compute="_compute_overdue_days_today",
        help="Days since that due date, counted today as on the order's banner (the day after "
        "the due date is day 1).",
    )
    request_user_id = fields.Many2one(
        comodel_name="res.users", string="Release requested by", readonly=True, copy=False
    )
    request_date = fields.Datetime(string="Release requested on", readonly=True, copy=False)
    request_note = fields.Text(string="Justification of the request", readonly=True, copy=False)
    release_user_id = fields.Many2one(comodel_name="res.users", string="Released by", readonly=True)
    release_date = fields.Datetime(readonly=True)
    release_reason = fields.Text(string="Decision reason", tracking=True, readonly=True)
    approved_amount = fields.Monetary(
        readonly=True, help="The release holds while the order stays within this amount."
    )
    release_level = fields.Selection(
        [("approval", "Approvals"), ("block", "Approvals and blocks")], readonly=True
    )
    release_expiry = fields.Date(string="Release valid until", readonly=True)
    released_rules = fields.Char(
        readonly=True, help="Codes of the rules the release lifted (comma separated)."
    )
    escalated_to_ids = fields.Many2many(
        comodel_name="res.users", string="Escalated to", readonly=True, copy=False
    )

    @api.depends("order_id.name", "date")
    def _compute_name(self):
        for check in self:
            check.name = f"{check.order_id.name} / {fields.Datetime.to_string(check.date)}"

    @api.depends("overdue_since")
    @api.depends_context("tz")
    def _compute_overdue_days_today(self):
        today = fields.Date.context_today(self)
        for check in self:
            check.overdue_days_today = days_overdue(check.overdue_since, today)

    @api.depends("line_ids.message")
    @api.depends_context("lang")
    def _compute_reasons(self):
        for check in self:
            check.reasons = "\n".join(check.line_ids.mapped("message"))

    # ------------------------------------------------------------
    # A decision is a record changed only by its actions
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(self.env._("Credit checks are written by the credit control only."))
        return super().create(vals_list)

    def write(self, vals):
        """Only the control and the decision actions (as superuser) change a check; a user may
        follow it and discuss it in the chatter, nothing else."""
        if not self.env.su:
            forbidden = [f for f in vals if not f.startswith(("message_", "activity_"))]
            if forbidden:
                raise AccessError(
                    self.env._(
                        "A credit check is changed only by its Release and Refuse actions "
                        "(fields: %(fields)s).",
                        fields=", ".join(sorted(forbidden)),
                    )
                )
        return super().write(vals)

    def _release_terms(self):
        """The :class:`ReleaseTerms` of this released check (``None`` if it is not released)."""
        self.ensure_one()
        if self.state != "released":
            return None
        return ReleaseTerms(
            rules=frozenset(filter(None, (self.released_rules or "").split(","))),
            level=BLOCK if self.release_level == "block" else APPROVAL,
            approved_amount=self.approved_amount,
            excess=self.excess,
            overdue_amount=self.overdue_amount,
            decided_on=self.release_date,
            expiry=self.release_expiry,
            partner_id=self.partner_id.id,
            rounding=self.currency_id.rounding,
        )

    def _default_expiry(self):
        days = self.company_id.adv_release_validity_days or 7
        return fields.Date.context_today(self) + timedelta(days=days)

    def _check_expiry(self, expiry):
        """A release lasts at most the company's validity period from today."""
        if not expiry:
            return
        expiry = fields.Date.to_date(expiry)
        today = fields.Date.context_today(self)
        latest = min(check._default_expiry() for check in self)  # each company's period holds
        if expiry < today or expiry > latest:
            raise UserError(
                self.env._(
                    "A release is valid from today up to %(latest)s at most "
                    "(Settings: release validity).",
                    latest=fields.Date.to_string(latest),
                )
            )

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
            raise ValidationError(self.env._("Give the reason of the release."))
        is_manager = self.env.user.has_group("adv_base.group_manager")
        if not is_manager and any(c.outcome == "block" for c in self):
            raise AccessError(
                self.env._(
                    "This order is blocked (credit hold or a blocking rule): only an ADV manager "
                    "can release it, or fix its cause."
                )
            )
        self._check_expiry(expiry)
        Delegation = self.env["adv.credit.delegation"]
        beyond = self.filtered(
            lambda c: not Delegation._covers(self.env.user, c.company_id, c.excess)
        )
        if beyond:
            beyond._escalate(reason)
        (self - beyond)._release(reason, expiry, "block" if is_manager else "approval")
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

    def _release(self, reason, expiry, level):
        """Record the release of these checks (within the user's delegation) on their orders.

        ``level``: ``approval`` lifts the "needs approval" reasons, ``block`` the blocks too.
        """
        lifted = {APPROVAL, BLOCK} if level == "block" else {APPROVAL}
        for check in self:
            rules = check.line_ids.filtered(lambda ln: ln.outcome in lifted).mapped("rule")
            check.sudo().write(
                {
                    "state": "released",
                    "release_user_id": self.env.user.id,
                    "release_date": fields.Datetime.now(),
                    "release_reason": reason,
                    "approved_amount": check.amount_order,
                    "release_level": level,
                    "release_expiry": expiry or check._default_expiry(),
                    "released_rules": ",".join(sorted(set(rules))),
                }
            )
            check.order_id.sudo().write({"adv_credit_state": "released"})
            check.order_id.message_post(
                body=check.order_id._adv_log_env()._(
                    "Credit release by %(user)s up to %(amount)s: %(reason)s",
                    user=self.env.user.name,
                    amount=check.currency_id.format(check.amount_order),
                    reason=reason,
                )
            )

    def _escalate(self, reason):
        """Hand the decision to the next level: users whose delegation covers the excess."""
        Delegation = self.env["adv.credit.delegation"]
        for check in self:
            approvers = Delegation._approvers_for(
                check.company_id, check.excess, exclude=self.env.user
            )
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
                user_env = check.order_id._adv_user_env(user)
                check.order_id.sudo().activity_schedule(
                    "adv_order_control.mail_activity_credit_release",
                    user_id=user.id,
                    summary=user_env._(
                        "Escalated credit release: %(order)s", order=check.order_id.name
                    ),
                    note=user_env._(
                        "%(user)s proposes: %(reason)s", user=self.env.user.name, reason=reason
                    ),
                )
            check.sudo().message_post(
                body=check.order_id._adv_log_env()._(
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
            raise ValidationError(self.env._("Give the reason of the refusal."))
        for check in self:
            check.sudo().write(
                {
                    "state": "refused",
                    "release_reason": reason,
                    "release_user_id": self.env.user.id,
                    "release_date": fields.Datetime.now(),
                }
            )
            check.order_id.message_post(
                body=check.order_id._adv_log_env()._(
                    "Credit release refused by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=reason,
                ),
                partner_ids=check.order_id.user_id.partner_id.ids,
            )
        self.order_id.activity_feedback(["adv_order_control.mail_activity_credit_release"])
        return True

    def action_open_release(self):
        """The queue's Release button (row, card, or selected rows): asks for the reason."""
        return self._open_decision("release")

    def action_open_refuse(self):
        return self._open_decision("refuse")

    def action_open_request(self):
        """A salesperson's *Request release* on her blocked order's check: asks why."""
        self.ensure_one()
        return self.order_id.action_adv_request_release()

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

    # ------------------------------------------------------------
    # The documents behind the figures
    # ------------------------------------------------------------

    def _overdue_invoice_domain(self):
        """The customer's invoices behind the overdue figure: posted, not fully paid, due before
        today less the company's grace days (as the exposure counts them)."""
        self.ensure_one()
        before = fields.Date.context_today(self) - timedelta(
            days=self.company_id.adv_overdue_grace_days
        )
        return [
            ("commercial_partner_id", "=", self.partner_id.id),
            ("company_id", "=", self.company_id.id),
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("payment_state", "in", ("not_paid", "partial")),
            ("invoice_date_due", "<", before),
        ]

    def action_view_overdue_invoices(self):
        """The overdue invoices of the customer (Invoicing's list, with the user's rights)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action.update(
            {
                "name": self.env._(
                    "Overdue invoices of %(customer)s", customer=self.partner_id.name
                ),
                "domain": self._overdue_invoice_domain(),
                "context": {"default_move_type": "out_invoice", "create": False},
            }
        )
        return action

    def action_view_payments(self):
        """The customer's payments, the latest first (Invoicing's list, with the user's rights)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("account.action_account_payments")
        action.update(
            {
                "name": self.env._("Payments of %(customer)s", customer=self.partner_id.name),
                "domain": [
                    ("partner_id", "child_of", self.partner_id.id),
                    ("company_id", "=", self.company_id.id),
                    ("partner_type", "=", "customer"),
                ],
                "context": {"default_partner_type": "customer", "create": False},
            }
        )
        return action
