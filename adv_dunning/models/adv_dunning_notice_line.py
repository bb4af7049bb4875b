# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from functools import partial

from odoo import fields, models

# The notice, the receivable and the invoice a line lists: it goes with any of them.
_listed_on = partial(fields.Many2one, required=True, ondelete="cascade", index=True)


class AdvDunningNoticeLine(models.Model):
    """One overdue instalment listed in a notice; ``new_level`` when the notice raises it."""

    _name = "adv.dunning.notice.line"
    _description = "Dunning notice line"
    _order = "date_maturity, id"

    notice_id = _listed_on(comodel_name="adv.dunning.notice")
    # set at creation, as the notice's and the receivable's (they never change): created by
    # thousands, the lines compute nothing
    company_id = fields.Many2one(comodel_name="res.company", required=True, index=True)
    state = fields.Selection(related="notice_id.state")
    move_line_id = _listed_on(comodel_name="account.move.line")
    move_id = _listed_on(comodel_name="account.move", string="Invoice")
    date_maturity = fields.Date(string="Due date")
    currency_id = fields.Many2one(comodel_name="res.currency", required=True)
    amount_residual = fields.Monetary(string="Amount due")
    days_overdue = fields.Integer()
    level_id = fields.Many2one(comodel_name="adv.dunning.level", required=True, ondelete="restrict")
    new_level = fields.Boolean(help="This notice raises the instalment to this level.")
    penalty = fields.Monetary(string="Penalties to date")
