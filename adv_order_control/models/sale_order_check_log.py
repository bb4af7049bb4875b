# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The order control's kept record: each evaluation that did not pass is stored as an
``adv.order.check`` with its facts and reasons, posted on the order, and brought to the credit
controllers when nobody is in front of the screen to read it."""

import logging

from markupsafe import Markup

from odoo import api, fields, models
from odoo.http import request

from ..tools.credit_rules import APPROVAL, BLOCK
from .sale_order import _adv_clean_context

_logger = logging.getLogger(__name__)


class SaleOrder(models.Model):
    _inherit = "sale.order"  # pylint: disable=consider-merging-classes-inherited

    def _adv_log_checks(self, to_log):
        """Store the block / warning records, post them, and notify when nobody is watching."""
        if not to_log:
            return
        # A kept record: no caller's context key (default values, tracking switches) shapes it.
        # The check's own chatter starts empty: its creation is posted on the order below.
        Check = (
            self.env["adv.order.check"]
            .sudo()
            .with_context(
                _adv_clean_context(self.env.context),
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
            )
        )
        open_checks = Check.search(
            [("order_id", "in", [order.id for order, *_ in to_log]), ("state", "=", "open")]
        )
        open_checks.write({"state": "done"})  # superseded by this evaluation
        checks = Check.create([self._adv_check_vals(*entry) for entry in to_log])
        self._adv_translate_check_lines(checks, to_log)
        self._adv_post_checks(checks, to_log)

    def _adv_translate_check_lines(self, checks, to_log):
        """Write each reason of the new ``checks`` in the database's other languages: the rules
        describe the facts of the evaluation again in each (amounts and dates as that language
        writes them), so that a French user reads French reasons whoever confirmed."""
        written = self.env.lang or "en_US"
        for lang, _name in self.env["res.lang"].get_installed():
            if lang == written:
                continue
            env = self.env(context=dict(self.env.context, lang=lang), su=True)
            describe = env["sale.order"]._adv_rule_describer()
            for check, (order, fact, _results, _outcome) in zip(checks, to_log, strict=True):
                texts = {
                    r.rule: r.message for r in order.with_env(env)._adv_evaluate(fact, describe)
                }
                for line in check.line_ids.with_env(env):
                    if line.rule in texts:
                        line.message = texts[line.rule]

    @api.model
    def _adv_check_vals(self, order, fact, results, outcome):
        """The kept record of one evaluation: the facts it saw and the reason of each rule."""
        return {
            "order_id": order.id,
            "partner_id": order.partner_invoice_id.commercial_partner_id.id,
            "company_id": order.company_id.id,
            "user_id": self.env.uid,
            "outcome": outcome,
            "state": "open" if outcome in (APPROVAL, BLOCK) else "done",
            "credit_limit": fact.limit,
            "receivables": fact.receivables,
            "draft_invoices": fact.draft_invoices,
            "uninvoiced_orders": fact.uninvoiced_orders,
            "exposure": fact.exposure,
            "amount_order": fact.this_order,
            "excess": fact.excess,
            "overdue_amount": fact.overdue_amount,
            "overdue_days": fact.overdue_days,
            "overdue_since": fact.overdue_since,
            "line_ids": [
                fields.Command.create({"rule": r.rule, "outcome": r.outcome, "message": r.message})
                for r in results
            ],
        }

    def _adv_post_checks(self, checks, to_log):
        """Post each evaluation on its order; notify the controllers when nobody is watching."""
        interactive = self._adv_user_in_front()
        clean = _adv_clean_context(self.env.context)
        for check, (order, _fact, _results, outcome) in zip(checks, to_log, strict=True):
            order = order.with_env(order.env(context=clean))
            blocked = outcome in (APPROVAL, BLOCK)
            order.sudo().adv_credit_state = "blocked" if blocked else "warn"
            log_env = order._adv_log_env()
            body = log_env._(
                "Credit control: %(outcome)s.",
                outcome=dict(
                    log_env["adv.order.check"]._fields["outcome"]._description_selection(log_env)
                )[outcome],
            )
            order.message_post(
                body=body + "\n" + (check.with_context(lang=log_env.lang).reasons or ""),
                partner_ids=(order.user_id.partner_id.ids if blocked and not interactive else []),
            )
            if blocked and not interactive:
                order._adv_notify_controllers(check)
            _logger.info("Credit control %s: %s", order.name, outcome)

    def _adv_notify_controllers(self, check):
        """One 'credit release' activity on the order for each credit controller of its company."""
        self.ensure_one()
        group = self.env.ref("adv_order_control.group_credit_controller")
        controllers = group.sudo().users.filtered(
            lambda u: self.company_id in u.company_ids and not u.share
        )
        releases = self.sudo().activity_ids.filtered(
            lambda a: (
                a.activity_type_id == self.env.ref("adv_order_control.mail_activity_credit_release")
            )
        )
        existing = releases.user_id
        for activity in releases:
            if check.request_note:  # the request reaches the controllers who already had it
                activity.note = Markup("%s<p>%s</p>") % (
                    activity.note or "",
                    self._adv_request_text(check, activity.user_id),
                )
        for user in controllers - existing:
            note = check.with_env(self._adv_user_env(user)).reasons or ""
            if check.request_note:
                note += "\n" + self._adv_request_text(check, user)
            self.sudo().activity_schedule(
                "adv_order_control.mail_activity_credit_release",
                user_id=user.id,
                note=note,
                summary=self._adv_user_env(user)._("Credit release: %(order)s", order=self.name),
            )

    @api.model
    def _adv_request_text(self, check, user):
        """The salesperson's release request, as ``user`` reads it."""
        return self._adv_user_env(user)._(
            "Release requested by %(user)s: %(justification)s",
            user=check.request_user_id.name,
            justification=check.request_note,
        )

    def _adv_log_env(self):
        """The environment the control's chatter is written in: the company's language (every
        user of the company reads one log, whoever or whatever acted: a salesperson, a script,
        the cron), the acting user's when the company's partner has none."""
        self.ensure_one()
        lang = self.company_id.partner_id.lang or self.env.lang
        return self.env(context=dict(self.env.context, lang=lang))

    @api.model
    def _adv_user_env(self, user):
        """The environment of texts written for ``user`` (an activity's summary and note): in
        their language, whoever schedules it."""
        return self.env(context=dict(self.env.context, lang=user.lang or self.env.lang))

    @api.model
    def _adv_user_in_front(self):
        """True when an internal user confirms from the web client and will read the outcome;
        portal, public, superuser (sudo'ed flows such as online payment) and crons are not."""
        return bool(
            request
            and not self.env.context.get("adv_not_in_front")
            and not self.env.su
            and not self.env.user.share
            and not self.env.user._is_public()
        )

    def _adv_refusal_text(self, to_log=None):
        """Why the orders were not confirmed: from ``to_log`` when given (the evaluation at
        hand, whose block records may live in another transaction), else their last check."""
        reasons = {
            order.id: "\n".join(r.message for r in results)
            for order, _fact, results, _outcome in to_log or []
        }
        lines = [
            self.env._("%(order)s was not confirmed:", order=order.name or order.display_name)
            + "\n"
            + (reasons.get(order.id) or order.sudo().adv_last_check_id.reasons or "")
            for order in self
        ]
        return "\n\n".join(lines)

    def _adv_refusal_action(self):
        """The result of a refused confirmation: a notification, reloading the view."""
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Not confirmed: credit control"),
                "message": self._adv_refusal_text(),
                "type": "danger",
                "sticky": True,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
                "adv_refused_order_ids": self.ids,
            },
        }
