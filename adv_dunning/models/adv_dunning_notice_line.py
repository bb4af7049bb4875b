# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AdvDunningNoticeLine(models.Model):
    """One overdue instalment listed in a notice; ``new_level`` when the notice raises it."""

    _name = "adv.dunning.notice.line"
    _description = "Dunning notice line"
    _order = "date_maturity, id"

    notice_id = fields.Many2one("adv.dunning.notice", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="notice_id.company_id", store=True)
    state = fields.Selection(related="notice_id.state", store=True)
    move_line_id = fields.Many2one(
        "account.move.line", required=True, ondelete="cascade", index=True
    )
    move_id = fields.Many2one(related="move_line_id.move_id", string="Invoice", store=True)
    date_maturity = fields.Date(related="move_line_id.date_maturity", string="Due date")
    currency_id = fields.Many2one("res.currency", required=True)
    amount_residual = fields.Monetary(string="Amount due")
    days_overdue = fields.Integer()
    level_id = fields.Many2one("adv.dunning.level", required=True)
    new_level = fields.Boolean(help="This notice raises the instalment to this level.")
    penalty = fields.Monetary(string="Penalties to date")
