# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    adv_risk_horizon_days = fields.Integer(
        related="company_id.adv_risk_horizon_days", readonly=False
    )
    adv_risk_max_cover_days = fields.Integer(
        related="company_id.adv_risk_max_cover_days", readonly=False
    )
