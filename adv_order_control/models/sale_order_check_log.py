# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The order control's kept record: each evaluation that did not pass is stored as an
``adv.order.check`` with its facts and reasons, posted on the order, and brought to the credit
controllers when nobody is in front of the screen to read it."""

import logging

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
        self._adv_post_checks(checks, to_log)

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
            "line_ids": [
                fields.Command.create({"rule": r.rule, "outcome": r.outcome, "message": r.message})
                for r in results
            ],
        }

    def _adv_post_checks(self, checks, to_log):
        """Post each evaluation on its order; notify the controllers when nobody is watching."""
        interactive = self._adv_user_in_front()
        clean = _adv_clean_context(self.env.context)
        for check, (order, _fact, results, outcome) in zip(checks, to_log, strict=True):
            order = order.with_env(order.env(context=clean))
            blocked = outcome in (APPROVAL, BLOCK)
            order.sudo().adv_credit_state = "blocked" if blocked else "warn"
            body = self.env._(
                "Credit control: %(outcome)s.",
                outcome=dict(
                    self.env["adv.order.check"]._fields["outcome"]._description_selection(self.env)
                )[outcome],
            )
            order.message_post(
                body=body + "\n" + "\n".join(r.message for r in results),
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
        existing = self.activity_ids.filtered(
            lambda a: (
                a.activity_type_id == self.env.ref("adv_order_control.mail_activity_credit_release")
            )
        ).user_id
        for user in controllers - existing:
            self.sudo().activity_schedule(
                "adv_order_control.mail_activity_credit_release",
                user_id=user.id,
                note=check.reasons,
                summary=self.env._("Credit release: %(order)s", order=self.name),
            )

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
