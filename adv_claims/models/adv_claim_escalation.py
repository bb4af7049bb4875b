# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Escalation: a critical claim, or a stake above the handler's delegation, goes to sales
management once, with a message and an activity for each manager."""

from odoo import fields, models


class AdvClaim(models.Model):
    _inherit = "adv.claim"  # pylint: disable=consider-merging-classes-inherited

    escalated = fields.Boolean(copy=False, tracking=True)
    escalation_reason = fields.Char(copy=False)

    def _get_escalation_reason(self):
        """Why this claim must go to sales management, or False."""
        self.ensure_one()
        if self.severity == "critical":
            return self.env._("critical severity")
        delegation = self.env["adv.claim.delegation"]
        if self.user_id and not delegation._covers(
            self.user_id, self.company_id, self.amount_stake
        ):
            return self.env._(
                "stake %(stake)s above the handler's delegation",
                stake=self.currency_id.format(self.amount_stake),
            )
        return False

    def _get_escalation_users(self):
        """Sales management of the claim's company: the sales managers."""
        self.ensure_one()
        managers = self.env.ref("sales_team.group_sale_manager").sudo().users
        return managers.filtered(
            lambda u: (
                not u.share
                and u.active
                and self.company_id in u.company_ids
                and u != self.user_id
                and u.id != 1
            )
        )

    def _adv_escalate_if_needed(self):
        """Escalate once, with an activity and a message to sales management."""
        for claim in self.filtered(lambda c: not c.escalated and c._adv_is_open()):
            reason = claim._get_escalation_reason()
            if not reason:
                continue
            managers = claim._get_escalation_users()
            claim.sudo().write({"escalated": True, "escalation_reason": reason})
            claim.message_post(
                body=self.env._("Claim escalated to sales management: %(reason)s.", reason=reason),
                partner_ids=managers.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
            for manager in managers:
                claim.activity_schedule(
                    "adv_claims.mail_activity_claim_escalation",
                    user_id=manager.id,
                    note=reason,
                )
