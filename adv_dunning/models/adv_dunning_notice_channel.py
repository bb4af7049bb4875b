# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.tools.pdf import merge_pdf

from odoo.addons.adv_base.tools.report_pdf import render_pdfs

from ..tools.late_payment import half_year_start
from ..tools.litigation import litigation_file

# The channels of a level, in the order they run: (level's flag, method, sends a document).
CHANNELS = [
    ("channel_email", "_channel_email", True),
    ("channel_letter", "_channel_letter", True),
    ("channel_call", "_channel_call", False),
    ("channel_formal_notice", "_channel_formal_notice", True),
    ("channel_litigation", "_channel_litigation", True),
    ("notify_salesperson", "_channel_notify_sales", False),
]
RENDER_BATCH = 250  # documents rendered by one wkhtmltopdf run
LETTER_REPORTS = {
    "letter_attachment_id": "adv_dunning.action_report_letter",
    "formal_notice_attachment_id": "adv_dunning.action_report_formal_notice",
}


class AdvDunningNotice(models.Model):
    """The channels of a notice's level: e-mail, letter, call, formal notice, hand-over to
    litigation, the salesperson told; a failing e-mail falls back to a letter."""

    _inherit = "adv.dunning.notice"  # pylint: disable=consider-merging-classes-inherited

    def _execute_channels(self):
        """Run the channels of each notice's level. Each channel is a small method that other
        addons may override; a failing e-mail falls back to a letter and an activity.

        With ``adv_dunning_no_documents`` in the context (the demo data, a take-over of the levels
        of a former system), nothing reaches the customer: no e-mail, letter or file; calls and
        notifications stay."""
        documents = not self.env.context.get("adv_dunning_no_documents")
        notices = self
        if documents:
            # the PDFs of all the notices at once (see _prepare_letters, _prepare_email_documents)
            self._prepare_letters()
            notices = self.with_context(adv_dunning_documents=self._prepare_email_documents())
        for notice in notices:
            level = notice.level_id
            notice.partner_id.sudo().message_post(
                body=self.env._(
                    "Dunning notice %(level)s: %(total)s overdue.",
                    level=level.name,
                    total=notice.totals,
                )
            )
            for flag, channel, sends_document in notice._level_channels():
                if level[flag] and (documents or not sends_document):
                    getattr(notice, channel)()

    @api.model
    def _level_channels(self):
        """Hook: the channels a level may run, in order, as (flag of the level, method of the
        notice, whether it sends a document to the customer). An addon adds its own."""
        return list(CHANNELS)

    def _payment_mentions(self):
        """{notice id: PaymentMentions}: the penalties worded as the invoices word them, for
        the notice's date, in its customer's language; read once for all the letters printed
        together (the rate table and the customers' policies, not per letter)."""
        today = fields.Date.context_today(self)
        return self.env["res.partner"]._adv_payment_mentions_batch(
            {
                notice.id: (
                    notice.partner_id,
                    notice.company_id,
                    notice.date_sent or today,
                    None,
                    notice.partner_id.lang,
                )
                for notice in self
            }
        )

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

    def _prepare_email_documents(self):
        """{notice id: attachment ids}: the PDF of the listed invoices and the statement of
        account of each notice that e-mails them, rendered for all the notices at once (a
        wkhtmltopdf run per ``RENDER_BATCH`` documents, not one per notice; each document in
        its customer's language), read by ``_invoice_attachments``."""
        notices = self.filtered(
            lambda n: (
                n.level_id.channel_email and n.level_id.attach_invoices and not n._email_blocker()
            )
        )
        invoices = notices.line_ids.move_id.filtered(lambda m: not m.sudo().invoice_pdf_report_id)
        invoice_pdfs = self._render_pdfs("account.account_invoices", invoices.ids)
        statements = self._render_pdfs(
            "adv_dunning.action_report_statement", notices.partner_id.ids
        )
        vals_list, owners = [], []
        for notice in notices:
            notice = notice.with_context(lang=notice.partner_id.lang or self.env.lang)
            rendered = [invoice_pdfs[m.id] for m in notice.line_ids.move_id if m in invoices]
            name = notice.partner_id.name
            if rendered:
                vals_list.append(
                    notice._attachment_vals(
                        notice.env._("Invoices %(customer)s", customer=name) + ".pdf",
                        merge_pdf(rendered) if len(rendered) > 1 else rendered[0],
                    )
                )
                owners.append(notice)
            vals_list.append(
                notice._attachment_vals(
                    notice.env._("Statement of account %(customer)s", customer=name) + ".pdf",
                    statements[notice.partner_id.id],
                )
            )
            owners.append(notice)
        attachments = self.env["ir.attachment"].sudo().create(vals_list)
        prepared = {}
        for notice, attachment in zip(owners, attachments, strict=True):
            prepared[notice.id] = prepared.get(notice.id, ()) + (attachment.id,)
        return prepared

    def _render_pdfs(self, report_ref, res_ids, lang=None):
        """{res id: PDF content} of a report, a wkhtmltopdf run per ``RENDER_BATCH`` records
        split per record (see adv_base's ``render_pdfs``)."""
        Report = self.env["ir.actions.report"].sudo()
        if lang:
            Report = Report.with_context(lang=lang)
        return render_pdfs(Report, report_ref, res_ids, RENDER_BATCH)

    def _prepare_letters(self):
        """The letter and the formal notice of the notices whose level prints them (and the
        letter of those whose e-mail cannot reach the customer), rendered for all the notices
        at once, each in its customer's language: ``_channel_letter`` and
        ``_channel_formal_notice`` find them attached."""
        formal = self.filtered(lambda n: n.level_id.channel_formal_notice)
        formal.filtered(lambda n: not n.penalty_rate)._set_penalty_rates()
        todo = {
            "letter_attachment_id": self.filtered(
                lambda n: (
                    n.level_id.channel_letter or (n.level_id.channel_email and n._email_blocker())
                )
            ),
            "formal_notice_attachment_id": formal,
        }
        for field, notices in todo.items():
            notices = notices.filtered(lambda n, f=field: not n[f])
            if not notices:
                continue
            contents = self._render_pdfs(LETTER_REPORTS[field], notices.ids)
            attachments = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    [
                        notice._attachment_vals(
                            notice._letter_name(field) + ".pdf", contents[notice.id]
                        )
                        for notice in notices
                    ]
                )
            )
            for notice, attachment in zip(notices, attachments, strict=True):
                notice[field] = attachment

    def _letter_name(self, field):
        self.ensure_one()
        if field == "formal_notice_attachment_id":
            return self.env._("Formal notice %(notice)s", notice=self.name)
        return self.env._("Letter %(notice)s", notice=self.name)

    def _set_penalty_rates(self):
        """The penalty rate quoted by each formal notice: the customer's policy's rate of the
        half-year it is sent in (a half-year missing from the rate table is told on the run,
        once for all its notices)."""
        Rate = self.env["adv.late.payment.rate"]
        for run, notices in self.grouped("run_id").items():
            fallbacks, rate_functions = {}, {}
            for notice in notices:
                policy = notice.partner_id.with_company(
                    notice.company_id
                ).adv_dunning_policy_id or (notice.company_id.adv_dunning_policy_id)
                contract_rate = policy.contract_rate or None
                if contract_rate not in rate_functions:
                    rate_functions[contract_rate] = Rate._rate_function(contract_rate, fallbacks)
                notice.penalty_rate = rate_functions[contract_rate](
                    half_year_start(notice.date_sent or fields.Date.today())
                )
            run.sudo()._note_rate_fallbacks(fallbacks)

    def _invoice_attachments(self):
        """The PDF of the listed invoices and the statement of account, as attachments (those
        prepared for the notice by ``_prepare_email_documents``, else rendered now)."""
        self.ensure_one()
        prepared = (self.env.context.get("adv_dunning_documents") or {}).get(self.id)
        if prepared:
            reused = self.line_ids.move_id.sudo().invoice_pdf_report_id
            return reused.with_env(self.env) | self.env["ir.attachment"].browse(prepared)
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
        vals = self._attachment_vals(filename, content, mimetype)
        return self.env["ir.attachment"].sudo().create(vals)

    def _attachment_vals(self, filename, content, mimetype="application/pdf"):
        self.ensure_one()
        return {
            "name": filename,
            "raw": content,
            "mimetype": mimetype,
            "res_model": self._name,
            "res_id": self.id,
        }

    def _channel_letter(self):
        """The level's letter as a PDF attached to the notice, ready to print and post."""
        self.ensure_one()
        if not self.letter_attachment_id:
            self.letter_attachment_id = self._attach_report(
                LETTER_REPORTS["letter_attachment_id"],
                self.ids,
                self._letter_name("letter_attachment_id"),
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
            self._set_penalty_rates()
        if not self.formal_notice_attachment_id:
            self.formal_notice_attachment_id = self._attach_report(
                LETTER_REPORTS["formal_notice_attachment_id"],
                self.ids,
                self._letter_name("formal_notice_attachment_id"),
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
