# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The credit rules, as plain Python: no ORM, no database, so every rule is testable alone.

The ORM side (``adv.credit.exposure``) gathers one :class:`CreditFacts` per order with set-based
queries; :func:`evaluate` turns the facts into a list of :class:`RuleResult`. Messages are built
by the caller's ``_()`` so they are translated in the user's language.
"""

from dataclasses import dataclass, field
from datetime import date

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
    this_order: float = 0.0
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
