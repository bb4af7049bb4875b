# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    adv_dunning_policy_id = fields.Many2one(
        "adv.dunning.policy",
        string="Dunning policy",
        company_dependent=True,
        help="Empty: the company's default policy.",
    )
    adv_dunning_excluded_until = fields.Date(
        string="No dunning until",
        company_dependent=True,
        help="The customer is left out of dunning until this date included.",
    )
    adv_dunning_notice_ids = fields.One2many(
        "adv.dunning.notice", "partner_id", string="Dunning notices"
    )
