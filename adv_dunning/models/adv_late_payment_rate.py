# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.late_payment import StatedRate, applicable_rate, half_year_start


class AdvLatePaymentRate(models.Model):
    """Rates of one half-year: the ECB refinancing rate in force on its first day (1 January or
    1 July) and the French legal interest rate for professionals. Dated data, not a constant:
    add a line each half-year (the short form ``adv.late.payment.rate.add``, or an import of
    the published figures: columns date_start, ecb_rate, legal_rate)."""

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

    @api.constrains("ecb_rate", "legal_rate")
    def _check_rates(self):
        """Rates are percentages as published (2.15 for 2.15 %), never negative."""
        for rate in self:
            if not (0 <= rate.ecb_rate < 100 and 0 <= rate.legal_rate < 100):
                raise ValidationError(
                    self.env._(
                        "Rates are percentages between 0 and 100, as published: 2.15 for 2.15 %."
                    )
                )

    @api.model
    def _half_year_label(self, start):
        """The half-year starting on ``start`` as its users name it: H2 2026 (S2 2026)."""
        return self.env._("H%(half)s %(year)s", half=1 if start.month <= 6 else 2, year=start.year)

    @api.model
    def _rate_table(self):
        return self.search_read(
            [("date_start", "!=", False)],
            ["date_start", "ecb_rate", "legal_rate"],
            order="date_start",
        )

    @api.model
    def _rate_function(self, contract_rate=None, fallbacks=None, table=None):
        """callable(half-year start) -> annual penalty rate in %, from this table.

        A half-year not yet in the table uses the latest known one (the run goes on; the rate
        table is to be completed). Each such half-year is noted in ``fallbacks`` when given:
        {half-year start without a row: start of the row used instead}, so that the caller
        tells the collector. ``table``: the table as read by ``_rate_table`` (read once by a
        caller that needs several contract rates)."""
        table = self._rate_table() if table is None else table

        def rate_for(start):
            known = [r for r in table if r["date_start"] <= start] or table[:1]
            if not known:
                raise ValidationError(self.env._("The late-payment rate table is empty."))
            row = known[-1]
            if row["date_start"] != start and fallbacks is not None:
                fallbacks[start] = row["date_start"]
            return applicable_rate(row["ecb_rate"], row["legal_rate"], contract_rate)

        return rate_for

    @api.model
    def _stated_rates(self, keys):
        """{(contract rate, day): StatedRate}: the penalty rate an invoice dated ``day`` states
        for a customer on ``contract rate`` (0: ECB + 10 points), through ``_rate_function``
        as the dunning's penalties, the table read once. Not a secret: read as superuser, since
        whoever prints an invoice prints its rate."""
        table = self.sudo()._rate_table()
        fallbacks, functions, stated = {}, {}, {}
        for contract_rate, day in keys:
            half = half_year_start(day)
            if not table:
                stated[contract_rate, day] = StatedRate(half, contract_rate)
                continue
            if contract_rate not in functions:
                functions[contract_rate] = self._rate_function(contract_rate, fallbacks, table)
            rate = functions[contract_rate](half)
            stated[contract_rate, day] = StatedRate(
                half, contract_rate, rate, fallbacks.get(half, half)
            )
        return stated
