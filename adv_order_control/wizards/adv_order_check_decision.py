# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools.misc import format_date

from odoo.addons.adv_base.tools.notification import notify


class AdvOrderCheckDecision(models.TransientModel):
    """Release or refuse from the queue (list row, card), the check or the order: the reason is
    mandatory, so the tap opens this small dialog with the reason focused rather than deciding
    blind. The decision itself goes through ``adv.order.check.action_release`` /
    ``action_refuse``: same rights, delegations, escalation and reason checks everywhere."""

    _name = "adv.order.check.decision"
    _description = "Credit release or refusal"

    check_ids = fields.Many2many(
        comodel_name="adv.order.check", string="Credit checks", required=True
    )
    decision = fields.Selection(
        [("release", "Release"), ("refuse", "Refuse")], required=True, default="release"
    )
    reason = fields.Text(required=True)
    expiry = fields.Date(
        string="Release valid until",
        help="The release lapses after this day (at most the company's release validity).",
    )
    summary = fields.Text(compute="_compute_summary")

    @api.model
    def default_get(self, fields_list):
        """The release's validity is shown filled in: the company's period from today."""
        values = super().default_get(fields_list)
        ids = [i for i in self.env.context.get("default_check_ids") or [] if isinstance(i, int)]
        if "expiry" in fields_list and not values.get("expiry") and ids:
            checks = self.env["adv.order.check"].browse(ids)
            values["expiry"] = min(check._default_expiry() for check in checks)
        return values

    @api.depends("check_ids")
    def _compute_summary(self):
        for wizard in self:
            wizard.summary = "\n".join(
                "%s: %s" % (check.order_id.name, check.reasons or "") for check in wizard.check_ids
            )

    def action_apply(self):
        """Decide, then say what was done (and what happens next) before closing the dialog."""
        self.ensure_one()
        checks = self.check_ids
        orders = ", ".join(checks.order_id.mapped("name"))
        if self.decision == "release":
            result = checks.action_release(self.reason, self.expiry)
            if isinstance(result, dict) and result.get("tag") == "display_notification":
                return notify(  # escalated: the notice says to whom
                    self.env,
                    result["params"]["message"],
                    title=result["params"]["title"],
                    kind="warning",
                )
            until = ", ".join(
                format_date(self.env, day) for day in sorted(set(checks.mapped("release_expiry")))
            )
            return notify(
                self.env,
                self.env._(
                    "%(orders)s released until %(until)s: the salesperson can confirm it.",
                    orders=orders,
                    until=until,
                ),
                title=self.env._("Released"),
            )
        checks.action_refuse(self.reason)
        return notify(
            self.env,
            self.env._(
                "%(orders)s refused: the salesperson is told in the order's chatter.",
                orders=orders,
            ),
            title=self.env._("Refused"),
        )
