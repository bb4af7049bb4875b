# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Customer impact of late inbound goods: plain Python, no ORM.

For one product, the demands (customer deliveries not done, by due date) are served first by
the stock on hand and the *other* incoming receipts expected by their due date. What they still
lack is taken from the late receipts in the order of their expected dates: a demand is at risk
when a late receipt it needs arrives after its due date, and its likely new date is the date of
the last late receipt it needs. A demand whose shortage the late receipts do not cover at all is
short for another reason: this delay does not change it.

Reference case (DOMAIN.md): stock 0; a purchase of 100 slips from D+2 to D+10; SO1 of 60 due D+3
and SO2 of 50 due D+12: SO1 is at risk with new date D+10; SO2 is not (the goods arrive before
its due date; what it lacks beyond them is not caused by this delay).
"""

from bisect import bisect_right
from itertools import accumulate


class IncomingTimeline:
    """The quantity of receipts expected by a date, ``(date, qty)`` sorted once: the many
    analyses of one product (one per purchase order) read it by bisection, rather than sort
    and walk all the product's receipts each time."""

    def __init__(self, incoming):
        pairs = sorted(incoming, key=lambda pair: pair[0])
        self.dates = [date for date, _qty in pairs]
        self.totals = list(accumulate(qty for _date, qty in pairs))

    def by(self, day):
        """The quantity expected on or before ``day``."""
        index = bisect_right(self.dates, day)
        return self.totals[index - 1] if index else 0.0


def mts_impact(on_hand, other_incoming, late_incoming, demands, other_by=None):
    """Demands at risk because of the late receipts of one product.

    :param float on_hand: stock available now
    :param list other_incoming: ``(date, qty)`` of the receipts not analysed
    :param list late_incoming: ``(date, qty)`` of the analysed receipts (their current date)
    :param list demands: dicts with ``key``, ``date_due`` and ``qty``
    :param other_by: instead of ``other_incoming``, a function ``date -> quantity`` of the
        receipts not analysed expected by that date (see :class:`IncomingTimeline`)
    :return: ``{key: (qty_at_risk, date_new)}`` for the demands at risk
    """
    other_by = other_by or IncomingTimeline(other_incoming).by
    late = [[date, qty] for date, qty in sorted(late_incoming)]
    result = {}
    need = 0.0
    short_before = 0.0
    supply = {}  # {due date: stock on hand and other receipts by then}: once per date
    # The demands come by due date; the loop stops once the late receipts are all taken.
    for demand in sorted(demands, key=lambda d: d["date_due"]):
        need += demand["qty"]
        due = demand["date_due"]
        if due not in supply:
            supply[due] = on_hand + other_by(due)
        uncovered = max(0.0, need - supply[due])
        short = min(demand["qty"], max(0.0, uncovered - short_before))
        if short <= 0:
            continue
        if not any(entry[1] > 0 for entry in late):
            break  # the late receipts are all taken: no later demand waits for them
        short_before += short
        remaining, date_new = short, None
        for entry in late:
            if remaining <= 0:
                break
            take = min(entry[1], remaining)
            if take <= 0:
                continue
            entry[1] -= take
            remaining -= take
            date_new = entry[0]
        if date_new is not None and date_new > demand["date_due"]:
            result[demand["key"]] = (short - remaining, date_new)
    return result
