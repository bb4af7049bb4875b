# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

DATE_KIND = [
    ("requested", "Requested"),
    ("confirmed", "Confirmed"),
    ("revised", "Revised"),
]


class AdvPurchaseLineDate(models.Model):
    """The history of a purchase line's expected date: requested at confirmation, confirmed by
    the vendor, revised by each answer or change (who, when, why). Written by the line itself,
    read-only for everyone."""

    _name = "adv.purchase.line.date"
    _description = "Purchase line date history"
    _order = "create_date desc, id desc"

    line_id = fields.Many2one(
        comodel_name="purchase.order.line",
        string="Purchase line",
        required=True,
        ondelete="cascade",
        index=True,
    )
    order_id = fields.Many2one(related="line_id.order_id", store=True, index=True)
    product_id = fields.Many2one(related="line_id.product_id")
    company_id = fields.Many2one(related="line_id.company_id", store=True)
    kind = fields.Selection(selection=DATE_KIND, required=True)
    date = fields.Datetime(required=True)
    previous_date = fields.Datetime()
    delay_days = fields.Integer(
        compute="_compute_delay_days", store=True, help="Days between this date and the previous."
    )
    reason = fields.Char()
    user_id = fields.Many2one(
        comodel_name="res.users", string="By", default=lambda self: self.env.user
    )
    chase_id = fields.Many2one(comodel_name="adv.supply.chase", index="btree_not_null")

    @api.depends("date", "previous_date")
    def _compute_delay_days(self):
        for entry in self:
            if entry.previous_date and entry.date:
                entry.delay_days = (entry.date.date() - entry.previous_date.date()).days
            else:
                entry.delay_days = 0
