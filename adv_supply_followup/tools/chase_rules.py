# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Which level a document deserves: plain Python, no ORM, so the rule is testable alone."""

# Kinds of chase. The document a kind is about: the purchase order for ``ack``, the picking for
# the others; ``other`` is opened by other addons (a claim's back-charge) on either.
CHASE_KIND = [
    ("ack", "Order not acknowledged"),
    ("due_soon", "Receipt due soon"),
    ("late_receipt", "Late receipt"),
    ("late_shipment", "Shipment not shipped"),
    ("no_pod", "No proof of delivery"),
    ("other", "Other"),
]
PICKING_KINDS = ("due_soon", "late_receipt", "late_shipment", "no_pod")

CHASE_STATE = [
    ("open", "Open"),
    ("answered", "Answered"),
    ("closed", "Closed"),
]

CLOSE_REASON = [
    ("resolved", "Resolved"),
    ("escalated", "Escalated"),
    ("cancelled", "Cancelled"),
]

CHANNEL = [
    ("email", "E-mail"),
    ("phone", "Phone call"),
    ("todo", "Internal follow-up"),
]


def deserved_level(levels, days):
    """The last of ``levels`` (``(level_id, delay_days)`` sorted by delay) whose delay is
    reached ``days`` after the document's reference date, or ``None``.

    ``due_soon`` levels have negative delays (days before the expected date): a document is due
    soon from ``delay`` days before its date until the date itself (then it is late).
    """
    best = None
    for level_id, delay in levels:
        if days >= delay:
            best = level_id
    return best
