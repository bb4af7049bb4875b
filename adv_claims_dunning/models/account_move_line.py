# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import AccessError

DISPUTE_FIELDS = {"adv_dispute", "adv_dispute_reason", "adv_dispute_until"}


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    adv_dispute_claim_id = fields.Many2one(
        "adv.claim",
        string="Disputed by claim",
        readonly=True,
        copy=False,
        ondelete="set null",
        # partial index: deleting a claim must not scan every journal item
        index="btree_not_null",
        help="The open claim that put this receivable in dispute: the dispute is lifted when "
        "the invoice has no open claim left. Empty for a dispute set by a collector.",
    )

    def write(self, vals):
        """Only the claims' synchronisation (as superuser) says that a dispute is a claim's.

        Any other change of the dispute (a collector's, from the invoice form, a call outcome,
        an import, the expiry) makes it a manual dispute, which claims never lift; a dispute
        ended that way is set again while an open claim remains on the invoice."""
        if "adv_dispute_claim_id" in vals and not self.env.su:
            if vals["adv_dispute_claim_id"]:
                raise AccessError(
                    self.env._("Only a claim can put an invoice in dispute for a claim.")
                )
            # clearing the claim's mark by hand is a manual change like any other
            vals = {key: value for key, value in vals.items() if key != "adv_dispute_claim_id"}
        from_claims = "adv_dispute_claim_id" in vals
        if not from_claims and DISPUTE_FIELDS & set(vals):
            vals = dict(vals, adv_dispute_claim_id=False)
        res = super().write(vals)
        if not from_claims and "adv_dispute" in vals and not vals["adv_dispute"]:
            self.move_id._adv_sync_claim_disputes()
        return res
