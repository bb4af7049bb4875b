# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from functools import partial

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.late_payment import FIXED_INDEMNITY

NOTICE_STATE = [("draft", "To send"), ("sent", "Sent"), ("cancel", "Cancelled")]
EMAIL_STATE = [
    ("none", "No e-mail"),
    ("sent", "Sent"),
    ("failed", "Failed: letter instead"),
]

# The documents a channel produced for the notice (letter, formal notice, litigation file).
_channel_document = partial(fields.Many2one, comodel_name="ir.attachment", readonly=True)

# What a sent notice notified, to whom and when: written once, when it is sent (its channels
# add their documents afterwards).
EVIDENCE_FIELDS = {"run_id", "partner_id", "company_id", "level_id", "date_sent", "line_ids"}


class AdvDunningNotice(models.Model):
    """One customer's notice of one run, at the highest level newly reached by its lines."""

    _name = "adv.dunning.notice"
    _description = "Dunning notice"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    run_id = fields.Many2one(
        comodel_name="adv.dunning.run", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Customer", required=True, index=True
    )
    company_id = fields.Many2one(comodel_name="res.company", required=True, index=True)
    level_id = fields.Many2one(comodel_name="adv.dunning.level", required=True, ondelete="restrict")
    level_formal_notice = fields.Boolean(
        related="level_id.channel_formal_notice", string="Level sends a formal notice"
    )
    state = fields.Selection(
        NOTICE_STATE,
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    line_ids = fields.One2many(
        comodel_name="adv.dunning.notice.line", inverse_name="notice_id", string="Overdue items"
    )
    totals = fields.Char(string="Total due", compute="_compute_totals")
    indemnity = fields.Float(compute="_compute_totals", string="Fixed indemnities (EUR)")
    date_sent = fields.Date(readonly=True)
    active = fields.Boolean(default=True, help="Archive a notice instead of deleting it.")
    cancel_reason = fields.Char(
        string="Not sent because",
        readonly=True,
        help="Why the notice was cancelled at sending time.",
    )
    rate_warning = fields.Char(related="run_id.rate_warning", string="Late-payment rate missing")
    penalty_rate = fields.Float(
        string="Penalty rate (%)",
        digits=(5, 2),
        readonly=True,
        help="Annual late-payment rate of the run's half-year, quoted in the formal notice.",
    )
    fees_move_id = fields.Many2one(
        comodel_name="account.move",
        string="Fees invoice",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_due = fields.Monetary(
        string="Claimable (after grace days and minimum amounts)",
        compute="_compute_amount_due",
        store=True,
        help="What this notice claims, in the company's currency: the customer's open items "
        "that reached a dunning level (its days after the due date and its minimum amount), "
        "without the disputed items and the customers who promised to pay or are excluded. "
        "The customer's credit tab counts every invoice past due (Overdue), hence a larger "
        "figure.",
    )
    partner_phone = fields.Char(related="partner_id.phone", string="Phone")
    partner_mobile = fields.Char(related="partner_id.mobile", string="Mobile")
    salesperson_id = fields.Many2one(
        related="partner_id.user_id", string="Salesperson", store=True, index=True
    )
    # channels: what was done, visible on the notice
    email_state = fields.Selection(EMAIL_STATE, default="none", readonly=True, tracking=True)
    email_failure = fields.Char(string="E-mail failure", readonly=True)
    letter_attachment_id = _channel_document(string="Letter")
    formal_notice_attachment_id = _channel_document(string="Formal notice")
    tracking_number = fields.Char(
        string="Registered letter number",
        tracking=True,
        help="Tracking number of the registered letter with acknowledgement of receipt.",
    )
    litigation_attachment_id = _channel_document(string="Litigation file")

    @api.depends("partner_id", "level_id")
    def _compute_name(self):
        for notice in self:
            notice.name = f"{notice.partner_id.name} / {notice.level_id.name}"

    @api.depends("partner_id", "level_id")
    @api.depends_context("lang")
    def _compute_display_name(self):
        """ "Customer / level" in the reader's language (breadcrumbs, links): the stored name
        keeps the language of the run that created the notice."""
        for notice in self:
            notice.display_name = f"{notice.partner_id.display_name} / {notice.level_id.name}"

    @api.depends("line_ids.amount_residual", "line_ids.currency_id")
    def _compute_amount_due(self):
        for notice in self:
            company = notice.company_id
            notice.amount_due = sum(
                line.currency_id._convert(
                    line.amount_residual, company.currency_id, company, line.date_maturity
                )
                if line.currency_id != company.currency_id
                else line.amount_residual
                for line in notice.line_ids
            )

    def _totals_by_currency(self):
        """[(currency, amount)] of the listed items, for the documents (formatted there in the
        customer's language)."""
        self.ensure_one()
        per_currency = defaultdict(float)
        for line in self.line_ids:
            per_currency[line.currency_id] += line.amount_residual
        return list(per_currency.items())

    @api.depends("line_ids.amount_residual", "line_ids.currency_id")
    def _compute_totals(self):
        """Total per currency, e.g. "1 200,00 € + 300,00 $"."""
        for notice in self:
            notice.totals = " + ".join(c.format(a) for c, a in notice._totals_by_currency())
            invoices = notice.line_ids.filtered(
                lambda ln: ln.days_overdue > 0 and not ln.move_id.adv_dunning_fees
            ).move_id
            notice.indemnity = FIXED_INDEMNITY * len(invoices) if notice.level_id.add_fees else 0.0

    def write(self, vals):
        self._check_evidence_write(vals)
        res = super().write(vals)
        if vals.get("tracking_number"):
            # the registered letter is posted: its activity is done
            registered = self.env.ref("adv_dunning.mail_activity_type_registered_letter")
            self.activity_ids.filtered(lambda a: a.activity_type_id == registered).action_feedback(
                feedback=self.env._("Posted: %(number)s", number=vals["tracking_number"])
            )
        return res

    def _check_evidence_write(self, vals):
        """A sent notice is evidence: what was notified, to whom, when and in which run is not
        rewritten, and it can only be cancelled (or archived); dunning's own flows run as
        superuser where they must."""
        sent = self.filtered("date_sent")
        if not sent or self.env.su:
            return
        if EVIDENCE_FIELDS & set(vals) or vals.get("state", "cancel") != "cancel":
            raise UserError(
                self.env._("A sent notice cannot be changed: cancel or archive it instead.")
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        """Nobody deletes a sent notice, not even the superuser: cancel or archive it."""
        if self.filtered("date_sent"):
            raise UserError(
                self.env._("A sent notice cannot be deleted: cancel or archive it instead.")
            )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_open_attachment(self):
        """Open one of the documents of the notice (letter, formal notice, litigation file)."""
        self.ensure_one()
        attachment = self.env["ir.attachment"].browse(self.env.context.get("attachment_id"))
        if attachment not in (
            self.letter_attachment_id
            | self.formal_notice_attachment_id
            | self.litigation_attachment_id
        ):
            raise UserError(self.env._("This document does not belong to the notice."))
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "download",
        }

    def action_print_letter(self):
        """The notice's letter: the one sent (its evidence) when there is one, else printed now."""
        self.ensure_one()
        if self.letter_attachment_id:
            return self.with_context(
                attachment_id=self.letter_attachment_id.id
            ).action_open_attachment()
        return self.env.ref("adv_dunning.action_report_letter").report_action(self)

    def action_print_formal_notice(self):
        """The formal notice: the one sent when there is one, else printed now; refused for a
        notice whose level does not send one (see ``_check_formal_notice_printable``)."""
        self.ensure_one()
        self._check_formal_notice_printable()
        if self.formal_notice_attachment_id:
            return self.with_context(
                attachment_id=self.formal_notice_attachment_id.id
            ).action_open_attachment()
        return self.env.ref("adv_dunning.action_report_formal_notice").report_action(self)

    # ------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------

    def _check_formal_notice_printable(self):
        """A formal notice gives notice to pay with the penalty rate the law requires: none for
        a notice whose level does not send one (a courtesy reminder, a call) or that quotes no
        penalty rate (0 %). Checked wherever it is printed (button, report, RPC)."""
        wrong = self.filtered(lambda n: not n.level_formal_notice or not n.penalty_rate)
        if wrong:
            raise UserError(
                self.env._(
                    "No formal notice for %(notices)s: only a notice at a level that sends a "
                    "formal notice, with its penalty rate, gives formal notice to pay.",
                    notices=", ".join(wrong.mapped("display_name")),
                )
            )

    def _adv_day_stake(self):
        """My Day: a notice's work (call, letter, hand-over) is worth the amount due."""
        stakes = super()._adv_day_stake()
        stakes.update({notice.id: notice.amount_due for notice in self if notice.state != "cancel"})
        return stakes

    def _refresh_amounts(self):
        """At sending time, everything that suspends dunning is checked again: a customer
        excluded, with an open payment promise, under another policy or already notified today
        (``_customer_stops``) gets no notice; a line paid in between, or suspended meanwhile (a
        dispute, an open claim: ``_adv_dunning_suspensions``) is dropped, a partly paid one
        shows its residual, a line levelled meanwhile by another run is no longer new; a notice
        left without a newly levelled line is cancelled. The reason is kept on the notice."""
        for reason, notices in self._customer_stops().items():
            notices._cancel_unsent(reason)
        notices = self.filtered(lambda n: n.state == "draft")
        lines = notices.line_ids
        suspended = (
            self.env["account.move.line"]
            .sudo()
            ._adv_dunning_suspensions([("id", "in", lines.move_line_id.ids)])
        )
        lines.filtered(
            lambda ln: (
                not ln.move_line_id
                or ln.move_line_id.parent_state != "posted"
                or ln.move_line_id.reconciled
                or ln.move_line_id.amount_residual <= 0
                or ln.move_line_id.id in suspended
            )
        ).unlink()
        lines = notices.line_ids
        lines.filtered(
            lambda ln: (
                ln.new_level and ln.move_line_id.adv_dunning_level_id.days >= ln.level_id.days
                if ln.move_line_id.adv_dunning_level_id
                else False
            )
        ).new_level = False
        for line in lines:
            aml = line.move_line_id
            foreign = aml.currency_id and aml.currency_id != aml.company_currency_id
            residual = aml.amount_residual_currency if foreign else aml.amount_residual
            if line.currency_id.compare_amounts(residual, line.amount_residual):
                line.amount_residual = residual
        notices.filtered(lambda n: not n.line_ids.filtered("new_level"))._cancel_unsent(
            self.env._("No item newly reaches a level any more (paid, suspended or notified).")
        )
        return notices.filtered(lambda n: n.state == "draft")

    def _cancel_unsent(self, reason):
        self.write({"state": "cancel", "cancel_reason": reason})

    def _customer_stops(self):
        """{reason: notices} of the draft notices whose customer must not be notified now: one
        grouped read of the promises and of today's notices, one read of the customers'
        exclusions and policies per company (the fields are company-dependent)."""
        drafts = self.filtered(lambda n: n.state == "draft")
        if not drafts:
            return {}
        today = fields.Date.context_today(self)
        Notice = self.env["adv.dunning.notice"].sudo().with_context(active_test=False)
        promised = {
            (partner.id, company.id)
            for partner, company in self.env["adv.dunning.promise"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", drafts.partner_id.ids),
                    ("company_id", "in", drafts.company_id.ids),
                    ("state", "=", "open"),
                    ("date", ">=", today),
                ],
                ["partner_id", "company_id"],
            )
        }
        notified = {
            (partner.id, company.id)
            for partner, company in Notice._read_group(
                [
                    ("partner_id", "in", drafts.partner_id.ids),
                    ("company_id", "in", drafts.company_id.ids),
                    ("date_sent", "=", today),
                ],
                ["partner_id", "company_id"],
            )
        }
        stops = defaultdict(lambda: self.browse())
        for notice in drafts.sorted("id"):
            key = (notice.partner_id.id, notice.company_id.id)
            customer = notice.partner_id.commercial_partner_id.with_company(notice.company_id)
            customer = customer.sudo()
            policy = customer.adv_dunning_policy_id or notice.company_id.adv_dunning_policy_id
            if customer.adv_dunning_excluded_until and customer.adv_dunning_excluded_until >= today:
                reason = self.env._("The customer is excluded from dunning.")
            elif key in promised:
                reason = self.env._("The customer promised to pay.")
            elif notice.level_id.policy_id != policy:
                reason = self.env._("The customer's dunning policy changed.")
            elif key in notified:
                reason = self.env._("The customer already received a notice today.")
            else:
                notified.add(key)  # one notice per customer and day, in this call too
                continue
            stops[reason] |= notice
        return stops

    def _send(self):
        """Apply the levels and run the channels of the notices still due. The levels of the
        lines are written with the notice, in the same transaction: a notice is sent once."""
        notices = self._refresh_amounts()
        today = fields.Date.context_today(self)
        new_lines = notices.line_ids.filtered("new_level")
        # the dunning fields change no amount, tax or balance: Invoicing's synchronisation of
        # the invoices (seconds for a batch) has nothing to do
        sync_off = {
            "skip_invoice_sync": True,
            "skip_invoice_line_sync": True,
            "check_move_validity": False,
        }
        for level in new_lines.level_id:
            lines = new_lines.filtered(lambda ln, lv=level: ln.level_id == lv)
            lines.move_line_id.with_context(**sync_off).write(
                {"adv_dunning_level_id": level.id, "adv_dunning_date": today}
            )
        notices.write({"state": "sent", "date_sent": today})
        notices.filtered(
            lambda n: n.level_id.add_fees and n.company_id.adv_dunning_post_fees
        )._create_fee_invoices()
        notices._execute_channels()
        return notices
