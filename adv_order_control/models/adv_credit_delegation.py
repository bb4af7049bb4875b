# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AdvCreditDelegation(models.Model):
    """Up to which excess over the credit limit a group or a user may release an order.

    The suite's approval matrix (``adv.delegation.mixin``): a user's own delegation wins over
    their groups'; among groups the highest applies. Beyond it, a release request escalates to
    the users whose delegation covers the excess.

    OCA's ``base_tier_validation`` was considered: it models review tiers on a record, but the
    release here is a decision on a blocked confirmation that must survive the refused
    transaction and be compared with an amount computed at confirmation time; the mixin keeps
    that explicit and testable.
    """

    _name = "adv.credit.delegation"
    _inherit = "adv.delegation.mixin"
    _description = "Credit release delegation"

    max_amount = fields.Monetary(string="Up to an excess of")
