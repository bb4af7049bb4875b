# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What a chase's level asks when the chase opens: the e-mail to the counterpart and the
responsible's activity."""

from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.tools import email_split, format_date, html_normalize

from ..tools.mail_body import compile_body, placeholders, render_body

# What the chase e-mail templates read: plain field paths, so that Odoo renders them without
# compiling the template for each e-mail (its "regex" mode), a batch of 500 in a blink.
MAIL_EXPRESSIONS = (
    "object.chase_email_from",
    "object.company_id.name",
    "object.date_reference_text",
    "object.partner_id.id",
    "object.partner_id.lang",
    "object.picking_id.carrier_tracking_ref",
    "object.purchase_id.name",
    "object.user_id.email",
)


class AdvSupplyChase(models.Model):
    _inherit = "adv.supply.chase"  # pylint: disable=consider-merging-classes-inherited

    date_reference_text = fields.Char(
        compute="_compute_mail_texts", help="The expected date, in the reader's language."
    )
    chase_email_from = fields.Char(
        compute="_compute_mail_texts",
        help="Who the chase e-mails come from: the responsible, else the sender.",
    )

    @api.depends("date_reference", "user_id.email_formatted")
    @api.depends_context("lang", "tz", "uid")
    def _compute_mail_texts(self):
        sender = self.env.user.email_formatted
        texts = {}  # a batch's chases share a few dates: each formatted once
        for chase in self:
            day = (
                fields.Datetime.context_timestamp(self, chase.date_reference).date()
                if chase.date_reference
                else False
            )
            if day not in texts:
                texts[day] = format_date(self.env, day) if day else ""
            chase.date_reference_text = texts[day]
            chase.chase_email_from = chase.user_id.email_formatted or sender

    @api.model
    def mail_allowed_qweb_expressions(self):
        return super().mail_allowed_qweb_expressions() + MAIL_EXPRESSIONS

    def _carry_out_level(self):
        """What each new chase's level asks: the e-mail to the counterpart (the buyer in copy)
        and the responsible's activity (a call, or a follow-up of the e-mail)."""
        to_mail = self.filtered(
            lambda c: c.channel == "email" and c.level_id.mail_template_id and c.partner_id.email
        )
        for template in to_mail.level_id.mail_template_id:
            to_mail.filtered(lambda c, t=template: c.level_id.mail_template_id == t)._queue_mails(
                template
            )
        if to_mail:
            self.env.ref("mail.ir_cron_mail_scheduler_action")._trigger()
        no_address = self.filtered(lambda c: c.channel == "email") - to_mail
        for chase in no_address:
            chase.message_post(
                body=self.env._(
                    "No e-mail address for %(partner)s: call instead.",
                    partner=chase.partner_id.display_name,
                )
            )
        self._schedule_activities(no_address)

    def _queue_mails(self, template):
        """Queue the e-mail of ``template`` to each of these chases' counterpart, in their
        language, the buyer in copy, logged in the chase's chatter; returns the ``mail.mail``.

        What Odoo's mass mail composer would queue, the composer's own values and checks
        included, in one ``create``. Queued, never sent here: they are committed with their
        chases, then the mail queue sends them and commits after each one. Sent inside the
        batch's transaction, a crash after some were delivered would roll their chases back
        and the next run would send them again (tests/test_cron_crash.py)."""
        composer = self.env["mail.compose.message"].create(
            {
                "composition_mode": "mass_mail",
                "model": self._name,
                "res_ids": self.ids,
                "template_id": template.id,
                "auto_delete": False,
                "auto_delete_keep_log": True,
                "force_send": False,
            }
        )
        values = None if composer.reply_to_force_new else self._mail_values(template)
        if values is None:
            # A template that needs more than plain field paths (QWeb code, attachments,
            # reports, a layout): Odoo renders it, the batch in one round (see
            # wizards/mail_compose_message.py).
            return composer.with_context(adv_mail_batch_size=len(self))._action_send_mail()[0]
        static = composer._prepare_mail_values_static()
        values = composer._process_mail_values_state(
            {res_id: dict(static, **vals) for res_id, vals in values.items()}
        )
        return self._create_mails(list(values.values()))

    def _create_mails(self, vals_list):
        """The ``mail.mail`` of ``vals_list``: their messages first, in one ``create``, then the
        e-mails on them. The records ``mail.mail.create`` would make through its messages,
        without checking each body and each default twice (once per model)."""
        Mail = self.env["mail.mail"].sudo()
        own = {name for name, field in Mail._fields.items() if not field.inherited}
        messages = (
            self.env["mail.message"]
            .sudo()
            .create([{k: v for k, v in vals.items() if k not in own} for vals in vals_list])
        )
        return Mail.create(
            [
                dict({k: v for k, v in vals.items() if k in own}, mail_message_id=message.id)
                for vals, message in zip(vals_list, messages, strict=True)
            ]
        )

    def _mail_values(self, template):
        """``{chase id: the values of its e-mail}`` rendered from ``template`` (the part of the
        composer's values that depends on each chase), or None when the template needs Odoo's
        full rendering. Each language's body is parsed once for all its chases
        (:mod:`..tools.mail_body`); the copy addresses become partners once per address."""
        if (
            template.attachment_ids
            or template.report_template_ids
            or template.email_layout_xmlid
            or template.use_default_to
            or template.scheduled_date
        ):
            return None
        values, addresses, partner_to = {}, {}, {}
        langs = template._render_lang(self.ids)
        for lang in set(langs.values()):
            ids = [res_id for res_id, res_lang in langs.items() if res_lang == lang]
            localized = template.with_context(lang=lang) if lang else template
            bodies = self.browse(ids)._render_mail_bodies(localized)
            if bodies is None:
                return None
            rendered = {
                field: localized._render_field(field, ids)
                for field in ("subject", "email_from", "email_to", "email_cc", "partner_to")
            }
            for res_id in ids:
                values[res_id] = {
                    "subject": rendered["subject"][res_id],
                    "body": bodies[res_id],
                    "body_html": bodies[res_id],
                    "email_from": rendered["email_from"][res_id],
                }
                addresses[res_id] = email_split(rendered["email_to"][res_id]) + email_split(
                    rendered["email_cc"][res_id]
                )
                partner_to[res_id] = template._parse_partner_to(rendered["partner_to"][res_id])
        recipients = self._mail_recipients(addresses, partner_to)
        companies = self._mail_get_companies(default=self.env.company)
        alias_domains = self._mail_get_alias_domains(default_company=self.env.company)
        reply_to = self._notify_get_reply_to(default=False)
        for chase in self:
            values[chase.id].update(
                res_id=chase.id,
                scheduled_date=False,
                record_company_id=companies[chase.id].id,
                record_alias_domain_id=alias_domains[chase.id].id,
                attachment_ids=[],
                headers=repr(chase._notify_by_email_get_headers()),
                recipient_ids=[Command.link(pid) for pid in recipients[chase.id]],
                reply_to=reply_to.get(chase.id) or values[chase.id]["email_from"],
            )
        return values

    def _render_mail_bodies(self, template):
        """``{chase id: body}`` of ``template`` in its context's language, or None when the body
        needs QWeb (Odoo's own condition for rendering without it)."""
        source = template.body_html
        if not source or template._has_unsafe_expression_template_qweb(source, self._name):
            return None
        parts = compile_body(html_normalize(f"<div>{source}</div>"))
        allowed = self.mail_allowed_qweb_expressions()
        if not placeholders(parts) <= set(allowed):
            return None
        chases = self.with_env(template.env)  # their values in the reader's language
        bodies = {chase.id: render_body(parts, chase) for chase in chases}
        # Local links made absolute, as Odoo does for a template's body.
        return template._render_template_postprocess(self._name, bodies)

    def _mail_recipients(self, addresses, partner_to):
        """``{chase id: partner ids}``: its ``partner_to`` partners that exist, and the partners
        of its ``addresses`` (found, else created, once per address), as the composer does."""
        company = {}  # a partner created for an address gets the company of its first chase
        for chase in self:
            for address in addresses[chase.id]:
                company.setdefault(address, {"company_id": chase.company_id.id})
        unique = list(company)
        found = self.env["res.partner"]._find_or_create_from_emails(unique, company)
        by_address = {
            address: partner.id for address, partner in zip(unique, found, strict=True) if partner
        }
        wanted = {pid for pids in partner_to.values() for pid in pids}
        existing = set(self.env["res.partner"].sudo().browse(wanted).exists().ids)
        return {
            res_id: {*(pid for pid in partner_to[res_id] if pid in existing)}
            | {by_address[a] for a in addresses[res_id] if a in by_address}
            for res_id in addresses
        }

    def _schedule_activities(self, to_call=None):
        """One activity per chase for its responsible (batch create): a call for the phone
        levels (and e-mails that could not go), a follow-up otherwise. No "assigned to you"
        e-mail per activity: My Day lists them."""
        calls = set(to_call.ids) if to_call else set()
        call = self.env.ref("adv_supply_followup.mail_activity_type_chase_call")
        follow = self.env.ref("adv_supply_followup.mail_activity_type_chase_followup")
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        # What each activity stores about its chase and responsible (its name, My Day's stake
        # and currency, not done, the responsible's time zone), known in one go here: written
        # by the INSERT, not computed for each activity then written again by an UPDATE.
        self.mapped("display_name")
        stakes = self._adv_day_stake()
        vals_list = []
        for chase in self:
            is_call = chase.channel == "phone" or chase.id in calls
            activity_type = call if is_call else follow
            summary = chase._activity_summary(is_call)
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": chase.id,
                    "activity_type_id": activity_type.id,
                    "summary": summary,
                    "user_id": (chase.user_id or self.env.user).id,
                    "user_tz": (chase.user_id or self.env.user).tz,
                    "date_deadline": today + timedelta(days=0 if is_call else 2),
                    "res_name": chase.display_name,
                    "date_done": False,
                    "adv_stake": stakes.get(chase.id, 0.0),
                    "adv_currency_id": chase.currency_id.id,
                }
            )
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            vals_list
        )

    def _activity_summary(self, is_call):
        kind = dict(self._fields["kind"]._description_selection(self.env))[self.kind]
        if self.escalation:
            return self.env._("Escalation: %(kind)s", kind=kind)
        if is_call:
            return self.env._("Call: %(kind)s", kind=kind)
        return self.env._("Follow up: %(kind)s", kind=kind)
