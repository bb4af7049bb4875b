# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    adv_risk_horizon_days = fields.Integer(
        string="Stock risk horizon (days)",
        default=14,
        help="A product whose forecast falls below zero or its minimum within these days is a "
        "stock-out risk.",
    )
    adv_risk_max_cover_days = fields.Integer(
        string="Maximum days of cover",
        default=120,
        help="Stock above this many days of average consumption (last 90 days) is overstock; "
        "0 disables the rule.",
    )
