# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""My Day's stake on every activity (the extension point is on ``mail.activity.mixin``)."""

from odoo import api, fields, models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    adv_stake = fields.Monetary(
        string="Stake",
        currency_field="adv_currency_id",
        compute="_compute_adv_stake",
        store=True,
        help="What this work item puts at risk (amount to release, overdue amount, claim "
        "stake, late order value...), in the company's currency. My Day ranks the items due the "
        "same day by it.",
    )
    adv_currency_id = fields.Many2one(
        comodel_name="res.currency",
        compute="_compute_adv_stake",
        store=True,
        string="Stake Currency",
    )
    adv_source = fields.Char(
        string="Source",
        related="res_model_id.name",
        help="The kind of record the work item is about.",
    )

    @api.depends("res_model", "res_id")
    def _compute_adv_stake(self):
        by_model = {}
        for activity in self:
            by_model.setdefault(activity.res_model, []).append(activity)
        default_currency = self.env.company.currency_id
        for model_name, activities in by_model.items():
            stakes, currencies = {}, {}
            model = self.env.get(model_name) if model_name else None
            if model is not None and hasattr(model, "_adv_day_stake"):
                ids = [a.res_id for a in activities if a.res_id]
                records = model.sudo().browse(ids).exists()
                stakes = records._adv_day_stake() if records else {}
                # A stake is in its record's company currency (one read per model); a
                # contact's company only restricts who sees it: its stake is the user's company's.
                if (
                    records
                    and model_name != "res.partner"
                    and isinstance(model._fields.get("company_id"), fields.Many2one)
                ):
                    currencies = {
                        record.id: record.company_id.currency_id
                        for record in records
                        if record.company_id
                    }
            for activity in activities:
                activity.adv_stake = stakes.get(activity.res_id, 0.0)
                activity.adv_currency_id = currencies.get(activity.res_id, default_currency)
