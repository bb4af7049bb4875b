# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    adv_max_discount = fields.Float(
        string="Maximum discount (%)",
        help="Orders of this salesperson with a larger line discount need approval "
        "(0: no maximum).",
    )
