# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from odoo.addons.adv_base.tools.settings import company_setting


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    adv_risk_horizon_days = company_setting(fields.Integer, "adv_risk_horizon_days")
    adv_risk_max_cover_days = company_setting(fields.Integer, "adv_risk_max_cover_days")
