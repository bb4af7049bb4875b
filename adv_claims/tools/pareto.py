# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Pareto rows from grouped values, without the ORM."""

PARETO_CUT = 80.0


def pareto_rows(groups):
    """``groups``: ``(group, value, count)`` largest first, as ``_read_group`` returns them
    ordered by the value. Returns ``(group, value, count, cumulative %, in the first 80 %)``;
    a group is in the 80 % when the cumulative share *before* it is below 80 %."""
    total = sum(value or 0.0 for __, value, __ in groups) or 1.0
    rows, cumulative = [], 0.0
    for group, value, count in groups:
        before = cumulative
        cumulative += (value or 0.0) * 100.0 / total
        rows.append((group, value or 0.0, count, round(cumulative, 2), before < PARETO_CUT))
    return rows
