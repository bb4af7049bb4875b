# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue 15: remedy approvals cannot be forged, the claim handler role gives no accounting right.

- A remedy approved before 18.0.1.1.0 was approved for its amount then: that amount becomes its
  ``approved_amount`` (above it, a new approval or the user's own delegation).
- The Claim Handler no longer implies *Invoicing: Billing*. Odoo does not take an implied group
  away from the users who got it, so the handlers lose it here, unless another of their groups
  still implies it (an accountant keeps it). A user who had been given Billing by hand as well
  loses it too: give it back explicitly where it is needed.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    cr.execute(
        """UPDATE adv_claim_remedy SET approved_amount = amount
            WHERE state = 'approved' AND approved_amount IS NULL"""
    )
    env = api.Environment(cr, SUPERUSER_ID, {})
    billing = env.ref("account.group_account_invoice", raise_if_not_found=False)
    handler = env.ref("adv_claims.group_claim_handler", raise_if_not_found=False)
    if not billing or not handler:
        return
    losing = env["res.users"]
    for user in handler.users.filtered(lambda u: billing in u.groups_id):
        others = user.groups_id - billing
        if billing not in others.trans_implied_ids:
            losing |= user
    if losing:
        billing.write({"users": [(3, user.id) for user in losing]})
