# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""My Day's priority: deadline, stake and kind of a work item in one score (higher first).

    priority = kind weight
             + day points   x days late (negative when not due yet), between -cap and +cap
             + stake points x log10(1 + stake)

- *kind weight*: the activity type's *My Day weight* (``mail.activity.type``), 0 by default;
- *days late*: today minus the due date, counted between -``late_cap_days`` and
  +``late_cap_days`` (beyond two weeks late, being later adds nothing: an old follow-up does not
  bury today's decisions);
- *stake*: the activity's stake in its company's currency (``adv_stake``), on a log scale: ten
  times the amount adds ``stake_points``.

With the defaults (2 points a day, 14 days, 20 points per factor of ten), a 50 000 release due
today (weight 30) scores 30 + 0 + 94 = 124, a 2 000 show follow-up 18 days late (weight 10)
10 + 28 + 66 = 104. The three numbers are system parameters (:data:`PARAMETERS`).

The score is computed by the ORM (:func:`score`) when an activity's deadline, stake or type
changes, and by one SQL statement (:func:`score_sql`) for every open activity each night, since
the days late move with the date: both are the same formula, tested to agree.
"""

import logging
import math
from collections import namedtuple

from odoo.tools import SQL, float_round

_logger = logging.getLogger(__name__)

Params = namedtuple("Params", "day_points late_cap_days stake_points")

# System parameter: (field of Params, default).
PARAMETERS = {
    "adv_base.my_day_day_points": ("day_points", 2.0),
    "adv_base.my_day_late_cap_days": ("late_cap_days", 14.0),
    "adv_base.my_day_stake_points": ("stake_points", 20.0),
}


def read_params(env):
    """The formula's numbers from the system parameters; a missing, unreadable or negative
    value falls back to its default (and is logged), so that My Day always opens."""
    get = env["ir.config_parameter"].sudo().get_param
    values = {}
    for key, (name, default) in PARAMETERS.items():
        raw = get(key)
        try:
            value = float(raw) if raw not in (None, False, "") else default
        except ValueError:
            value = -1.0
        if value < 0:
            _logger.warning(
                "System parameter %s=%r is not a positive number: %s used", key, raw, default
            )
            value = default
        values[name] = value
    return Params(**values)


def score(weight, stake, days_late, params):
    """The priority of one work item (rounded to 0.1, as stored)."""
    cap = params.late_cap_days
    days = max(-cap, min(cap, days_late))
    value = (
        (weight or 0)
        + params.day_points * days
        + params.stake_points * math.log10(1 + max(stake or 0.0, 0.0))
    )
    return float_round(value, precision_digits=1)


def score_sql(params, today, activity="a"):
    """The same score as an SQL expression on the row ``activity`` of ``mail_activity``."""
    alias = SQL.identifier(activity)
    return SQL(
        """ROUND((
            COALESCE((SELECT t.adv_priority_weight FROM mail_activity_type t
                      WHERE t.id = %(a)s.activity_type_id), 0)
            + %(day)s * GREATEST(-%(cap)s, LEAST(%(cap)s, %(today)s::date - %(a)s.date_deadline))
            + %(stake)s * LOG(1 + GREATEST(COALESCE(%(a)s.adv_stake, 0), 0))
        )::numeric, 1)""",
        a=alias,
        day=params.day_points,
        cap=params.late_cap_days,
        today=today,
        stake=params.stake_points,
    )
