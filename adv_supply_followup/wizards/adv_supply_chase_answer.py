# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AdvSupplyChaseAnswer(models.TransientModel):
    """The counterpart's answer, typed during the call or from their e-mail."""

    _name = "adv.supply.chase.answer"
    _description = "Record a chase answer"

    chase_id = fields.Many2one(comodel_name="adv.supply.chase", required=True)
    kind = fields.Selection(related="chase_id.kind")
    date_promised = fields.Date(string="New promised date")
    comment = fields.Text(string="What they said")

    def action_record(self):
        self.ensure_one()
        self.chase_id._record_answer(self.date_promised, self.comment)
        return {"type": "ir.actions.act_window_close"}
