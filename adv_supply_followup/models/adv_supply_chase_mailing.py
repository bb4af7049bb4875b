# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What a chase's level asks when the chase opens: the e-mail to the counterpart and the
responsible's activity."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import format_date

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
        for chase in self:
            chase.date_reference_text = (
                format_date(self.env, chase.date_reference) if chase.date_reference else ""
            )
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
            chases = to_mail.filtered(lambda c, t=template: c.level_id.mail_template_id == t)
            # Mass mail renders and queues the e-mails in batches (the buyer in copy, linked to
            # the chase); one composer per language so each partner reads their own. Queued,
            # never sent here: they are committed with their chases, then the mail queue sends
            # them and commits after each one. Sent inside the batch's transaction, a crash
            # after some were delivered would roll their chases back and the next run would
            # send them again (tests/test_cron_crash.py).
            by_lang = {}
            for chase in chases:
                by_lang.setdefault(chase.partner_id.lang or "en_US", []).append(chase.id)
            for lang, ids in by_lang.items():
                # The batch's e-mails in one round (see wizards/mail_compose_message.py).
                composer = self.env["mail.compose.message"].with_context(
                    lang=lang, adv_mail_batch_size=len(ids)
                )
                composer.create(
                    {
                        "composition_mode": "mass_mail",
                        "model": self._name,
                        "res_ids": ids,
                        "template_id": template.id,
                        "auto_delete": False,
                        "auto_delete_keep_log": True,
                        "force_send": False,
                    }
                )._action_send_mail()
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

    def _schedule_activities(self, to_call=None):
        """One activity per chase for its responsible (batch create): a call for the phone
        levels (and e-mails that could not go), a follow-up otherwise. No "assigned to you"
        e-mail per activity: My Day lists them."""
        to_call = to_call or self.browse()
        call = self.env.ref("adv_supply_followup.mail_activity_type_chase_call")
        follow = self.env.ref("adv_supply_followup.mail_activity_type_chase_followup")
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        vals_list = []
        for chase in self:
            is_call = chase.channel == "phone" or chase in to_call
            activity_type = call if is_call else follow
            summary = chase._activity_summary(is_call)
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": chase.id,
                    "activity_type_id": activity_type.id,
                    "summary": summary,
                    "user_id": chase.user_id.id or self.env.user.id,
                    "date_deadline": today + timedelta(days=0 if is_call else 2),
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
