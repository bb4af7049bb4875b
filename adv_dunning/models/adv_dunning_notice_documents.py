# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The documents of the notices: letters and formal notices to post, the invoices and the
statement of account e-mailed, all rendered at once when notices are sent."""

from odoo import fields, models
from odoo.tools.pdf import merge_pdf

from odoo.addons.adv_base.tools.report_pdf import render_many

from ..tools.late_payment import half_year_start

RENDER_BATCH = 250  # documents rendered by one wkhtmltopdf run
LETTER_REPORTS = {
    "letter_attachment_id": "adv_dunning.action_report_letter",
    "formal_notice_attachment_id": "adv_dunning.action_report_formal_notice",
}
INVOICE_REPORT = "account.account_invoices"
STATEMENT_REPORT = "adv_dunning.action_report_statement"


class AdvDunningNotice(models.Model):
    _inherit = "adv.dunning.notice"  # pylint: disable=consider-merging-classes-inherited

    def _prepare_documents(self):
        """Render the documents of these notices' channels at once: the letter and the
        formal notice of the notices whose level prints them (and the letter of those whose
        e-mail cannot reach the customer), attached where ``_channel_letter`` and
        ``_channel_formal_notice`` find them; the invoices and the statement of account of
        those that e-mail them. Each document in its customer's language; a wkhtmltopdf run
        per ``RENDER_BATCH`` documents of a kind, several at once (adv_base's
        ``render_many``), not one per notice. Returns ``{notice id: attachment ids}`` of the
        e-mails' documents, read by ``_invoice_attachments``."""
        blockers = self._email_blockers()  # the blacklist read once for all the notices
        formal = self.filtered(lambda n: n.level_id.channel_formal_notice)
        formal.filtered(lambda n: not n.penalty_rate)._set_penalty_rates()
        letters = {
            "letter_attachment_id": self.filtered(
                lambda n: n.level_id.channel_letter or (n.level_id.channel_email and blockers[n.id])
            ),
            "formal_notice_attachment_id": formal,
        }
        letters = {
            field: notices.filtered(lambda n, f=field: not n[f])
            for field, notices in letters.items()
        }
        mailed = self.filtered(
            lambda n: n.level_id.channel_email and n.level_id.attach_invoices and not blockers[n.id]
        )
        invoices = mailed.line_ids.move_id.filtered(lambda m: not m.sudo().invoice_pdf_report_id)
        requests = [(LETTER_REPORTS[field], notices.ids) for field, notices in letters.items()]
        requests += [(INVOICE_REPORT, invoices.ids), (STATEMENT_REPORT, mailed.partner_id.ids)]
        Report = self.env["ir.actions.report"].sudo()
        rendered = render_many(Report, [r for r in requests if r[1]], RENDER_BATCH)
        for field, notices in letters.items():
            self._attach_letters(field, notices, rendered)
        return mailed._attach_email_documents(invoices, rendered)

    def _attach_letters(self, field, notices, rendered):
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                [
                    notice._attachment_vals(
                        notice._letter_name(field) + ".pdf",
                        rendered[LETTER_REPORTS[field], notice.id],
                    )
                    for notice in notices
                ]
            )
        )
        for notice, attachment in zip(notices, attachments, strict=True):
            notice[field] = attachment

    def _attach_email_documents(self, invoices, rendered):
        """{notice id: attachment ids}: the rendered PDF of the notice's ``invoices`` (one
        file) and its statement of account, attached to the notice."""
        vals_list, owners = [], []
        for notice in self:
            notice = notice.with_context(lang=notice.partner_id.lang or self.env.lang)
            pdfs = [
                rendered[INVOICE_REPORT, m.id] for m in notice.line_ids.move_id if m in invoices
            ]
            name = notice.partner_id.name
            if pdfs:
                vals_list.append(
                    notice._attachment_vals(
                        notice.env._("Invoices %(customer)s", customer=name) + ".pdf",
                        merge_pdf(pdfs) if len(pdfs) > 1 else pdfs[0],
                    )
                )
                owners.append(notice)
            vals_list.append(
                notice._attachment_vals(
                    notice.env._("Statement of account %(customer)s", customer=name) + ".pdf",
                    rendered[STATEMENT_REPORT, notice.partner_id.id],
                )
            )
            owners.append(notice)
        attachments = self.env["ir.attachment"].sudo().create(vals_list)
        prepared = {}
        for notice, attachment in zip(owners, attachments, strict=True):
            prepared[notice.id] = prepared.get(notice.id, ()) + (attachment.id,)
        return prepared

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
        prepared for the notice by ``_prepare_documents``, else rendered now)."""
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
                INVOICE_REPORT,
                invoices.ids,
                self.env._("Invoices %(customer)s", customer=self.partner_id.name),
                lang,
            )
        attachments |= self._attach_report(
            STATEMENT_REPORT,
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
