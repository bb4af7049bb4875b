# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Penalties against hand-computed cases (plain Python, no database)."""

from datetime import date

from odoo.addons.adv_dunning.tools.late_payment import (
    FIXED_INDEMNITY,
    applicable_rate,
    late_penalty,
)

# ECB main refinancing rate in force on 1 January / 1 July, + 10 points.
ECB = {date(2024, 7, 1): 4.25, date(2025, 1, 1): 3.15, date(2025, 7, 1): 2.15}
LEGAL = {date(2024, 7, 1): 4.92, date(2025, 1, 1): 3.71, date(2025, 7, 1): 2.76}


def default_rate(start):
    return applicable_rate(ECB[start], LEGAL[start])


def test_across_a_half_year_boundary():
    # 12 000 due 31 May 2025, paid 29 August 2025:
    # June: 30 days at 13.15 %; July and August: 31 + 29 = 60 days at 12.15 %.
    # 12 000 x 13.15 % x 30 / 365 = 129.70 ; 12 000 x 12.15 % x 60 / 365 = 239.67
    total, segments = late_penalty(12000.0, date(2025, 5, 31), date(2025, 8, 29), [], default_rate)
    assert [(s.days, s.rate) for s in segments] == [(30, 13.15), (60, 12.15)]
    assert total == 369.37


def test_partial_payments_lower_the_amount_due():
    # 10 000 due 30 September 2025; 4 000 paid 30 October, 6 000 paid 29 November:
    # 30 days on 10 000 then 30 days on 6 000, at 12.15 %: 99.86 + 59.92 = 159.78
    total, segments = late_penalty(
        10000.0,
        date(2025, 9, 30),
        date(2025, 11, 29),
        [(date(2025, 10, 30), 4000.0), (date(2025, 11, 29), 6000.0)],
        default_rate,
    )
    assert [(s.amount, s.days) for s in segments] == [(10000.0, 30), (6000.0, 30)]
    assert total == 159.78


def test_contract_rate_floored_at_three_times_the_legal_rate():
    assert applicable_rate(2.15, 2.76, contract_rate=5.0) == 8.28
    assert applicable_rate(2.15, 2.76, contract_rate=15.0) == 15.0
    assert applicable_rate(2.15, 2.76) == 12.15


def test_paid_on_time_no_penalty_and_the_indemnity_is_fixed():
    assert late_penalty(1000.0, date(2025, 9, 30), date(2025, 9, 30), [], default_rate)[0] == 0
    assert FIXED_INDEMNITY == 40.0
