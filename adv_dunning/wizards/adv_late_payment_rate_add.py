# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.late_payment import applicable_rate, half_year_start

HALF_YEARS = [("1", "H1 (from 1 January)"), ("2", "H2 (from 1 July)")]


class AdvLatePaymentRateAdd(models.TransientModel):
    """Add the rates of a half-year as they are published: the ECB main refinancing rate in
    force on its first day (Banque de France) and the legal interest rate for professionals
    (arrêté in the Journal officiel). The row is created with the user's own rights: only
    ADV administrators may write the rate table."""

    _name = "adv.late.payment.rate.add"
    _description = "Add the late-payment rates of a half-year"

    year = fields.Integer(required=True, default=lambda self: self._next_start().year)
    half = fields.Selection(
        HALF_YEARS,
        string="Half-year",
        required=True,
        default=lambda self: "1" if self._next_start().month == 1 else "2",
    )
    ecb_rate = fields.Float(string="ECB refinancing rate (%)", digits=(5, 3), required=True)
    legal_rate = fields.Float(string="Legal interest rate (%)", digits=(5, 3), required=True)
    penalty_rate = fields.Float(
        string="Default penalty rate (%)", compute="_compute_penalty_rate", digits=(5, 3)
    )

    @api.depends("ecb_rate", "legal_rate")
    def _compute_penalty_rate(self):
        for wizard in self:
            wizard.penalty_rate = applicable_rate(wizard.ecb_rate, wizard.legal_rate)

    @api.model
    def _next_start(self):
        """The half-year after the last one in the table (this half-year when it is empty)."""
        last = self.env["adv.late.payment.rate"].search([], order="date_start desc", limit=1)
        if not last:
            return half_year_start(fields.Date.context_today(self))
        start = last.date_start
        return start.replace(month=7) if start.month == 1 else start.replace(start.year + 1, 1)

    def _date_start(self):
        self.ensure_one()
        return datetime.date(self.year, 1 if self.half == "1" else 7, 1)

    @api.model
    def _action_open(self, start=None):
        """The form, for the half-year starting on ``start`` (default: the next one)."""
        context = {}
        if start:
            context = {"default_year": start.year, "default_half": "1" if start.month < 7 else "2"}
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Add a half-year"),
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": context,
        }

    def action_add(self):
        """Create the half-year's row in the rate table."""
        self.ensure_one()
        Rate = self.env["adv.late.payment.rate"]
        if not 2000 <= self.year <= 2999:
            raise UserError(self.env._("Enter the year of the half-year, e.g. 2027."))
        start = self._date_start()
        if Rate.search_count([("date_start", "=", start)], limit=1):
            raise UserError(
                self.env._(
                    "The rates of %(half_year)s are already in the table: correct them there.",
                    half_year=Rate._half_year_label(start),
                )
            )
        Rate.create({"date_start": start, "ecb_rate": self.ecb_rate, "legal_rate": self.legal_rate})
        return {"type": "ir.actions.act_window_close"}
