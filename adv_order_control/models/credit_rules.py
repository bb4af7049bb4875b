# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The credit rules, as plain Python: no ORM, no database, so every rule is testable alone.

The ORM side (``adv.credit.exposure``) gathers one :class:`CreditFacts` per order with set-based
queries; :func:`evaluate` turns the facts into a list of :class:`RuleResult`. Messages are built
by the caller's ``_()`` so they are translated in the user's language.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

PASS, WARN, APPROVAL, BLOCK = "pass", "warn", "approval", "block"
OUTCOMES = [
    (PASS, "Pass"),
    (WARN, "Warning"),
    (APPROVAL, "Needs approval"),
    (BLOCK, "Blocked"),
]
SEVERITY = {PASS: 0, WARN: 1, APPROVAL: 2, BLOCK: 3}
RULE_OUTCOMES = [(WARN, "Warning"), (APPROVAL, "Needs approval"), (BLOCK, "Blocked")]


@dataclass
class CreditFacts:
    """What the rules need to know about one order, amounts in company currency, tax included."""

    today: date
    limit: float = 0.0  # 0 = no limit, as in Odoo
    limit_active: bool = False  # the company's account_use_credit_limit
    receivables: float = 0.0
    draft_invoices: float = 0.0
    uninvoiced_orders: float = 0.0
    this_order: float = 0.0  # what the order adds to the exposure (0 once it is confirmed)
    order_total: float = 0.0  # the order's own total, recomputed from its lines
    overdue_amount: float = 0.0
    overdue_days: int = 0
    review_date: date | None = None
    hold: dict | None = None  # {"reason", "since", "user"}
    has_paid_invoice: bool = True
    insured_amount: float = 0.0
    settings: dict = field(default_factory=dict)

    @property
    def exposure(self):
        return self.receivables + self.draft_invoices + self.uninvoiced_orders

    @property
    def total(self):
        return self.exposure + self.this_order

    @property
    def excess(self):
        if not self.limit_active or self.limit <= 0:
            return 0.0
        return max(self.total - self.limit, 0.0)


@dataclass
class RuleResult:
    rule: str
    outcome: str
    message: str


@dataclass
class ReleaseTerms:
    """What a credit release was given for: the rules it lifts and the facts it saw.

    A release is a decision on one situation. It covers the results of the rules it lifted while
    the situation is not worse than when it was decided: the order within the approved amount,
    the excess and the overdue amount not above what the controller saw, no hold put after it.
    """

    rules: frozenset
    level: str  # APPROVAL: lifts "needs approval" results only; BLOCK: blocks too
    approved_amount: float
    excess: float
    overdue_amount: float
    decided_on: datetime | None = None
    expiry: date | None = None
    partner_id: int | None = None
    rounding: float = 0.01


def _still_covered(result, facts, terms):
    tolerance = terms.rounding
    if result.rule not in terms.rules:
        return False
    if result.outcome == BLOCK and terms.level != BLOCK:
        return False
    if result.rule == "over_limit":
        return facts.excess <= terms.excess + tolerance
    if result.rule in ("overdue_days", "overdue_amount"):
        return facts.overdue_amount <= terms.overdue_amount + tolerance
    if result.rule == "credit_hold":
        since = facts.hold and facts.hold.get("since")
        return bool(since and terms.decided_on and since <= terms.decided_on)
    return True


def lift(results, facts, terms, partner_id=None):
    """The results that still stop the order once the release ``terms`` are applied.

    The release holds only for the customer it was given for, until its expiry, while the order
    stays within the approved amount; then it lifts each result it still covers (see
    :class:`ReleaseTerms`). Anything else (a new reason, a worse situation) stays.
    """
    if terms is None:
        return results
    if terms.partner_id and partner_id and terms.partner_id != partner_id:
        return results
    if terms.expiry and terms.expiry < facts.today:
        return results
    if facts.order_total > terms.approved_amount + terms.rounding:
        return results
    return [
        r
        for r in results
        if r.outcome not in (APPROVAL, BLOCK) or not _still_covered(r, facts, terms)
    ]


def worst(outcomes):
    """The most severe of ``outcomes`` (``pass`` when empty)."""
    return max(outcomes, key=SEVERITY.__getitem__, default=PASS)


def evaluate(facts, messages):
    """Apply every credit rule to ``facts``; return the results that did not pass.

    ``messages`` maps a rule code to a callable ``(facts) -> str`` giving its translated message;
    ``facts.settings`` holds the company's thresholds and the outcome of each rule.
    """
    s = facts.settings
    results = []

    def add(rule, outcome):
        results.append(RuleResult(rule, outcome, messages[rule](facts)))

    if facts.hold:
        add("credit_hold", BLOCK)
    if facts.limit_active and facts.limit > 0 and facts.total > facts.limit:
        add("over_limit", s.get("over_limit", APPROVAL))
    if facts.review_date and facts.review_date < facts.today:
        add("limit_expired", s.get("limit_expired", APPROVAL))
    max_days = s.get("overdue_max_days") or 0
    if max_days and facts.overdue_days > max_days:
        add("overdue_days", s.get("overdue", APPROVAL))
    max_amount = s.get("overdue_max_amount") or 0.0
    if max_amount and facts.overdue_amount > max_amount:
        add("overdue_amount", s.get("overdue", APPROVAL))
    threshold = s.get("solvency_order_amount") or 0.0
    if (s.get("solvency_new_customer") and not facts.has_paid_invoice) or (
        threshold and facts.this_order > threshold
    ):
        add("solvency_check", s.get("solvency", APPROVAL))
    if facts.insured_amount > 0 and facts.total > facts.insured_amount:
        add("insurer_cover", s.get("insurer", WARN))
    return results
