# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A remedy's approval: asked of the users whose delegation covers it, given within one's own
delegation, withdrawn when the terms change or the amount grows (see ``adv_claim_remedy.py``)."""

from odoo import models
from odoo.exceptions import UserError

from odoo.addons.adv_base.tools.notification import notify

from .adv_claim_remedy import TERMS_FIELDS


class AdvClaimRemedy(models.Model):
    _inherit = "adv.claim.remedy"  # pylint: disable=consider-merging-classes-inherited

    def _approvals_withdrawn_by(self, vals):
        """The remedies of ``self`` awaiting or holding an approval that ``vals`` would no longer
        match: other terms, or an amount above what was submitted or approved."""
        pending = self.filtered(lambda r: r.state in ("to_approve", "approved"))
        if not pending or TERMS_FIELDS & set(vals):
            return pending
        if "amount" not in vals:
            return pending.browse()
        return pending.filtered(
            lambda r: (
                r.currency_id.compare_amounts(
                    vals["amount"] or 0.0,
                    r.approved_amount if r.state == "approved" else r.amount,
                )
                > 0
            )
        )

    def _withdraw_approval(self):
        """Back to draft: the new terms need a new approval."""
        self.sudo().write({"state": "draft", "approved_by_id": False, "approved_amount": 0.0})
        for remedy in self:
            remedy.claim_id.message_post(
                body=self.env._(
                    "%(remedy)s changed after its approval was requested or given: back to "
                    "draft, a new approval is needed above your delegation.",
                    remedy=remedy.name,
                )
            )

    def action_request_approval(self):
        """Above one's delegation: ask the users whose delegation covers the amount."""
        self.check_access("write")
        delegation = self.env["adv.claim.delegation"]
        for remedy in self:
            remedy._check_can_change()
            remedy._check_terms()
            approvers = delegation._approvers_for(
                remedy.company_id, remedy.amount, scope=remedy.remedy_type, exclude=self.env.user
            )
            remedy.sudo().write(
                {"state": "to_approve", "approved_by_id": False, "approved_amount": 0.0}
            )
            for approver in approvers:
                remedy.claim_id.activity_schedule(
                    "adv_claims.mail_activity_claim_remedy_approval",
                    user_id=approver.id,
                    note=remedy.name,
                )
            remedy.claim_id.message_post(
                body=self.env._(
                    "Approval requested for %(remedy)s (%(amount)s).",
                    remedy=remedy.name,
                    amount=remedy.currency_id.format(remedy.amount),
                ),
                partner_ids=approvers.partner_id.ids,
            )
        return notify(
            self.env,
            self.env._(
                "Approval requested for %(remedies)s: the approvers have an activity.",
                remedies=", ".join(self.mapped("name")),
            ),
        )

    def action_approve(self):
        """Decide, within one's own delegation: the amount approved is the current one."""
        self.check_access("write")
        for remedy in self:
            remedy._check_can_change()
            remedy._check_terms()
            remedy._check_delegation()
            remedy.sudo().write(
                {
                    "state": "approved",
                    "approved_by_id": self.env.user.id,
                    "approved_amount": remedy.amount,
                }
            )
            remedy.claim_id.message_post(
                body=self.env._(
                    "%(remedy)s approved (%(amount)s).",
                    remedy=remedy.name,
                    amount=remedy.currency_id.format(remedy.amount),
                )
            )
        return notify(
            self.env,
            self.env._(
                "%(remedies)s approved: it can now be carried out.",
                remedies=", ".join(self.mapped("name")),
            ),
        )

    def _within_approval(self):
        """Whether this remedy was approved for at least its current amount."""
        self.ensure_one()
        return (
            self.state == "approved"
            and self.currency_id.compare_amounts(self.amount, self.approved_amount) <= 0
        )

    def _check_delegation(self):
        self.ensure_one()
        delegation = self.env["adv.claim.delegation"]
        user, company, scope = self.env.user, self.company_id, self.remedy_type
        if not delegation._covers(user, company, self.amount, scope=scope):
            ___, limit = delegation._get_limit(user, company, scope=scope)
            raise UserError(
                self.env._(
                    "%(remedy)s: %(amount)s is above your delegation (%(limit)s). Request an "
                    "approval.",
                    remedy=self.name,
                    amount=self.currency_id.format(self.amount),
                    limit=self.currency_id.format(limit),
                )
            )
