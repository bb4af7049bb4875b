# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.late_payment import applicable_rate, half_year_start


class AdvLatePaymentRate(models.Model):
    """Rates of one half-year: the ECB refinancing rate in force on its first day (1 January or
    1 July) and the French legal interest rate for professionals. Dated data, not a constant:
    add a line each half-year."""

    _name = "adv.late.payment.rate"
    _description = "Late-payment rates of a half-year"
    _order = "date_start desc"

    date_start = fields.Date(string="Half-year starting", required=True)
    ecb_rate = fields.Float(string="ECB refinancing rate (%)", digits=(5, 3), required=True)
    legal_rate = fields.Float(string="Legal interest rate (%)", digits=(5, 3), required=True)
    penalty_rate = fields.Float(
        string="Default penalty rate (%)", compute="_compute_penalty_rate", digits=(5, 3)
    )

    _sql_constraints = [
        ("date_start_uniq", "UNIQUE(date_start)", "One line per half-year."),
    ]

    @api.depends("ecb_rate")
    def _compute_penalty_rate(self):
        for rate in self:
            rate.penalty_rate = applicable_rate(rate.ecb_rate, rate.legal_rate)

    @api.constrains("date_start")
    def _check_half_year(self):
        for rate in self:
            if rate.date_start != half_year_start(rate.date_start):
                raise ValidationError(self.env._("A half-year starts on 1 January or 1 July."))

    @api.model
    def _half_year_label(self, start):
        """The half-year starting on ``start`` as its users name it: H2 2026 (S2 2026)."""
        return self.env._("H%(half)s %(year)s", half=1 if start.month <= 6 else 2, year=start.year)

    @api.model
    def _rate_function(self, contract_rate=None, fallbacks=None):
        """callable(half-year start) -> annual penalty rate in %, from this table.

        A half-year not yet in the table uses the latest known one (the run goes on; the rate
        table is to be completed). Each such half-year is noted in ``fallbacks`` when given:
        {half-year start without a row: start of the row used instead}, so that the caller
        tells the collector."""
        table = self.search_read(
            [("date_start", "!=", False)],
            ["date_start", "ecb_rate", "legal_rate"],
            order="date_start",
        )

        def rate_for(start):
            known = [r for r in table if r["date_start"] <= start] or table[:1]
            if not known:
                raise ValidationError(self.env._("The late-payment rate table is empty."))
            row = known[-1]
            if row["date_start"] != start and fallbacks is not None:
                fallbacks[start] = row["date_start"]
            return applicable_rate(row["ecb_rate"], row["legal_rate"], contract_rate)

        return rate_for
