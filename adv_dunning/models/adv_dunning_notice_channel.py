# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from markupsafe import Markup

from odoo import api, fields, models

from ..tools.litigation import litigation_file
from .adv_dunning_notice_documents import LETTER_REPORTS

# The channels of a level, in the order they run: (level's flag, method, sends a document).
CHANNELS = [
    ("channel_email", "_channel_email", True),
    ("channel_letter", "_channel_letter", True),
    ("channel_call", "_channel_call", False),
    ("channel_formal_notice", "_channel_formal_notice", True),
    ("channel_litigation", "_channel_litigation", True),
    ("notify_salesperson", "_channel_notify_sales", False),
]
# What a dunning e-mail takes from its template (Odoo's composer renders the same).
TEMPLATE_FIELDS = (
    "attachment_ids",
    "body_html",
    "email_cc",
    "email_from",
    "email_to",
    "lang",
    "partner_to",
    "reply_to",
    "report_template_ids",
    "scheduled_date",
    "subject",
)


class AdvDunningNotice(models.Model):
    """The channels of a notice's level: e-mail, letter, call, formal notice, hand-over to
    litigation, the salesperson told; a failing e-mail falls back to a letter."""

    _inherit = "adv.dunning.notice"  # pylint: disable=consider-merging-classes-inherited

    def _execute_channels(self):
        """Run the channels of the notices' levels, channel by channel in the level's order,
        each on all the notices whose level has it (a channel works on a batch of notices:
        the e-mails of a template are rendered together, the PDFs in a few wkhtmltopdf runs).
        Other addons add channels through ``_level_channels``; a failing e-mail falls back to
        a letter and an activity.

        The notices of a take-over run (``take_over``, set by an ADV administrator: the levels
        a former system reached) send nothing to the customer: no e-mail, letter or file; calls
        and notifications stay. A field of the run, not a context key: a caller cannot skip
        the documents."""
        reaching = self.filtered(lambda n: not n.run_id.take_over)
        # the PDFs of all the notices at once (see adv_dunning_notice_documents.py)
        notices = self.with_context(adv_dunning_documents=reaching._prepare_documents())
        notices._log_on_customers()
        for flag, channel, sends_document in self._level_channels():
            todo = notices.filtered(lambda n, f=flag: n.level_id[f])
            if sends_document:
                todo &= reaching
            if todo:
                getattr(todo, channel)()

    def _log_on_customers(self):
        """A line in each customer's chatter, in the language of who works on the notice,
        logged for all the notices at once (no notification)."""
        Partner = self.env["res.partner"].sudo()
        for lang, notices in self.grouped(lambda n: n._collector().lang or "en_US").items():
            bodies = {}
            for notice in notices.with_context(lang=lang):
                line = notice.env._(
                    "Dunning notice %(level)s: %(total)s overdue.",
                    level=notice.level_id.name,
                    total=notice.totals,
                )
                bodies.setdefault(notice.partner_id.id, []).append(line)
            Partner.browse(list(bodies))._message_log_batch(
                {key: Markup("<br/>").join(lines) for key, lines in bodies.items()}
            )

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
        return self._email_blockers()[self.id]

    def _email_blockers(self):
        """{notice id: why no e-mail can reach its customer, or False}, the blacklist read
        once for all the notices."""
        emails = {n.id: n.partner_id.email_normalized for n in self}
        blacklisted = set(
            self.env["mail.blacklist"]
            .sudo()
            .search([("email", "in", [e for e in emails.values() if e])])
            .mapped("email")
        )
        blockers = {}
        for notice in self:
            email = emails[notice.id]
            if not email:
                blockers[notice.id] = notice.env._("The customer has no valid e-mail address.")
            elif email in blacklisted:
                blockers[notice.id] = notice.env._(
                    "The customer's address %(email)s is blacklisted.", email=email
                )
            else:
                blockers[notice.id] = False
        return blockers

    def _email_template(self):
        self.ensure_one()
        return self.level_id.mail_template_id or self.env.ref("adv_dunning.mail_template_notice")

    def _channel_email(self):
        """E-mail from the level's template in the customer's language, with the invoices and
        the statement of account when the level says so. The e-mails of one template are
        rendered together (Odoo's composer on all their notices: the template compiled once
        per language), then posted on each notice with its own attachments."""
        blockers = self._email_blockers()
        sendable = self.browse()
        for notice in self:
            blocker = blockers[notice.id]
            if blocker:
                notice._fallback_to_letter(blocker)
            else:
                sendable |= notice
        for template, notices in sendable.grouped(lambda n: n._email_template()).items():
            notices._post_template(template)
        sendable.email_state = "sent"

    def _post_template(self, template):
        """Post ``template`` on each of these notices as an e-mail to their customer: what
        Odoo's composer posts with a template, its values rendered by the template for all
        the notices at once (compiled once per language, not once per notice)."""
        rendered = template._generate_template(
            self.ids, TEMPLATE_FIELDS, find_or_create_partners=True
        )
        subtype = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_comment")
        # the author of each sender address found once (Odoo would search it per e-mail)
        senders = list({values["email_from"] for values in rendered.values()})
        authors = dict(zip(senders, self._mail_find_partner_from_emails(senders), strict=True))
        for notice in self.with_context(mail_create_nosubscribe=True):
            values = rendered[notice.id]
            attachments = self.env["ir.attachment"].browse(values.get("attachment_ids") or [])
            attachments = attachments.copy() if attachments else attachments  # the template's own
            if notice.level_id.attach_invoices:
                attachments |= notice._invoice_attachments()
            notice.message_post(
                body=values["body_html"],
                subject=values["subject"],
                email_from=values["email_from"],
                author_id=authors[values["email_from"]].id,
                partner_ids=values.get("partner_ids") or [],
                attachment_ids=attachments.ids,
                attachments=[
                    (name, base64.b64decode(data)) for name, data in values.get("attachments", [])
                ],
                message_type="comment",
                subtype_id=subtype,
                scheduled_date=values.get("scheduled_date"),
                mail_server_id=template.mail_server_id.id,
                email_layout_xmlid=template.email_layout_xmlid,
                mail_auto_delete=template.auto_delete,
                force_email_lang=values.get("lang"),
                **({"reply_to": values["reply_to"]} if values.get("reply_to") else {}),
            )

    def _channel_letter(self):
        """The level's letter as a PDF attached to the notice, ready to print and post."""
        for notice in self:
            if not notice.letter_attachment_id:
                notice.letter_attachment_id = notice._attach_report(
                    LETTER_REPORTS["letter_attachment_id"],
                    notice.ids,
                    notice._letter_name("letter_attachment_id"),
                )
        return self.letter_attachment_id

    def _channel_call(self):
        """A call activity for the collector, with the level's call script."""
        activities = self.env["mail.activity"]
        for notice in self:
            activities |= notice.activity_schedule(
                "adv_dunning.mail_activity_type_call",
                user_id=notice._collector().id,
                summary=notice.env._("Dunning call: %(customer)s", customer=notice.partner_id.name),
                note=notice.level_id.with_context(lang=notice._collector().lang).call_script or "",
            )
        return activities

    def _channel_formal_notice(self):
        """Formal notice (mise en demeure) as a PDF quoting the penalty rate and the 40 EUR
        indemnity; an activity asks to post it by registered letter and record its number."""
        for notice in self:
            if not notice.penalty_rate:
                notice._set_penalty_rates()
            if not notice.formal_notice_attachment_id:
                notice.formal_notice_attachment_id = notice._attach_report(
                    LETTER_REPORTS["formal_notice_attachment_id"],
                    notice.ids,
                    notice._letter_name("formal_notice_attachment_id"),
                )
            notice.activity_schedule(
                "adv_dunning.mail_activity_type_registered_letter",
                user_id=notice._collector().id,
                note=notice.env._(
                    "Post the formal notice by registered letter with acknowledgement of receipt, "
                    "then record its tracking number on the notice."
                ),
            )

    def _channel_litigation(self):
        """Hand-over: the file for the litigation department or the collection agency (CSV:
        customer, open items with penalties, dunning history) attached to the notice."""
        for notice in self:
            content = litigation_file(notice)
            notice.litigation_attachment_id = notice._attach(
                notice.env._("Litigation file %(notice)s", notice=notice.name) + ".csv",
                content.encode("utf-8-sig"),
                "text/csv",
            )
            notice.activity_schedule(
                "adv_dunning.mail_activity_type_litigation",
                user_id=notice._collector().id,
                note=notice.env._(
                    "Hand the attached file over to litigation or the collection agency."
                ),
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
        for notice in self:
            recipients = notice._sales_recipients()
            if not recipients:
                continue
            # in the salesperson's language (the run is the cron's, in English)
            reader = notice.with_context(lang=recipients[0].lang or notice.env.lang)
            notice.message_post(
                body=reader.env._(
                    "Your customer %(customer)s reached the dunning level %(level)s: %(total)s "
                    "overdue. Please avoid new commitments until it is settled.",
                    customer=notice.partner_id.name,
                    level=reader.level_id.name,
                    total=reader.totals,
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
