# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The order control after the decision: held orders confirmed once they pass (a payment, a
raised limit), and confirmed orders re-checked downstream (delivery, invoice posting)."""

from odoo import api, models
from odoo.exceptions import UserError

from ..tools.credit_rules import APPROVAL, BLOCK, evaluate
from .sale_order import SaleOrder as ControlledSaleOrder


class SaleOrder(models.Model):
    _inherit = "sale.order"  # pylint: disable=consider-merging-classes-inherited

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
                super(ControlledSaleOrder, passed).action_confirm()  # pylint: disable=bad-super-call,super-method-mismatch
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
        describe = self._adv_rule_describer()
        for order in orders:
            results = order._adv_apply_release(evaluate(facts[order], describe), facts[order])
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
