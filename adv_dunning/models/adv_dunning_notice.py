# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from .late_payment import FIXED_INDEMNITY, half_year_start
from .litigation import litigation_file

NOTICE_STATE = [("draft", "To send"), ("sent", "Sent"), ("cancel", "Cancelled")]
EMAIL_STATE = [
    ("none", "No e-mail"),
    ("sent", "Sent"),
    ("failed", "Failed: letter instead"),
]
CALL_OUTCOME = [
    ("reached", "Reached, will pay"),
    ("promise", "Payment promise"),
    ("dispute", "Disputes the invoice"),
    ("no_answer", "No answer"),
    ("wrong_number", "Wrong number"),
]


class AdvDunningNotice(models.Model):
    """One customer's notice of one run, at the highest level newly reached by its lines."""

    _name = "adv.dunning.notice"
    _description = "Dunning notice"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    run_id = fields.Many2one("adv.dunning.run", required=True, ondelete="cascade", index=True)
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, index=True)
    company_id = fields.Many2one("res.company", required=True, index=True)
    level_id = fields.Many2one("adv.dunning.level", required=True, ondelete="restrict")
    state = fields.Selection(
        NOTICE_STATE,
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    line_ids = fields.One2many("adv.dunning.notice.line", "notice_id", string="Overdue items")
    totals = fields.Char(string="Total due", compute="_compute_totals")
    indemnity = fields.Float(compute="_compute_totals", string="Fixed indemnities (EUR)")
    date_sent = fields.Date(readonly=True)
    rate_warning = fields.Char(related="run_id.rate_warning", string="Late-payment rate missing")
    penalty_rate = fields.Float(
        string="Penalty rate (%)",
        digits=(5, 2),
        readonly=True,
        help="Annual late-payment rate of the run's half-year, quoted in the formal notice.",
    )
    fees_move_id = fields.Many2one(
        "account.move", string="Fees invoice", readonly=True, copy=False, index="btree_not_null"
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_due = fields.Monetary(
        string="Amount due",
        compute="_compute_amount_due",
        store=True,
        help="Total of the listed items, in the company's currency.",
    )
    partner_phone = fields.Char(related="partner_id.phone", string="Phone")
    partner_mobile = fields.Char(related="partner_id.mobile", string="Mobile")
    salesperson_id = fields.Many2one(
        related="partner_id.user_id", string="Salesperson", store=True, index=True
    )
    # channels: what was done, visible on the notice
    email_state = fields.Selection(EMAIL_STATE, default="none", readonly=True, tracking=True)
    email_failure = fields.Char(string="E-mail failure", readonly=True)
    letter_attachment_id = fields.Many2one("ir.attachment", string="Letter", readonly=True)
    formal_notice_attachment_id = fields.Many2one(
        "ir.attachment", string="Formal notice", readonly=True
    )
    tracking_number = fields.Char(
        string="Registered letter number",
        tracking=True,
        help="Tracking number of the registered letter with acknowledgement of receipt.",
    )
    litigation_attachment_id = fields.Many2one(
        "ir.attachment", string="Litigation file", readonly=True
    )
    call_outcome = fields.Selection(CALL_OUTCOME, readonly=True, tracking=True)
    call_note = fields.Text(readonly=True)
    adv_call_due = fields.Boolean(
        string="Call due",
        compute="_compute_adv_call_due",
        search="_search_adv_call_due",
        help="A dunning call of this notice is due today or late.",
    )

    @api.depends("partner_id", "level_id")
    def _compute_name(self):
        for notice in self:
            notice.name = f"{notice.partner_id.name} / {notice.level_id.name}"

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

    @api.depends("line_ids.amount_residual", "line_ids.currency_id")
    def _compute_totals(self):
        """Total per currency, e.g. "1 200,00 € + 300,00 $"."""
        for notice in self:
            per_currency = defaultdict(float)
            for line in notice.line_ids:
                per_currency[line.currency_id] += line.amount_residual
            notice.totals = " + ".join(c.format(a) for c, a in per_currency.items())
            invoices = notice.line_ids.filtered(
                lambda ln: ln.days_overdue > 0 and not ln.move_id.adv_dunning_fees
            ).move_id
            notice.indemnity = FIXED_INDEMNITY * len(invoices) if notice.level_id.add_fees else 0.0

    def write(self, vals):
        res = super().write(vals)
        if vals.get("tracking_number"):
            # the registered letter is posted: its activity is done
            registered = self.env.ref("adv_dunning.mail_activity_type_registered_letter")
            self.activity_ids.filtered(lambda a: a.activity_type_id == registered).action_feedback(
                feedback=self.env._("Posted: %(number)s", number=vals["tracking_number"])
            )
        return res

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_invoice_fees(self):
        """Invoice the penalties to date and the fixed indemnities of these notices."""
        if not self.env.su and not self.env.user.has_group("adv_dunning.group_collector"):
            raise AccessError(self.env._("Only credit collectors can invoice dunning fees."))
        moves = self._create_fee_invoices()
        if not moves:
            raise UserError(self.env._("No penalty or indemnity is left to invoice."))
        return moves._get_records_action(name=self.env._("Late-payment fees"))

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

    # ------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------

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

    def _adv_day_stake(self):
        """My Day: a notice's work (call, letter, hand-over) is worth the amount due."""
        stakes = super()._adv_day_stake()
        stakes.update({notice.id: notice.amount_due for notice in self if notice.state != "cancel"})
        return stakes

    def _refresh_amounts(self):
        """At sending time: a line paid in between is dropped, a partly paid one shows its
        residual, a line levelled meanwhile by another run is no longer new; a notice left
        without a newly levelled line is cancelled."""
        lines = self.line_ids
        lines.filtered(
            lambda ln: ln.move_line_id.reconciled or ln.move_line_id.amount_residual <= 0
        ).unlink()
        lines = self.line_ids
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
        self.filtered(lambda n: not n.line_ids.filtered("new_level")).state = "cancel"
        return self.filtered(lambda n: n.state == "draft")

    def _send(self):
        """Apply the levels and run the channels of the notices still due. The levels of the
        lines are written with the notice, in the same transaction: a notice is sent once."""
        notices = self._refresh_amounts()
        today = fields.Date.context_today(self)
        new_lines = notices.line_ids.filtered("new_level")
        for level in new_lines.level_id:
            new_lines.filtered(lambda ln, lv=level: ln.level_id == lv).move_line_id.write(
                {"adv_dunning_level_id": level.id, "adv_dunning_date": today}
            )
        notices.write({"state": "sent", "date_sent": today})
        notices.filtered(
            lambda n: n.level_id.add_fees and n.company_id.adv_dunning_post_fees
        )._create_fee_invoices()
        notices._execute_channels()
        return notices

    def _prepare_fee_lines(self):
        """Invoice lines of the penalties not yet invoiced and of the 40 EUR indemnity, once per
        late invoice. Outside the scope of VAT: no tax."""
        self.ensure_one()
        company = self.company_id
        eur = self.env.ref("base.EUR")
        indemnity = eur._convert(FIXED_INDEMNITY, company.currency_id, company, self.date_sent)
        vals = []
        for line in self.line_ids.filtered(lambda ln: ln.days_overdue > 0):
            aml = line.move_line_id
            extra = company.currency_id.round(line.penalty - aml.adv_penalty_invoiced)
            if extra > 0:
                vals.append(
                    {
                        "name": self.env._(
                            "Late-payment penalties on %(invoice)s, due %(due)s (C. com. L441-10)",
                            invoice=aml.move_id.name,
                            due=fields.Date.to_string(aml.date_maturity),
                        ),
                        "price_unit": extra,
                        "tax_ids": [Command.clear()],
                        "aml": aml,
                        "penalty": line.penalty,
                    }
                )
        late_moves = self.line_ids.filtered(lambda ln: ln.days_overdue > 0).move_id
        vals.extend(
            {
                "name": self.env._(
                    "Fixed recovery indemnity on %(invoice)s (C. com. D441-5)",
                    invoice=move.name,
                ),
                "price_unit": indemnity,
                "tax_ids": [Command.clear()],
                "move": move,
            }
            for move in late_moves
            if not move.adv_indemnity_invoiced and not move.adv_dunning_fees
        )
        return vals

    def _create_fee_invoices(self):
        """One posted customer invoice per notice for its fees; each fee is invoiced once."""
        moves = self.env["account.move"]
        for notice in self.filtered(lambda n: n.state == "sent" and n.level_id.add_fees):
            vals = notice._prepare_fee_lines()
            if not vals:
                continue
            move = (
                self.env["account.move"]
                .with_company(notice.company_id)
                .create(
                    {
                        "move_type": "out_invoice",
                        "partner_id": notice.partner_id.id,
                        "invoice_date": notice.date_sent,
                        "invoice_origin": notice.name,
                        "adv_dunning_fees": True,
                        "invoice_line_ids": [
                            Command.create(
                                {
                                    k: v
                                    for k, v in line.items()
                                    if k not in ("aml", "move", "penalty")
                                }
                            )
                            for line in vals
                        ],
                    }
                )
            )
            move.action_post()
            for line in vals:
                if "aml" in line:
                    line["aml"].adv_penalty_invoiced = line["penalty"]
                else:
                    line["move"].adv_indemnity_invoiced = True
            notice.fees_move_id = move
            moves |= move
        return moves

    def _execute_channels(self):
        """Run the channels of each notice's level. Each channel is a small method that other
        addons may override; a failing e-mail falls back to a letter and an activity.

        With ``adv_dunning_no_documents`` in the context (the demo data, a take-over of the levels
        of a former system), nothing reaches the customer: no e-mail, letter or file; calls and
        notifications stay."""
        documents = not self.env.context.get("adv_dunning_no_documents")
        for notice in self:
            level = notice.level_id
            notice.partner_id.sudo().message_post(
                body=self.env._(
                    "Dunning notice %(level)s: %(total)s overdue.",
                    level=level.name,
                    total=notice.totals,
                )
            )
            if documents and level.channel_email:
                notice._channel_email()
            if documents and level.channel_letter:
                notice._channel_letter()
            if level.channel_call:
                notice._channel_call()
            if documents and level.channel_formal_notice:
                notice._channel_formal_notice()
            if documents and level.channel_litigation:
                notice._channel_litigation()
            if level.notify_salesperson:
                notice._channel_notify_sales()

    # ------------------------------------------------------------
    # CHANNELS
    # ------------------------------------------------------------

    def _collector(self):
        """Who works on this notice: the company's collector, else the user who ran it
        (manual run), else the customer's salesperson, else the current user."""
        self.ensure_one()
        notice = self.sudo()
        run = notice.run_id
        user = (
            notice.company_id.adv_dunning_collector_id
            or (not run.automatic and run.user_id)
            or notice.partner_id.user_id
        )
        return user.with_env(self.env) if user else self.env.user

    def _email_blocker(self):
        """Why no e-mail can reach the customer (no address, blacklisted), or False."""
        self.ensure_one()
        email = self.partner_id.email_normalized
        if not email:
            return self.env._("The customer has no valid e-mail address.")
        if self.env["mail.blacklist"].sudo().search_count([("email", "=", email)], limit=1):
            return self.env._("The customer's address %(email)s is blacklisted.", email=email)
        return False

    def _email_template(self):
        self.ensure_one()
        return self.level_id.mail_template_id or self.env.ref("adv_dunning.mail_template_notice")

    def _channel_email(self):
        """E-mail from the level's template in the customer's language, with the invoices and
        the statement of account when the level says so."""
        self.ensure_one()
        blocker = self._email_blocker()
        if blocker:
            self._fallback_to_letter(blocker)
            return
        attachments = self._invoice_attachments() if self.level_id.attach_invoices else []
        self.message_post_with_source(
            self._email_template(),
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachment_ids=[Command.set([a.id for a in attachments])] if attachments else [],
        )
        self.email_state = "sent"

    def _invoice_attachments(self):
        """The PDF of the listed invoices and the statement of account, as attachments."""
        self.ensure_one()
        invoices = self.line_ids.move_id
        # the PDF Odoo kept when the invoice was sent is reused, the others are rendered at once
        attachments = invoices.sudo().invoice_pdf_report_id
        invoices = invoices.filtered(lambda m: not m.sudo().invoice_pdf_report_id)
        lang = self.partner_id.lang or self.env.lang
        if invoices:
            attachments |= self._attach_report(
                "account.account_invoices",
                invoices.ids,
                self.env._("Invoices %(customer)s", customer=self.partner_id.name),
                lang,
            )
        attachments |= self._attach_report(
            "adv_dunning.action_report_statement",
            self.partner_id.ids,
            self.env._("Statement of account %(customer)s", customer=self.partner_id.name),
            lang,
        )
        return attachments

    def _attach_report(self, report_ref, res_ids, name, lang=None):
        """Render a QWeb PDF report and attach it to this notice."""
        self.ensure_one()
        content, __ = (
            self.env["ir.actions.report"]
            .sudo()
            .with_context(lang=lang or self.partner_id.lang or self.env.lang)
            ._render_qweb_pdf(report_ref, res_ids)
        )
        return self._attach(f"{name}.pdf", content, "application/pdf")

    def _attach(self, filename, content, mimetype):
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": filename,
                    "raw": content,
                    "mimetype": mimetype,
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )

    def _channel_letter(self):
        """The level's letter as a PDF attached to the notice, ready to print and post."""
        self.ensure_one()
        if not self.letter_attachment_id:
            self.letter_attachment_id = self._attach_report(
                "adv_dunning.action_report_letter",
                self.ids,
                self.env._("Letter %(notice)s", notice=self.name),
            )
        return self.letter_attachment_id

    def _channel_call(self):
        """A call activity for the collector, with the level's call script."""
        self.ensure_one()
        return self.activity_schedule(
            "adv_dunning.mail_activity_type_call",
            user_id=self._collector().id,
            summary=self.env._("Dunning call: %(customer)s", customer=self.partner_id.name),
            note=self.level_id.with_context(lang=self._collector().lang).call_script or "",
        )

    def _channel_formal_notice(self):
        """Formal notice (mise en demeure) as a PDF quoting the penalty rate and the 40 EUR
        indemnity; an activity asks to post it by registered letter and record its number."""
        self.ensure_one()
        if not self.penalty_rate:
            policy = self.partner_id.with_company(self.company_id).adv_dunning_policy_id or (
                self.company_id.adv_dunning_policy_id
            )
            fallbacks = {}
            rate_for = self.env["adv.late.payment.rate"]._rate_function(
                policy.contract_rate or None, fallbacks
            )
            self.penalty_rate = rate_for(half_year_start(self.date_sent or fields.Date.today()))
            # a missing half-year is told on the run, once for all its notices
            self.run_id.sudo()._note_rate_fallbacks(fallbacks)
        self.formal_notice_attachment_id = self._attach_report(
            "adv_dunning.action_report_formal_notice",
            self.ids,
            self.env._("Formal notice %(notice)s", notice=self.name),
        )
        self.activity_schedule(
            "adv_dunning.mail_activity_type_registered_letter",
            user_id=self._collector().id,
            note=self.env._(
                "Post the formal notice by registered letter with acknowledgement of receipt, "
                "then record its tracking number on the notice."
            ),
        )

    def _channel_litigation(self):
        """Hand-over: the file for the litigation department or the collection agency (CSV:
        customer, open items with penalties, dunning history) attached to the notice."""
        self.ensure_one()
        content = litigation_file(self)
        self.litigation_attachment_id = self._attach(
            self.env._("Litigation file %(notice)s", notice=self.name) + ".csv",
            content.encode("utf-8-sig"),
            "text/csv",
        )
        self.activity_schedule(
            "adv_dunning.mail_activity_type_litigation",
            user_id=self._collector().id,
            note=self.env._("Hand the attached file over to litigation or the collection agency."),
        )

    def _sales_recipients(self):
        """The salesperson of the customer and the leader of the sales team (the customer's
        team when Sales is installed, else the salesperson's)."""
        self.ensure_one()
        partner = self.partner_id
        salesperson = partner.user_id
        team = partner["team_id"] if "team_id" in partner._fields else self.env["crm.team"]
        team = team or salesperson.sale_team_id
        return (salesperson | team.user_id).partner_id

    def _channel_notify_sales(self):
        self.ensure_one()
        recipients = self._sales_recipients()
        if not recipients:
            return
        self.message_post(
            body=self.env._(
                "Your customer %(customer)s reached the dunning level %(level)s: %(total)s "
                "overdue. Please avoid new commitments until it is settled.",
                customer=self.partner_id.name,
                level=self.level_id.name,
                total=self.totals,
            ),
            partner_ids=recipients.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )

    def _fallback_to_letter(self, reason):
        """The e-mail cannot reach the customer: send the letter instead and tell the
        collector. Never leaves a notice waiting for an e-mail."""
        for notice in self:
            notice.write({"email_state": "failed", "email_failure": reason})
            notice._channel_letter()
            notice.activity_schedule(
                "adv_dunning.mail_activity_type_letter",
                user_id=notice._collector().id,
                note=self.env._(
                    "The dunning e-mail could not be delivered (%(reason)s): print and post the "
                    "attached letter, and update the customer's e-mail address.",
                    reason=reason,
                ),
            )
            notice.message_post(
                body=self.env._(
                    "E-mail not delivered (%(reason)s): the letter replaces it.", reason=reason
                )
            )

    def _message_receive_bounce(self, email, partner):
        """A bounce of the dunning e-mail: fall back to the letter."""
        res = super()._message_receive_bounce(email, partner)
        self.filtered(lambda n: n.email_state == "sent")._fallback_to_letter(
            self.env._("bounced: %(email)s", email=email)
        )
        return res
