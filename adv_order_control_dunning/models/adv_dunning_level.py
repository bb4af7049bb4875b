# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AdvDunningLevel(models.Model):
    _inherit = "adv.dunning.level"

    # The hold belongs to order control: the option exists only when both addons are installed.
    credit_hold = fields.Boolean(
        string="Put the customer on credit hold",
        help="Reaching this level puts the customer on order control's credit hold: their next "
        "orders are blocked until a credit controller lifts it.",
    )
