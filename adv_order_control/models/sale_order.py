# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import contextlib
import logging
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools.misc import clean_context

from .credit_rules import APPROVAL, BLOCK, OUTCOMES, PASS, WARN, evaluate, lift, worst

_logger = logging.getLogger(__name__)

CREDIT_STATES = [
    ("ok", "OK"),
    ("warn", "Warning"),
    ("blocked", "Blocked"),
    ("released", "Released"),
]


def _adv_tx_state(env):
    """The control's state for the running call, kept on the database cursor: out of any
    caller's reach (unlike the context) and not wiped by a flush (unlike the cursor's pre-commit
    data). Every entry is added and removed by a ``try``/``finally`` around the call it serves:

    - ``cleared``: orders ``action_confirm`` just controlled, for the write of their state;
    - ``watched``: confirmed orders whose growth is being watched (no nested double check);
    - ``stock_flow``: deliveries being validated; ``stock_logged``: orders already warned then.
    """
    state = getattr(env.cr, "_adv_order_control_state", None)
    if state is None:
        state = {"cleared": set(), "watched": set(), "stock_flow": 0, "stock_logged": set()}
        env.cr._adv_order_control_state = state
    return state


# Context keys that would shape or silence a kept record; dropped with every ``default_*`` key.
SILENCING_KEYS = {
    "tracking_disable",
    "mail_notrack",
    "mail_create_nolog",
    "mail_create_nosubscribe",
    "mail_post_autofollow",
    "mail_notify_force_send",
    "import_file",
    "active_test",
}


def _adv_clean_context(context):
    """``context`` without ``default_*`` keys and the keys that silence a log."""
    return {
        key: value for key, value in clean_context(context).items() if key not in SILENCING_KEYS
    }


class SaleOrder(models.Model):
    _inherit = "sale.order"

    # Not tracked: each change is posted with its reasons by the control (``_adv_log_checks``).
    adv_credit_state = fields.Selection(
        CREDIT_STATES,
        string="Credit",
        default="ok",
        copy=False,
        readonly=True,
        index=True,
    )
    adv_check_ids = fields.One2many("adv.order.check", "order_id", string="Credit checks")
    adv_check_count = fields.Integer(compute="_compute_adv_check_count")
    adv_last_check_id = fields.Many2one(
        "adv.order.check", string="Last credit check", compute="_compute_adv_check_count"
    )
    # The banner: limit, exposure, this order, excess, and what the rules say now.
    adv_company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    adv_credit_limit = fields.Monetary(
        compute="_compute_adv_credit", currency_field="adv_company_currency_id"
    )
    adv_exposure = fields.Monetary(
        compute="_compute_adv_credit", currency_field="adv_company_currency_id"
    )
    adv_this_order = fields.Monetary(
        compute="_compute_adv_credit", currency_field="adv_company_currency_id"
    )
    adv_excess = fields.Monetary(
        compute="_compute_adv_credit", currency_field="adv_company_currency_id"
    )
    adv_credit_outcome = fields.Selection(OUTCOMES, compute="_compute_adv_credit")
    adv_credit_message = fields.Text(compute="_compute_adv_credit")

    # ------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------

    def _compute_adv_check_count(self):
        groups = (
            self.env["adv.order.check"]
            .sudo()
            ._read_group([("order_id", "in", self.ids)], ["order_id"], ["__count", "id:max"])
        )
        data = {order.id: (count, last) for order, count, last in groups}
        for order in self:
            count, last = data.get(order.id, (0, False))
            order.adv_check_count = count
            order.adv_last_check_id = last

    @api.depends("partner_invoice_id", "amount_total", "currency_rate", "company_id", "state")
    @api.depends_context("uid")
    def _compute_adv_credit(self):
        """What the control would say if the order were confirmed now (salespeople read it)."""
        drafts = self.filtered(lambda o: o.state in ("draft", "sent") and o.partner_invoice_id)
        (self - drafts).update(
            {
                "adv_credit_limit": 0.0,
                "adv_exposure": 0.0,
                "adv_this_order": 0.0,
                "adv_excess": 0.0,
                "adv_credit_outcome": PASS,
                "adv_credit_message": False,
            }
        )
        real = drafts.filtered("id")
        facts = self.env["adv.credit.exposure"].sudo()._get_order_facts(real) if real else {}
        messages = self._adv_rule_messages()
        for order in drafts:
            fact = facts.get(order)
            if fact is None:  # new, unsaved order
                order.update(
                    {
                        "adv_credit_limit": 0.0,
                        "adv_exposure": 0.0,
                        "adv_this_order": order._adv_amount_company(),
                        "adv_excess": 0.0,
                        "adv_credit_outcome": PASS,
                        "adv_credit_message": False,
                    }
                )
                continue
            results = order._adv_apply_release(order._adv_evaluate(fact, messages), fact)
            order.update(
                {
                    "adv_credit_limit": fact.limit,
                    "adv_exposure": fact.exposure,
                    "adv_this_order": fact.this_order,
                    "adv_excess": fact.excess,
                    "adv_credit_outcome": worst(r.outcome for r in results),
                    "adv_credit_message": "\n".join(r.message for r in results) or False,
                }
            )

    def _adv_day_stake(self):
        """My Day: a held order puts its whole amount (tax included, company currency) at stake."""
        stakes = super()._adv_day_stake()
        stakes.update({order.id: order._adv_amount_company() for order in self})
        return stakes

    def _adv_amount_company(self):
        """The order's total, tax included, in company currency, recomputed from its lines."""
        self.ensure_one()
        return self._adv_trusted_totals()[self.id][1] / (self.currency_rate or 1.0)

    def _adv_trusted_totals(self):
        """``{order id: (untaxed, total)}`` in each order's currency, summed from the lines'
        own amounts (Odoo's tax computation per line, recomputed as soon as a quantity, price,
        discount or tax changes), never the order's stored totals. Nobody but the superuser
        may write a line's or an order's computed amounts (see ``sale_order_gate``)."""
        totals = {}
        for order in self:
            lines = order.order_line.filtered(lambda line: not line.display_type)
            totals[order.id] = (
                sum(lines.mapped("price_subtotal")),
                sum(lines.mapped("price_total")),
            )
        return totals

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_confirm(self):
        """Confirm the orders that pass the credit control; keep the others as quotations.

        Never raises for a credit reason, so that the block records, their log and their
        notifications are committed with the transaction, and so that in a batch the other
        orders still confirm. The caller is told: a notification on screen, and over RPC the
        returned action lists the orders that were not confirmed.
        """
        passed = self._adv_credit_control()
        refused = self - passed
        result = True
        if passed:
            with passed._adv_cleared():
                result = super(SaleOrder, passed).action_confirm()
        if refused:
            return refused._adv_refusal_action()
        return result

    def action_adv_request_release(self):
        """Ask the credit controllers for a release: one activity each, on the order."""
        for order in self:
            check = order.adv_last_check_id
            if not check or check.state != "open":
                raise UserError(
                    self.env._("%(order)s is not waiting for a credit release.", order=order.name)
                )
            order._adv_notify_controllers(check)
        return True

    def action_adv_view_checks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "adv_order_control.adv_order_check_action"
        )
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {}
        return action

    # ------------------------------------------------------------
    # BUSINESS: the control
    # ------------------------------------------------------------

    def _adv_credit_control(self):
        """Evaluate the quotations of ``self`` in order; log and notify; return those that pass.

        Takes the per-customer lock first (see ``adv.credit.lock``), then computes the exposure
        of all customers at once; each order counts the orders accepted before it in the batch.
        """
        passed, to_log = self._adv_credit_evaluate()
        self._adv_log_checks(to_log)
        return passed

    @contextlib.contextmanager
    def _adv_cleared(self):
        """While the block runs, a write of ``state = 'sale'`` on these orders (Odoo's own
        ``action_confirm``) does not control them again: they were controlled just before."""
        cleared = _adv_tx_state(self.env)["cleared"]
        ids = set(self.ids) - cleared
        cleared.update(ids)
        try:
            yield
        finally:
            cleared.difference_update(ids)

    def _adv_credit_evaluate(self):
        """The control without its log: ``(passed, to_log)``, ``to_log`` holding one
        ``(order, facts, results, outcome)`` per order that warned or was stopped.

        Writes nothing on the orders (only the lock row and the transaction's cleared ids), so
        that a refusal can still be logged through another cursor (see ``_adv_keep_refusal``).
        """
        quotations = self.filtered(lambda o: o.state != "sale")
        if not quotations:
            return self, []
        sudo_self = quotations.sudo()
        # The per-customer lock is taken by the same statement that reads the exposure.
        facts = self.env["adv.credit.exposure"].sudo()._get_order_facts(sudo_self, lock=True)
        messages = self._adv_rule_messages()
        accepted = defaultdict(float)
        passed = self - quotations
        to_log = []
        for order in sudo_self:
            fact = facts[order]
            key = (order.partner_invoice_id.commercial_partner_id.id, order.company_id.id)
            fact.uninvoiced_orders += accepted[key]
            results = order._adv_apply_release(order._adv_evaluate(fact, messages), fact)
            outcome = worst(r.outcome for r in results)
            if outcome in (PASS, WARN):
                passed |= order
                accepted[key] += fact.this_order
            if outcome != PASS:
                to_log.append((order, fact, results, outcome))
        return self.browse(passed.ids), to_log

    def _adv_keep_refusal(self, to_log):
        """Commit the block records of a refused ``write``/``create`` through a separate cursor.

        The caller raises a ``UserError`` next, which rolls its own transaction back; the block
        record, its chatter log and the controllers' activities must survive it. Only orders the
        other cursor can see and lock at once are kept: an order created in this transaction
        (an import, ``create`` with ``state='sale'``) does not exist outside it, and an order
        this transaction already changed would make the other cursor wait for us forever. For
        those, the error message is the record. Returns the ids of the orders kept.
        """
        ids = [order.id for order, *_ in to_log if order.id]
        if not ids:
            return []
        try:
            with self.env.registry.cursor() as cr:
                cr.execute("SET LOCAL lock_timeout = '5s'")
                cr.execute(
                    "SELECT id FROM sale_order WHERE id IN %s AND state != 'sale'"
                    " FOR NO KEY UPDATE SKIP LOCKED",
                    [tuple(ids)],
                )
                kept = {row[0] for row in cr.fetchall()}
                if kept:
                    # Nobody reads a refused write's outcome on a screen (import, RPC, a
                    # script): the salesperson and the controllers are notified.
                    env = self.env(cr=cr, context=dict(self.env.context, adv_not_in_front=True))
                    self.with_env(env)._adv_log_checks(
                        [
                            (order.with_env(env), fact, results, outcome)
                            for order, fact, results, outcome in to_log
                            if order.id in kept
                        ]
                    )
                    # Sent under the lock timeout: a row this transaction holds fails in 5 s
                    # rather than waiting for us forever.
                    env.flush_all()
        except Exception:
            _logger.exception("Credit control: the refusal of %s could not be kept", ids)
            return []
        missed = set(ids) - kept
        if missed:
            _logger.info("Credit control: refusal of sale.order %s not kept (new or busy)", missed)
        return sorted(kept)

    def _adv_evaluate(self, fact, messages):
        """Credit rules and conformity checks that did not pass, for this order."""
        self.ensure_one()
        conformity = [r for r in self._adv_conformity_checks() if r.outcome != PASS]
        return evaluate(fact, messages) + conformity

    def _adv_apply_release(self, results, fact):
        """The results that still stop the order once its last release is applied: a release
        lifts the reasons it was given for, for this customer, within its amount and validity
        (see :func:`credit_rules.lift`); a reason that appeared after it still stops the order."""
        self.ensure_one()
        if not results or self.adv_credit_state == "ok":
            return results  # nothing to lift, or never stopped: no release to look for
        # The last decision stands: a refusal after a release ends it.
        decision = (
            self.sudo()
            .adv_check_ids.filtered(lambda c: c.state in ("released", "refused"))
            .sorted(lambda c: (c.release_date or c.date, c.id))[-1:]
        )
        release = decision.filtered(lambda c: c.state == "released")
        if not release:
            return results
        return lift(
            results,
            fact,
            release._release_terms(),
            partner_id=self.partner_invoice_id.commercial_partner_id.id,
        )

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
        checks = Check.create(
            [
                {
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
                        fields.Command.create(
                            {"rule": r.rule, "outcome": r.outcome, "message": r.message}
                        )
                        for r in results
                    ],
                }
                for order, fact, results, outcome in to_log
            ]
        )
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
            + (reasons.get(order.id) or order.adv_last_check_id.reasons or "")
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

    @api.model
    def _adv_rule_messages(self):
        """The message of each rule, in the user's language. Add a rule: extend this dict."""

        def money(facts, amount):
            return self.env.company.currency_id.format(amount)

        return {
            "credit_hold": lambda f: self.env._(
                "Customer on credit hold since %(since)s, put by %(user)s: %(reason)s",
                since=fields.Date.to_string(f.hold["since"]),
                user=f.hold["user"],
                reason=f.hold["reason"],
            ),
            "over_limit": lambda f: self.env._(
                "Credit limit %(limit)s, exposure %(exposure)s, this order %(order)s: "
                "over by %(excess)s.",
                limit=money(f, f.limit),
                exposure=money(f, f.exposure),
                order=money(f, f.this_order),
                excess=money(f, f.excess),
            ),
            "limit_expired": lambda f: self.env._(
                "The credit limit was due for review on %(date)s.",
                date=fields.Date.to_string(f.review_date),
            ),
            "overdue_days": lambda f: self.env._(
                "An invoice is overdue by %(days)s days (limit %(max)s days); overdue: %(amount)s.",
                days=f.overdue_days,
                max=f.settings.get("overdue_max_days"),
                amount=money(f, f.overdue_amount),
            ),
            "overdue_amount": lambda f: self.env._(
                "Overdue amount %(amount)s is above %(max)s.",
                amount=money(f, f.overdue_amount),
                max=money(f, f.settings.get("overdue_max_amount")),
            ),
            "solvency_check": lambda f: self.env._(
                "Solvency check required (new customer without a paid invoice, or a large "
                "order: %(order)s).",
                order=money(f, f.this_order),
            ),
            "insurer_cover": lambda f: self.env._(
                "Exposure with this order %(total)s is above the credit-insurer cover %(cover)s.",
                total=money(f, f.total),
                cover=money(f, f.insured_amount),
            ),
        }

    @api.ondelete(at_uninstall=False)
    def _adv_unlink_except_checked(self):
        """A credit check is evidence: a quotation that has one is cancelled, not deleted."""
        if self.env.su:
            return
        checked = self.sudo().filtered("adv_check_ids")
        if checked:
            raise UserError(
                self.env._(
                    "%(orders)s went through the credit control: cancel it instead of deleting "
                    "it, so that its credit checks are kept.",
                    orders=", ".join(checked.mapped("name")),
                )
            )

    @api.model
    def _cron_adv_reevaluate_held_orders(self):
        """Daily: confirm the held orders that now pass (a payment whose re-evaluation failed,
        a limit raised, an invoice credited)."""
        groups = (
            self.env["adv.order.check"]
            .sudo()
            ._read_group([("state", "=", "open")], ["company_id"], ["partner_id:array_agg"])
        )
        for company, partner_ids in groups:
            partners = self.env["res.partner"].browse(partner_ids)
            self.sudo().with_company(company)._adv_reevaluate_held_orders(partners, company)

    @api.model
    def _adv_reevaluate_held_orders(self, partners, company):
        """Confirm the held orders of ``partners`` that now pass (e.g. after a payment)."""
        checks = (
            self.env["adv.order.check"]
            .sudo()
            .search(
                [
                    ("partner_id", "in", partners.commercial_partner_id.ids),
                    ("company_id", "=", company.id),
                    ("state", "=", "open"),
                ]
            )
        )
        orders = checks.order_id.filtered(lambda o: o.state in ("draft", "sent"))
        if not orders:
            return self.browse()
        passed = orders._adv_credit_control()
        if passed:
            # Already controlled just above: confirm without a second evaluation.
            with passed._adv_cleared():
                super(SaleOrder, passed).action_confirm()  # pylint: disable=super-method-mismatch
            for order in passed:
                order.message_post(
                    body=self.env._(
                        "Confirmed automatically: the customer's payment cleared the credit "
                        "control."
                    ),
                    partner_ids=order.user_id.partner_id.ids,
                )
            passed.activity_feedback(["adv_order_control.mail_activity_credit_release"])
        return passed

    def _adv_recheck(self, what):
        """Re-check confirmed orders downstream (delivery, invoice): raise if they would block."""
        orders = self.filtered(lambda o: o.state == "sale").sudo()
        if not orders:
            return
        facts = self.env["adv.credit.exposure"].sudo()._get_order_facts(orders)
        messages = self._adv_rule_messages()
        for order in orders:
            results = order._adv_apply_release(evaluate(facts[order], messages), facts[order])
            stopping = [r for r in results if r.outcome in (APPROVAL, BLOCK)]
            if stopping:
                raise UserError(
                    self.env._(
                        "Credit re-check before %(what)s of %(order)s:\n%(reasons)s",
                        what=what,
                        order=order.name,
                        reasons="\n".join(r.message for r in stopping),
                    )
                )
