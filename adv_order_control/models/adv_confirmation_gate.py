# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class AdvConfirmationGate(models.AbstractModel):
    _inherit = "adv.confirmation.gate"

    @api.model
    def _refusals(self, records):
        """Sale orders: what the credit and conformity control would say if they were confirmed
        now (same rules, lock and messages as the confirmation itself; nothing is logged)."""
        refusals = super()._refusals(records)
        if records._name != "sale.order":
            return refusals
        quotations = records.filtered(lambda o: o.state != "sale")
        if not quotations:
            return refusals
        passed, to_log = quotations._adv_credit_evaluate()
        for order, _fact, results, _outcome in to_log:
            if order not in passed:
                refusals[order.id] = "\n".join(r.message for r in results)
        return refusals

    @api.model
    def _submit(self, records):
        """Sale orders: ``action_confirm`` (which never raises for a credit reason and keeps the
        block record of a refused order); the refused ones come back with their reasons."""
        if records._name != "sale.order":
            return super()._submit(records)
        quotations = records.filtered(lambda o: o.state != "sale")
        quotations.action_confirm()
        return {
            order.id: order.sudo().adv_last_check_id.reasons or ""
            for order in quotations
            if order.state != "sale"
        }
