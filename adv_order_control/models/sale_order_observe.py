# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Observe mode (a company setting): the control decides as when it enforces, keeps what it
would have done as an ``adv.order.observation`` and lets the order through, without a block
record, a chatter message, an activity or an e-mail. The decision itself is the control's own
(``_adv_credit_evaluate``, ``_adv_control_growth``, ``_adv_recheck``): observe mode only changes
what follows it, at the three places where the control would stop an order or log it."""

from odoo import models

from ..tools.credit_rules import APPROVAL, BLOCK, evaluate, worst

OBSERVE, ENFORCE = "observe", "enforce"


class SaleOrder(models.Model):
    _inherit = "sale.order"  # pylint: disable=consider-merging-classes-inherited

    def _adv_enforced(self):
        """True when the order's company enforces the control (False: it only observes)."""
        self.ensure_one()
        return self.company_id.sudo().adv_order_control_mode != OBSERVE

    def _adv_log_checks(self, to_log):
        """Observed companies: the decisions are kept as observations, nobody is told."""
        observed = [entry for entry in to_log if not entry[0]._adv_enforced()]
        if observed:
            Observation = self.env["adv.order.observation"]
            confirming = [e for e in observed if e[0].state != "sale"]
            growing = [e for e in observed if e[0].state == "sale"]
            Observation._record(confirming, "confirm")
            Observation._record(growing, "growth")
        enforced = [entry for entry in to_log if entry[0]._adv_enforced()]
        return super()._adv_log_checks(enforced)

    def _adv_recheck(self, what):
        """Observed companies: the downstream re-check keeps what it would have refused."""
        observed = self.filtered(lambda o: o.state == "sale" and not o._adv_enforced()).sudo()
        if observed:
            facts = self.env["adv.credit.exposure"].sudo()._get_order_facts(observed)
            describe = self._adv_rule_describer()
            to_log = []
            for order in observed:
                fact = facts[order]
                results = order._adv_apply_release(evaluate(fact, describe), fact)
                stopping = [r for r in results if r.outcome in (APPROVAL, BLOCK)]
                if stopping:
                    to_log.append((order, fact, stopping, worst(r.outcome for r in stopping)))
            self.env["adv.order.observation"]._record(to_log, "recheck")
        return super(SaleOrder, self - observed)._adv_recheck(what)
