# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import contextlib
import logging
from collections import defaultdict
from functools import partial

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import clean_context

from odoo.addons.adv_base.tools.protected_fields import CUSTOMER_FIGURE_READERS

from ..tools.credit_rules import OUTCOMES, PASS, WARN, evaluate, lift, worst

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


# The banner's figures, computed together in the company's currency.
_banner_amount = partial(
    fields.Monetary,
    compute="_compute_adv_credit",
    currency_field="adv_company_currency_id",
    groups=CUSTOMER_FIGURE_READERS,
)


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
    adv_check_ids = fields.One2many(
        comodel_name="adv.order.check",
        inverse_name="order_id",
        string="Credit checks",
        groups=CUSTOMER_FIGURE_READERS,
    )
    adv_check_count = fields.Integer(
        compute="_compute_adv_check_count", groups=CUSTOMER_FIGURE_READERS
    )
    adv_last_check_id = fields.Many2one(
        comodel_name="adv.order.check",
        string="Last credit check",
        compute="_compute_adv_check_count",
        groups=CUSTOMER_FIGURE_READERS,
    )
    # The banner: limit, exposure, this order, excess, and what the rules say now.
    adv_company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    adv_credit_limit = _banner_amount()
    adv_exposure = _banner_amount()
    adv_this_order = _banner_amount()
    adv_excess = _banner_amount()
    adv_credit_outcome = fields.Selection(
        OUTCOMES, compute="_compute_adv_credit", groups=CUSTOMER_FIGURE_READERS
    )
    adv_credit_message = fields.Text(compute="_compute_adv_credit", groups=CUSTOMER_FIGURE_READERS)

    # ------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------

    def _compute_partner_credit_warning(self):
        """Our banner replaces Odoo's credit warning (hidden on the form). Odoo 18.0 computes it
        reading the customer's credit limit with the user's rights, which refuses the quotation
        to a salesperson without invoicing rights (fixed upstream after 18.0's release)."""
        self.partner_credit_warning = ""

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
        describe = self._adv_rule_describer()
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
            results = order._adv_decision(fact, describe)
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

    def _adv_day_decision(self, activity):
        """My Day's *Open* on a credit release: the order's waiting credit check, where the
        release and the refusal are decided (as the user: one who may not read it gets the
        order)."""
        release = self.env.ref("adv_order_control.mail_activity_credit_release")
        if activity.activity_type_id != release:
            return super()._adv_day_decision(activity)
        Check = self.env["adv.order.check"]
        if not Check.has_access("read"):
            return super()._adv_day_decision(activity)
        check = Check.search([("order_id", "=", self.id), ("state", "=", "open")], limit=1)
        if not check:
            return super()._adv_day_decision(activity)
        return {
            "type": "ir.actions.act_window",
            "res_model": "adv.order.check",
            "res_id": check.id,
            "views": [(False, "form")],
            "target": "current",
        }

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
            untaxed = total = 0.0
            for line in order.order_line:  # (a plain loop: the what-if runs it on every order)
                if not line.display_type:
                    untaxed += line.price_subtotal
                    total += line.price_total
            totals[order.id] = (untaxed, total)
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

        Takes the per-customer lock first (adv_base's ``adv.lock``), then computes the exposure
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
        describe = self._adv_rule_describer()
        accepted = defaultdict(float)
        passed = self - quotations
        to_log = []
        for order in sudo_self:
            fact = facts[order]
            key = (order.partner_invoice_id.commercial_partner_id.id, order.company_id.id)
            fact.uninvoiced_orders += accepted[key]
            results = order._adv_decision(fact, describe)
            outcome = worst(r.outcome for r in results)
            # Observe mode: the decision is kept (``_adv_log_checks``), the order goes through.
            if outcome in (PASS, WARN) or not order._adv_enforced():
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

    def _adv_decision(self, fact, describe):
        """What the control decides for this order on ``fact``: the credit rules and conformity
        checks that did not pass, once its release is applied. The confirmation, the banner and
        the what-if report (``adv.order.whatif``) all decide through here."""
        return self._adv_apply_release(self._adv_evaluate(fact, describe), fact)

    def _adv_decisions(self, facts, describe=None):
        """``{order: (fact, results)}`` of :meth:`_adv_decision` for every order of ``self``,
        on ``facts`` gathered for all of them at once (``_get_order_facts``)."""
        describe = describe or self._adv_rule_describer()
        return {
            order: (facts[order], order._adv_decision(facts[order], describe)) for order in self
        }

    def _adv_evaluate(self, fact, describe):
        """Credit rules and conformity checks that did not pass, for this order."""
        self.ensure_one()
        conformity = [r for r in self._adv_conformity_checks() if r.outcome != PASS]
        return evaluate(fact, describe) + conformity

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

    @api.model
    def _adv_rule_describer(self):
        """``describe(rule, facts)`` for :func:`credit_rules.evaluate`: each rule's message, in
        the user's language, amounts in the company's currency."""
        money = self.env.company.currency_id.format
        return lambda rule, facts: rule.message(self.env, facts, money)

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
