# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

END_OF_MONTH = (
    "days_after_end_of_month",
    "days_after_end_of_next_month",
    "days_end_of_month_on_the",
)


class AccountPaymentTerm(models.Model):
    _inherit = "account.payment.term"

    adv_lme_warning = fields.Char(
        string="Legal term warning",
        compute="_compute_adv_lme_warning",
        help="C. com. L441-10: at most 60 days from the invoice date, or 45 days end of month.",
    )

    @api.depends("line_ids.nb_days", "line_ids.delay_type")
    def _compute_adv_lme_warning(self):
        for term in self:
            too_long = any(
                (line.delay_type in END_OF_MONTH and line.nb_days > 45)
                or (line.delay_type not in END_OF_MONTH and line.nb_days > 60)
                for line in term.line_ids
            )
            term.adv_lme_warning = too_long and self.env._(
                "Beyond the French legal maximum between professionals: 60 days from the "
                "invoice date or 45 days end of month (C. com. L441-10)."
            )
