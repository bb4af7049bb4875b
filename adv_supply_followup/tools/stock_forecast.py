# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Stock risks: the projected stock of a product day by day. Plain Python, no ORM."""

# Days of past deliveries the average daily consumption is measured on.
CONSUMPTION_DAYS = 90


def forecast_levels(on_hand, events, horizon):
    """The projected stock of one product up to ``horizon``.

    :param float on_hand: stock now
    :param dict events: ``{date: net quantity (in - out)}``
    :param date horizon: last day considered
    :return: ``(lowest, trail)``: the lowest projected level (``on_hand`` when nothing moves)
        and ``[(date, level after that day's moves)]`` for every day with moves, in date order
        (the caller finds there the first day below a threshold)
    """
    level, lowest, trail = on_hand, on_hand, []
    for day in sorted(d for d in events if d <= horizon):
        level += events[day]
        lowest = min(lowest, level)
        trail.append((day, level))
    return lowest, trail


def first_day_below(trail, threshold, default):
    """The first date of ``trail`` whose level is below ``threshold``, else ``default``."""
    return next((day for day, level in trail if level < threshold), default)
