# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The confirmation gate: every way an order becomes, or grows as, a sales order.

``action_confirm`` is one path among many. A remote caller can create an order with ``state``
(or a ``default_state`` in the context), write ``state`` from any state, copy or import one, write
the stored totals the control would read, or add lines to an order already confirmed. The gate
sits where the state and the amounts change (``create`` / ``write`` of orders and lines), so that
each of those paths runs the same control (``_adv_credit_evaluate``) under the same per-customer
lock, with the same refusal and the same kept record.

- **Reaching ``sale``**: from any other state, by ``create`` or ``write``, is controlled unless
  ``action_confirm`` controlled the order just before (the cleared ids live on the cursor, out of
  any caller's reach, for the duration of Odoo's own confirmation only).
- **Growing once confirmed**: a change that raises any line of a confirmed order (a new line, a
  deleted negative line, a quantity, price, discount or packaging), or moves it to another invoiced
  customer or company, re-runs the credit rules on the result (a line lowered does not offset
  another raised); a refusal raises and saves nothing.
  Lines that Odoo's stock flows add while a delivery is validated are re-checked and logged as
  warnings only: a warehouse validation never fails on the credit control.
- **Amounts the control reads** are recomputed from the lines; the stored totals and invoiced
  quantities (which the exposure query sums) are written by Odoo's computations only.
"""

import contextlib

from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.adv_base.tools.protected_fields import refuse_protected, without_defaults_of

from ..tools.credit_rules import APPROVAL, BLOCK, PASS, WARN, evaluate, worst
from .sale_order import _adv_tx_state

# Stored computed fields the control or the exposure reads: Odoo's computations write them.
PROTECTED_ORDER_FIELDS = {
    "amount_untaxed",
    "amount_tax",
    "amount_total",
    "currency_rate",
    "adv_credit_state",
}
# What can raise a confirmed order's total or change who is invoiced.
GROWTH_ORDER_FIELDS = {
    "order_line",
    "partner_id",
    "partner_invoice_id",
    "pricelist_id",
    "currency_id",
    "fiscal_position_id",
    "company_id",
    "date_order",  # the currency rate of a foreign-currency order follows it
}


def _without_defaults_of(context, fields):
    """``context`` without the ``default_*`` keys of ``fields`` and of the state."""
    return without_defaults_of(context, {*fields, "state"})


class SaleOrder(models.Model):
    _inherit = "sale.order"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------
    # CRUD: every way to reach ``sale`` goes through the control
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        refuse_protected(self, vals_list, PROTECTED_ORDER_FIELDS)
        # ``default_state`` would fill the state of the order and, through the related field,
        # of its lines (sale_stock launches the delivery of a line created in ``sale``).
        default_state = self.env.context.get("default_state")
        # Nor may a ``default_*`` key fill what a user may not write.
        context = _without_defaults_of(self.env.context, PROTECTED_ORDER_FIELDS)
        self = self.with_env(self.env(context=context))  # noqa: PLW0642
        confirm_idx = []
        for i, vals in enumerate(vals_list):
            state = vals.get("state", default_state)
            if state == "sale":
                confirm_idx.append(i)
                state = "draft"
            if state:
                vals_list[i] = dict(vals, state=state)
        orders = super().create(vals_list)
        to_confirm = self.browse([orders[i].id for i in confirm_idx])
        if to_confirm:
            to_confirm.write({"state": "sale"})
        return orders

    def write(self, vals):
        refuse_protected(self, [vals], PROTECTED_ORDER_FIELDS)
        watch = (
            self._adv_watch_growth()
            if GROWTH_ORDER_FIELDS & set(vals)
            else contextlib.nullcontext()
        )
        with watch:
            if vals.get("state") == "sale":
                unchecked = self._adv_unchecked_confirmations()
                if unchecked:
                    other = {key: value for key, value in vals.items() if key != "state"}
                    if other:
                        # Lines, prices or addresses written with the state count in the control.
                        super().write(other)
                        vals = {"state": "sale"}
                    unchecked._adv_gate_confirmation()
            return super().write(vals)

    def _adv_unchecked_confirmations(self):
        """The orders of ``self`` that a write of ``state = 'sale'`` must control: all but those
        ``action_confirm`` controlled just before (see ``_adv_cleared``)."""
        cleared = _adv_tx_state(self.env)["cleared"]
        return self.filtered(lambda o: o.state != "sale" and o.id not in cleared)

    def _adv_gate_confirmation(self):
        """Control the orders of ``self`` on their way to ``sale``; raise if one is refused (its
        record is kept through a cursor of its own first), else log the warnings."""
        passed, to_log = self._adv_credit_evaluate()
        refused = self - passed
        if refused:
            kept = [entry for entry in to_log if entry[0] in refused]
            # The UserError rolls this transaction back: the block records, their log and
            # notifications are committed through a cursor of their own first.
            refused._adv_keep_refusal(kept)
            raise UserError(refused._adv_refusal_text(kept))
        self._adv_log_checks(to_log)

    # ------------------------------------------------------------
    # Growth of a confirmed order
    # ------------------------------------------------------------

    @contextlib.contextmanager
    def _adv_watch_growth(self):
        """Run the block; then re-run the credit rules on the confirmed orders of ``self`` that
        grew: any line raised (in company currency), or another invoiced customer or company."""
        watched = _adv_tx_state(self.env)["watched"]
        orders = self.filtered(lambda o: o.id and o.state == "sale" and o.id not in watched)
        if not orders:
            yield
            return
        orders = orders.sudo()
        before = orders._adv_growth_snapshot()
        watched.update(orders.ids)
        try:
            yield
        finally:
            watched.difference_update(orders.ids)
        orders = orders.exists().filtered(lambda o: o.state == "sale")
        after = orders._adv_growth_snapshot()
        grown = orders.filtered(lambda o: o._adv_grew(before[o.id], after[o.id]))
        if grown:
            grown.with_env(self.env)._adv_control_growth()

    def _adv_growth_snapshot(self):
        """{order id: (invoiced customer, company, {line id: total in company currency})}"""
        return {
            order.id: (
                order.partner_invoice_id.commercial_partner_id.id,
                order.company_id.id,
                {
                    line.id: line.price_total / (order.currency_rate or 1.0)
                    for line in order.order_line
                    if not line.display_type
                },
            )
            for order in self
        }

    def _adv_grew(self, before, after):
        if before[:2] != after[:2]:
            return True
        lines_before, lines_after = before[2], after[2]
        raised = sum(
            max(lines_after.get(line, 0.0) - lines_before.get(line, 0.0), 0.0)
            for line in set(lines_before) | set(lines_after)
        )
        return raised > self.company_id.currency_id.rounding

    def _adv_control_growth(self):
        """The credit rules on confirmed orders that grew; raise on a stop, log a warning.

        While a delivery is being validated (Odoo adds the delivery cost or extra delivered
        products to the order), a stop is logged as a warning: the goods have left.
        """
        state = _adv_tx_state(self.env)
        stock_flow = state["stock_flow"] > 0
        logged = state["stock_logged"] if stock_flow else set()
        sudo_self = self.sudo()
        facts = self.env["adv.credit.exposure"].sudo()._get_order_facts(sudo_self, lock=True)
        describe = self._adv_rule_describer()
        refused, to_log = [], []
        for order in sudo_self:
            fact = facts[order]
            results = order._adv_apply_release(evaluate(fact, describe), fact)
            outcome = worst(r.outcome for r in results)
            enforced = order._adv_enforced()  # observe mode: kept, never refused
            if outcome in (APPROVAL, BLOCK) and not stock_flow and enforced:
                refused.append((order, results))
            elif outcome != PASS and order.id not in logged:
                logged_as = WARN if enforced else outcome
                to_log.append((order.with_env(self.env), fact, results, logged_as))
                if stock_flow:
                    logged.add(order.id)  # Odoo adds, then prices the line: one warning
        if refused:
            raise UserError(
                "\n\n".join(
                    self.env._(
                        "%(order)s is confirmed: this change would raise what the customer owes "
                        "beyond what the credit control accepts, so nothing was saved.",
                        order=order.name,
                    )
                    + "\n"
                    + "\n".join(r.message for r in results)
                    for order, results in refused
                )
            )
        self._adv_log_checks(to_log)
