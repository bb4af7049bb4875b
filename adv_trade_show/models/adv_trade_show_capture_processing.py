# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import contextlib
import logging

from dateutil.relativedelta import relativedelta
from markupsafe import Markup, escape
from psycopg2.errors import SerializationFailure

from odoo import api, models, sql_db
from odoo.exceptions import UserError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

PRIORITY_BY_TEMPERATURE = {"hot": "3", "warm": "2", "cold": "1"}
VISITOR_LOCK = "adv_trade_show.visitor"
START_OVER_ATTEMPTS = 5


class AdvTradeShowCapture(models.Model):
    """Processing: check the capture, then create or link the show's lead, record the consent
    evidence, schedule the follow-up and thank the visitor."""

    _inherit = "adv.trade.show.capture"  # pylint: disable=consider-merging-classes-inherited

    def _missing_information(self):
        """Labels of what this capture lacks to be processed (empty: processable)."""
        self.ensure_one()
        missing = []
        if not self.show_id:
            missing.append(self.env._("the show"))
        if not (self.name or "").strip():
            missing.append(self.env._("the visitor's name"))
        if not self.email and not self.phone:
            missing.append(self.env._("an e-mail or a phone number"))
        if self.email and not self.email_normalized:
            missing.append(self.env._("a valid e-mail (%(email)s is not one)", email=self.email))
        if self.phone and not self.phone_e164:
            missing.append(
                self.env._(
                    "a valid phone number with its country (%(phone)s is not one)",
                    phone=self.phone,
                )
            )
        if not self.informed:
            missing.append(self.env._("the privacy notice given to the visitor"))
        return missing

    def _check_processable(self):
        problems = []
        for capture in self:
            if capture.state != "draft":
                problems.append(
                    self.env._(
                        "%(visitor)s: already processed.", visitor=capture.name or capture.id
                    )
                )
                continue
            missing = capture._missing_information()
            if missing:
                problems.append(
                    self.env._(
                        "%(visitor)s: missing %(missing)s.",
                        visitor=capture.name or self.env._("New visitor"),
                        missing=", ".join(missing),
                    )
                )
        if problems:
            raise UserError(
                self.env._(
                    "The capture is saved as a draft but cannot be processed yet:\n%(problems)s",
                    problems="\n".join(problems),
                )
            )

    def _processed_message(self):
        """What the booth staff reads once the capture is processed: the lead, and whether the
        visitor was thanked by e-mail."""
        self.ensure_one()
        if self.matched_by == "new":
            done = self.env._("New visitor: lead created.")
        else:
            done = self.env._(
                "Known visitor (matched by %(key)s): linked to %(lead)s.",
                key=dict(self._fields["matched_by"]._description_selection(self.env))[
                    self.matched_by
                ],
                lead=self.lead_id.display_name,
            )
        return f"{done} {self._thanks_outcome()[1]}"

    # ------------------------------------------------------------------
    # The visitor's lock, taken first
    # ------------------------------------------------------------------

    def _visitor_keys(self):
        """[(company, keys)]: the visitors' matching keys (normalised e-mail, E.164 phone) of
        these captures, per company."""
        return [
            (
                company,
                [
                    key
                    for capture in self.filtered(lambda c, company=company: c.company_id == company)
                    for key in (capture.email_normalized, capture.phone_e164)
                    if key
                ],
            )
            for company in self.company_id.sorted("id")
        ]

    @api.model
    def _lock_visitors(self, visitor_keys, wait=True):
        """adv_base's lock on ``visitor_keys`` (see ``_visitor_keys``); ``wait=False``: False
        when another transaction holds one of them."""
        Lock = self.env["adv.lock"]
        return all(
            Lock._acquire(VISITOR_LOCK, keys, company, wait=wait) for company, keys in visitor_keys
        )

    def _transaction_is_untouched(self):
        """Whether this transaction has changed nothing yet (no write, no pending hook): it may
        then be rolled back and started over at no cost, as Odoo's retry would do."""
        self.env.flush_all()
        cr = self.env.cr
        hooks = (cr.precommit, cr.postcommit)
        if not isinstance(cr, sql_db.Cursor) or any(h._funcs or h.data for h in hooks):
            return False  # a test cursor, or a caller's pending work
        cr.execute(SQL("SELECT pg_current_xact_id_if_assigned() IS NULL"))
        return cr.fetchone()[0]

    def _start_over(self):
        """End this transaction (it changed nothing): the next query starts a new one, on a
        snapshot that sees what the other transactions have committed."""
        self.env.cr.rollback()
        self.env.invalidate_all(flush=False)

    def _lock_visitors_first(self, visitor_keys=None):
        """Take the visitors' lock (of these captures, or ``visitor_keys``) before anything is
        read for the processing.

        Under REPEATABLE READ a transaction that had to wait for another phone processing the
        same visitor still sees the data of before, so adv_base's lock fails it and Odoo retries
        the whole request after a random pause of up to 2 s (then 4 s, ...). When this
        transaction has changed nothing yet (an RPC ``action_process`` on saved drafts), it
        waits for the other phone, rolls back and starts over at once on a fresh snapshot,
        holding the lock: no failure, no pause. Otherwise, adv_base's usual wait-and-retry."""
        if visitor_keys is None:
            visitor_keys = self._visitor_keys()
        if self._transaction_is_untouched():
            for _attempt in range(START_OVER_ATTEMPTS):
                # A serialization failure: the other phone committed after our snapshot.
                with contextlib.suppress(SerializationFailure):
                    if self._lock_visitors(visitor_keys, wait=False):
                        return  # held, on a snapshot taken when no one else held it
                _logger.info("Visitor busy on another phone: waiting, then starting over")
                self._start_over()
                # Wait until the other phone has committed (then this touch fails: expected).
                with contextlib.suppress(SerializationFailure):
                    self._lock_visitors(visitor_keys)
                self._start_over()  # let go, to take the lock again on a fresh snapshot
        self._lock_visitors(visitor_keys)

    # ------------------------------------------------------------------
    # Processing
    # ------------------------------------------------------------------

    def _process(self):
        """Match, then create or link the lead, the consent evidence, the follow-up, the e-mail.

        Runs under adv_base's lock per matching key (normalised e-mail, E.164 phone), taken by
        ``action_process`` before anything is read (:meth:`_lock_visitors_first`): two phones
        processing the same visitor at once produce one lead, never two (the second waits,
        then matches on a fresh snapshot where it sees the first one's lead).
        """
        self.ensure_one()
        partner, lead, matched_by = self._find_match()
        # The salesperson hears of the new lead through its follow-up activity: one e-mail,
        # not a second one for the assignment; the booth staff member does not follow it.
        Lead = (
            self.env["crm.lead"]
            .sudo()
            .with_context(mail_auto_subscribe_no_notify=True, mail_create_nosubscribe=True)
        )
        values = {"matched_by": matched_by, "state": "done", "partner_id": partner.id}
        if lead and lead.adv_show_id == self.show_id:
            # The same visitor seen twice at this show: one lead, the new capture linked to it
            # (an internal note, logged: no follower is notified of it).
            lead._message_log(
                body=self.env._(
                    "Visitor captured again at the booth by %(user)s.", user=self.user_id.name
                )
            )
        else:
            lead = Lead.create(self._prepare_lead_values(partner or lead.partner_id))
            values["notify_activity_id"] = self._schedule_follow_up(lead).id
        values["lead_id"] = lead.id
        values["partner_id"] = (partner or lead.partner_id).id
        if matched_by == "new":
            values["suggested_partner_id"] = self._suggest_partner().id
        # Set by the processing itself, which the lead, the consent evidence and the
        # notification on the phone report: no tracking message on the capture.
        self.sudo().with_context(tracking_disable=True).write(values)
        self._record_consents()
        self._send_thanks()

    def _assign_rule(self):
        """The first assignment rule (by sequence) matching this capture, or nothing."""
        rules = (
            self.env["adv.trade.show.assign.rule"]
            .sudo()
            .search([("company_id", "=", self.company_id.id)])
        )
        return rules._find_for(self)

    def _prepare_lead_values(self, partner):
        """Hook: the values of the show's new lead for this capture."""
        show = self.show_id
        rule = self._assign_rule()
        lang = self.env["res.lang"]._lang_get(self.lang) if self.lang else False
        use_leads = self.env.user.has_group("crm.group_use_lead")
        values = {
            "type": "lead" if use_leads else "opportunity",
            "name": self.env._(
                "%(show)s: %(visitor)s", show=show.name, visitor=self.company_name or self.name
            ),
            "contact_name": self.name,
            "partner_name": self.company_name,
            "email_from": self.email,
            "phone": self.phone,
            "function": self.function,
            "country_id": self.country_id.id,
            "lang_id": lang.id if lang else False,
            "description": self._lead_description(),
            "priority": PRIORITY_BY_TEMPERATURE.get(self.temperature, "1"),
            "campaign_id": show.campaign_id.id,
            "source_id": show.source_id.id,
            "medium_id": show.medium_id.id,
            "tag_ids": show._prepare_lead_tags(),
            "user_id": (rule.user_id or show.user_id).id,
            "team_id": (rule.team_id or show.team_id).id,
            "company_id": self.company_id.id,
            "adv_show_id": show.id,
        }
        if partner:
            # The lead takes the partner's contact data (crm would otherwise write the typed
            # ones back onto the partner); different ones given at the booth go in the notes.
            values["partner_id"] = partner.id
            del values["email_from"], values["phone"]
            note = self._booth_contact_note(partner)
            if note:
                values["description"] = Markup("<br/>").join(
                    [values["description"], note] if values["description"] else [note]
                )
        return values

    def _lead_description(self):
        """The lead's notes: the visitor's need, then the products they are interested in."""
        lines = [escape(self.need or "")]
        if self.product_ids:
            lines.append(
                escape(
                    self.env._(
                        "Interested in: %(products)s",
                        products=", ".join(self.product_ids.mapped("name")),
                    )
                )
            )
        return Markup("<br/>").join(line for line in lines if line)

    def _booth_contact_note(self, partner):
        """The e-mail and phone given at the booth that ``partner`` does not have (escaped),
        or an empty string."""
        given = [
            value
            for value, known in (
                (self.email, partner.email_normalized == self.email_normalized),
                (
                    self.phone,
                    self.phone_e164 in (partner.adv_phone_e164, partner.adv_mobile_e164),
                ),
            )
            if value and not known
        ]
        if not given:
            return ""
        return escape(self.env._("Given at the booth: %(contact)s", contact=", ".join(given)))

    def _schedule_follow_up(self, lead):
        """The promised next step, due ``followup_days`` after the visit, for the salesperson,
        who is e-mailed about it a moment later by :meth:`_cron_notify_follow_ups` (triggered
        here): the phone does not wait for that e-mail to be rendered. Returns the activity."""
        activity_type = self.env.ref("adv_trade_show.mail_activity_show_followup")
        step = dict(self._fields["next_step"]._description_selection(self.env)).get(
            self.next_step, ""
        )
        self.env.ref("adv_trade_show.ir_cron_notify_follow_ups").sudo()._trigger()
        return lead.with_context(mail_activity_quick_update=True).activity_schedule(
            activity_type_id=activity_type.id,
            summary=step,
            note=escape(self.need or ""),
            user_id=(lead.user_id or self.show_id.user_id or self.env.user).id,
            date_deadline=self.capture_date.date() + relativedelta(days=self.show_id.followup_days),
        )

    @api.model
    def _cron_notify_follow_ups(self, limit=500):
        """Odoo's own assignment e-mail for each follow-up the captures scheduled, from the
        booth staff member who captured the visitor (as if sent at the capture), once."""
        captures = self.sudo().search([("notify_activity_id", "!=", False)], limit=limit)
        activities = captures.notify_activity_id.filtered("active")
        for user in activities.create_uid:
            activities.filtered(lambda a, user=user: a.create_uid == user).with_user(
                user
            ).sudo().action_notify()
        captures.write({"notify_activity_id": False})
        if len(captures) == limit:
            self.env.ref("adv_trade_show.ir_cron_notify_follow_ups")._trigger()
        return activities

    def _record_consents(self):
        """The evidence: follow-up on legitimate interest (visitor informed), and marketing on
        consent only when the visitor ticked it."""
        text = self.show_id.consent_text_id.with_context(lang=self.lang)
        common = {
            "capture_id": self.id,
            "show_id": self.show_id.id,
            "partner_id": self.partner_id.id,
            "lead_id": self.lead_id.id,
            "email_normalized": self.email_normalized,
            "text_version": text.name or "-",
            "lang": self.lang,
            "user_id": self.user_id.id,
            "marketing_opt_in": self.marketing_opt_in,
            "retention_date": self.retention_date,
        }
        values = [
            dict(
                common,
                purpose="follow_up",
                legal_basis="legitimate_interest",
                text_shown=text.body or "-",
            )
        ]
        if self.marketing_opt_in:
            values.append(
                dict(
                    common,
                    purpose="marketing",
                    legal_basis="consent",
                    text_shown=text.marketing_body or "-",
                )
            )
        self.env["adv.trade.show.consent"].sudo().create(values)

    def _may_send_thanks(self):
        """Only with the visitor's agreement: marketing opt-in, or documentation they asked for."""
        return bool(self.email_normalized) and (
            self.marketing_opt_in or self.next_step == "documentation"
        )

    def _thanks_outcome(self):
        """(sent, what the staff is told) of the thank-you e-mail of this capture."""
        if not self.show_id.mail_template_id:
            return False, self.env._("No thank-you e-mail: the show has no thank-you template.")
        if not self.email_normalized:
            return False, self.env._("No thank-you e-mail: no e-mail address.")
        if not self._may_send_thanks():
            return False, self.env._(
                "No thank-you e-mail: the visitor agreed to none (no marketing e-mails, no "
                "documentation asked)."
            )
        return True, self.env._("Thank-you e-mail sent to %(email)s.", email=self.email_normalized)

    def _send_thanks(self):
        """To the visitor's one normalised address, and to no one else whatever the show's
        template says (its recipients are overridden: no list, no copy, no partner). The
        capture's chatter says whether it left, and to whom (the staff is told on the phone)."""
        sent, told = self._thanks_outcome()
        self._message_log(body=told)
        if sent:
            self.show_id.mail_template_id.sudo().send_mail(
                self.id,
                email_layout_xmlid="mail.mail_notification_light",
                email_values={
                    "email_to": self.email_normalized,
                    "email_cc": False,
                    "recipient_ids": [],
                },
            )
