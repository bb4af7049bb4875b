# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from functools import partial

from odoo import api, fields, models
from odoo.exceptions import UserError

# The receivable and the invoice a line lists. A sent notice is evidence: it keeps its lines
# when the invoice is reset to draft and its items are rebuilt or deleted (the line keeps a
# snapshot: invoice number, due date, amount, level, penalty).
_listed = partial(fields.Many2one, ondelete="set null", index=True)


class AdvDunningNoticeLine(models.Model):
    """One overdue instalment listed in a notice; ``new_level`` when the notice raises it."""

    _name = "adv.dunning.notice.line"
    _description = "Dunning notice line"
    _order = "date_maturity, id"
    # Created by thousands with their notice (whose creation is recorded) and never changed
    # once it is sent: no creation or change columns, whose two foreign keys PostgreSQL
    # checked per inserted line (36 ms of a batch of 5 000 lines).
    _log_access = False

    notice_id = fields.Many2one(
        comodel_name="adv.dunning.notice", required=True, ondelete="cascade", index=True
    )
    # set at creation, as the notice's and the receivable's (they never change): created by
    # thousands, the lines compute nothing
    company_id = fields.Many2one(comodel_name="res.company", required=True, index=True)
    state = fields.Selection(related="notice_id.state")
    move_line_id = _listed(comodel_name="account.move.line")
    move_id = _listed(comodel_name="account.move", string="Invoice")
    invoice_name = fields.Char(
        string="Invoice number", help="The invoice's number when the notice listed it."
    )
    date_maturity = fields.Date(string="Due date")
    currency_id = fields.Many2one(comodel_name="res.currency", required=True)
    amount_residual = fields.Monetary(string="Amount due")
    days_overdue = fields.Integer()
    level_id = fields.Many2one(comodel_name="adv.dunning.level", required=True, ondelete="restrict")
    new_level = fields.Boolean(help="This notice raises the instalment to this level.")
    penalty = fields.Monetary(string="Penalties to date")
    penalty_invoiced = fields.Monetary(
        string="Penalties invoiced",
        readonly=True,
        currency_field="company_currency_id",
        help="The part of the penalties this line put on the notice's fees invoice.",
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company currency"
    )

    def _sent_lines(self):
        return self.filtered(lambda ln: ln.notice_id.date_sent)

    def write(self, vals):
        """The lines of a sent notice are what the customer received: nobody rewrites them
        (dunning's own flows record the penalties invoiced as superuser)."""
        if not self.env.su and self._sent_lines():
            raise UserError(self.env._("The lines of a sent notice cannot be changed."))
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        notices = self.env["adv.dunning.notice"].browse(
            {vals["notice_id"] for vals in vals_list if vals.get("notice_id")}
        )
        if notices.filtered("date_sent"):
            raise UserError(self.env._("No line can be added to a sent notice."))
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        if self._sent_lines():
            raise UserError(self.env._("The lines of a sent notice cannot be deleted."))
