# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""French late-payment penalties (C. com. L441-10, D441-5), as plain Python.

- Penalties run from the day after the due date, without any reminder, on the amount still due
  tax included: amount x annual rate x days / 365.
- The default rate is the ECB refinancing rate in force on 1 January (first half-year) or 1 July
  (second half-year) plus 10 points; a contract rate may not be below 3 x the legal interest rate
  of the half-year.
- Days are split by half-year (each at its own rate) and by the partial payments that lower the
  amount still due.
- A fixed indemnity of 40 EUR is due once per invoice paid late.
"""

from dataclasses import dataclass
from datetime import date, timedelta

FIXED_INDEMNITY = 40.0


def half_year_start(day):
    return date(day.year, 1 if day.month <= 6 else 7, 1)


def half_year_end(day):
    return date(day.year, 6, 30) if day.month <= 6 else date(day.year, 12, 31)


def applicable_rate(ecb_rate, legal_rate, contract_rate=None):
    """Annual rate (%) of a half-year: ECB + 10 points, or the contract rate floored at 3x legal."""
    if contract_rate:
        return max(contract_rate, 3 * legal_rate)
    return ecb_rate + 10.0


@dataclass
class Segment:
    start: date  # first day counted
    end: date  # last day counted
    amount: float
    rate: float
    days: int
    penalty: float


def penalty_segments(amount, due_date, until, payments, rate_for):
    """Split the late period into segments of constant amount and rate.

    :param amount: amount due at the due date, tax included
    :param due_date: the due date; penalties start the day after
    :param until: last day counted (the payment date, or the day of the computation)
    :param payments: [(date, amount paid)]: the amount due drops the day after each payment
    :param rate_for: callable(first day of a half-year) -> annual rate in %
    """
    if until <= due_date or amount <= 0:
        return []
    cuts = {until}
    day = due_date + timedelta(days=1)
    while half_year_end(day) < until:
        cuts.add(half_year_end(day))
        day = half_year_end(day) + timedelta(days=1)
    paid_by_day = {}
    for pay_date, paid in payments:
        if due_date < pay_date < until:
            cuts.add(pay_date)
        paid_by_day[pay_date] = paid_by_day.get(pay_date, 0.0) + paid
    already_paid = sum(paid for d, paid in paid_by_day.items() if d <= due_date)
    remaining = amount - already_paid
    segments, start = [], due_date + timedelta(days=1)
    for end in sorted(cuts):
        days = (end - start).days + 1
        if remaining > 0 and days > 0:
            rate = rate_for(half_year_start(end))
            segments.append(
                Segment(start, end, remaining, rate, days, remaining * rate / 100.0 * days / 365.0)
            )
        remaining -= paid_by_day.get(end, 0.0)
        start = end + timedelta(days=1)
    return segments


def late_penalty(amount, due_date, until, payments, rate_for):
    """Total penalty, rounded to the cent, and its segments."""
    segments = penalty_segments(amount, due_date, until, payments, rate_for)
    return round(sum(s.penalty for s in segments), 2), segments


# ------------------------------------------------------------------------------------------------
# What a French B2B invoice states in advance (C. com. L441-9): the penalty rate, the fixed
# indemnity and the early-payment discount terms, from the same rates as the dunning's penalties.
# ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StatedRate:
    """The penalty rate an invoice states for the half-year of its date."""

    half_year: date  # first day of the invoice date's half-year
    contract_rate: float  # the customer's contract rate (0: ECB + 10 points)
    rate: float | None = None  # annual rate in %; None: the rate table is empty
    rate_half_year: date | None = None  # the half-year whose row gave the rate

    @property
    def fallback(self):
        """The table has no row for the half-year: the latest known one is stated."""
        return self.rate is not None and self.rate_half_year != self.half_year


@dataclass(frozen=True)
class PaymentMentions:
    """The three mentions, worded in the customer's language: late-payment penalties, fixed
    recovery indemnity, early-payment discount (or its absence)."""

    penalties: str
    indemnity: str
    discount: str
    stated: StatedRate

    @property
    def texts(self):
        return [self.penalties, self.indemnity, self.discount]
