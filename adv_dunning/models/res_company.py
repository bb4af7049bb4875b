# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    adv_dunning_policy_id = fields.Many2one(
        "adv.dunning.policy",
        string="Default dunning policy",
        help="Applies to the customers without a policy of their own.",
    )
    adv_dunning_batch_size = fields.Integer(
        string="Dunning batch size",
        default=500,
        help="Customers processed (and committed) together by the daily run.",
    )
