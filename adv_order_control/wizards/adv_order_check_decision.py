# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class AdvOrderCheckDecision(models.TransientModel):
    """Release or refuse from the queue (list row, card): the reason is mandatory, so the tap
    opens this small dialog with the reason focused rather than deciding blind. The decision itself
    goes through ``adv.order.check.action_release`` / ``action_refuse``: same rights, delegations,
    escalation and reason checks as the form."""

    _name = "adv.order.check.decision"
    _description = "Credit release or refusal"

    check_ids = fields.Many2many(
        comodel_name="adv.order.check", string="Credit checks", required=True
    )
    decision = fields.Selection(
        [("release", "Release"), ("refuse", "Refuse")], required=True, default="release"
    )
    reason = fields.Text(required=True)
    expiry = fields.Date(string="Release valid until")
    summary = fields.Text(compute="_compute_summary")

    @api.depends("check_ids")
    def _compute_summary(self):
        for wizard in self:
            wizard.summary = "\n".join(
                "%s: %s" % (check.order_id.name, check.reasons or "") for check in wizard.check_ids
            )

    def action_apply(self):
        self.ensure_one()
        if self.decision == "release":
            result = self.check_ids.action_release(self.reason, self.expiry)
        else:
            result = self.check_ids.action_refuse(self.reason)
        close = {"type": "ir.actions.act_window_close"}
        if isinstance(result, dict) and result.get("tag") == "display_notification":
            result["params"]["next"] = close  # the escalation notice, then back to the queue
            return result
        return close
