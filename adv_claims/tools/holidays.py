# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""French public holidays and the carrier reserve deadline, without the ORM.

C. com. L133-3: the consignee must notify its reserves to the carrier "dans les trois jours, non
compris les jours fériés, qui suivent celle de cette réception". Public holidays are the eleven
days of the Code du travail (L3133-1): eight fixed dates and three that follow Easter Sunday.
"""

import datetime

FIXED_HOLIDAYS = (
    (1, 1),  # Jour de l'an
    (5, 1),  # Fête du travail
    (5, 8),  # Victoire 1945
    (7, 14),  # Fête nationale
    (8, 15),  # Assomption
    (11, 1),  # Toussaint
    (11, 11),  # Armistice
    (12, 25),  # Noël
)
# Days after Easter Sunday: Easter Monday, Ascension Thursday, Whit Monday.
EASTER_OFFSETS = (1, 39, 50)
RESERVE_DAYS = 3


def easter_sunday(year):
    """Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def french_public_holidays(year):
    """The set of French public holidays of ``year`` (metropolitan France)."""
    easter = easter_sunday(year)
    days = {datetime.date(year, month, day) for month, day in FIXED_HOLIDAYS}
    days.update(easter + datetime.timedelta(days=offset) for offset in EASTER_OFFSETS)
    return days


def add_days_without_holidays(start, count):
    """The date ``count`` days after ``start``, public holidays not counted."""
    current = start
    holidays = {}
    remaining = count
    while remaining > 0:
        current += datetime.timedelta(days=1)
        if current.year not in holidays:
            holidays[current.year] = french_public_holidays(current.year)
        if current not in holidays[current.year]:
            remaining -= 1
    return current


def reserve_deadline(delivery_date):
    """Last day to notify reserves to the carrier for goods received on ``delivery_date``."""
    return add_days_without_holidays(delivery_date, RESERVE_DAYS)
