# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

CHECKLIST_CATEGORY = [
    ("stand", "Stand"),
    ("samples", "Transport of samples"),
    ("documentation", "Documentation"),
    ("badges", "Badges"),
    ("travel", "Travel"),
    ("other", "Other"),
]


class AdvTradeShowChecklist(models.Model):
    """A preparation task of a show. With an owner and a deadline, it is an activity of the
    owner's (so it shows in their My Day); marking it done closes the activity."""

    _name = "adv.trade.show.checklist"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Trade Show Checklist Line"
    _order = "show_id, date_deadline, sequence, id"
    _check_company_auto = True

    show_id = fields.Many2one(
        comodel_name="adv.trade.show", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="show_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Task", required=True)
    category = fields.Selection(CHECKLIST_CATEGORY, default="other", required=True)
    user_id = fields.Many2one(comodel_name="res.users", string="Owner")
    date_deadline = fields.Date(string="Deadline")
    done = fields.Boolean()

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._sync_preparation_activity()
        return lines

    def write(self, vals):
        res = super().write(vals)
        if {"user_id", "date_deadline", "done", "name"} & set(vals):
            self._sync_preparation_activity()
        return res

    def action_mark_done(self):
        self.write({"done": True})

    def _sync_preparation_activity(self):
        """One open activity per line with an owner and a deadline, kept in step with them."""
        activity_type = self.env.ref("adv_trade_show.mail_activity_show_preparation")
        for line in self:
            open_activities = line.activity_ids.filtered(
                lambda a, t=activity_type: a.activity_type_id == t
            )
            if line.done:
                open_activities.action_feedback()
                continue
            if not (line.user_id and line.date_deadline):
                open_activities.unlink()
                continue
            values = {
                "user_id": line.user_id.id,
                "date_deadline": line.date_deadline,
                "summary": line.name,
            }
            if open_activities:
                open_activities.write(values)
            else:
                line.activity_schedule(activity_type_id=activity_type.id, **values)
