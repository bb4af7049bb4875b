# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools.credit_rules import APPROVAL, BLOCK, OUTCOMES

OBSERVED_EVENTS = [
    ("confirm", "Confirmation"),
    ("growth", "Confirmed order changed"),
    ("recheck", "Downstream re-check"),
]


class AdvOrderObservation(models.Model):
    """A decision the order control would have taken in observe mode, and did not.

    In observe mode (a company setting) the control evaluates every order as when it enforces,
    then lets it through: what it would have done (warn, ask for approval, block) is kept here,
    with the order's amount and the reasons, instead of a block record, a chatter message or
    an activity. Nobody is notified; the credit controllers read the list before enforcing.
    """

    _name = "adv.order.observation"
    _description = "Order control decision observed"
    _order = "date desc, id desc"
    _check_company_auto = True

    order_id = fields.Many2one(
        comodel_name="sale.order", required=True, index=True, ondelete="cascade", readonly=True
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Customer", required=True, index=True, readonly=True
    )
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, readonly=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(comodel_name="res.users", string="Confirmed by", readonly=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True, index=True)
    event = fields.Selection(OBSERVED_EVENTS, required=True, readonly=True)
    outcome = fields.Selection(OUTCOMES, string="Would have", required=True, readonly=True)
    would_hold = fields.Boolean(
        string="Would have held it",
        compute="_compute_would_hold",
        store=True,
        help="Needs approval or blocked: the order would have waited for a release.",
    )
    amount = fields.Monetary(string="Order amount", readonly=True, help="Tax included.")
    rules = fields.Char(readonly=True, help="Codes of the rules that fired.")
    reasons = fields.Text(readonly=True)

    @api.depends("outcome")
    def _compute_would_hold(self):
        for observation in self:
            observation.would_hold = observation.outcome in (APPROVAL, BLOCK)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._("Observed decisions are written by the order control only.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise AccessError(self.env._("An observed decision cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_kept(self):
        if not self.env.su:
            raise AccessError(self.env._("An observed decision cannot be deleted."))

    @api.model
    def _record(self, to_log, event):
        """Keep the ``(order, facts, results, outcome)`` entries of the control, in one create."""
        return self.sudo().create(
            [
                {
                    "order_id": order.id,
                    "partner_id": order.partner_invoice_id.commercial_partner_id.id,
                    "company_id": order.company_id.id,
                    "user_id": self.env.uid,
                    "event": event,
                    "outcome": outcome,
                    "amount": fact.order_total,
                    "rules": ",".join(r.rule for r in results),
                    "reasons": "\n".join(r.message for r in results),
                }
                for order, fact, results, outcome in to_log
            ]
        )
