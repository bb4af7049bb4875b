# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The order control's rules, as plain Python: no ORM, no database, so every rule is testable alone.

Every rule is declared once, in :data:`RULES`: its code (stored on the check lines), its label,
the company setting that chooses its outcome, and either its predicate and message (credit rules,
applied to :class:`CreditFacts` by :func:`evaluate`) or the ``sale.order`` method that checks it
(conformity checks, see ``sale_order_conformity.py``). The ORM side (``adv.credit.exposure``)
gathers one :class:`CreditFacts` per order with set-based queries.

Add a credit rule: a :class:`Rule` in :data:`CREDIT_RULES` (and, if its outcome is a setting, a
selection field on ``res.company`` named by ``outcome_field``). Add a conformity check: a
:class:`Rule` with ``check`` in :data:`CONFORMITY_RULES` and the method on ``sale.order``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

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
    overdue_days: int = 0  # days_overdue(overdue_since, today)
    overdue_since: date | None = None  # due date of the oldest overdue item
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
    if result.rule not in terms.rules:
        return False
    if result.outcome == BLOCK and terms.level != BLOCK:
        return False
    rule = RULES.get(result.rule)
    return rule is None or rule.covered is None or rule.covered(facts, terms)


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


def days_overdue(due_date, today):
    """Days an item due on ``due_date`` is overdue on ``today``: the day after the due date is
    day 1 (``today - due_date``, as French law counts late days), 0 when not yet due or no date.

    The one count of the suite's order control: the rules, the banner on the order and the
    credit check all read it (the exposure function returns the oldest due date, not a count).
    """
    if not due_date:
        return 0
    return max((today - due_date).days, 0)


def worst(outcomes):
    """The most severe of ``outcomes`` (``pass`` when empty)."""
    return max(outcomes, key=SEVERITY.__getitem__, default=PASS)


def evaluate(facts, describe):
    """Apply every credit rule to ``facts``; return the results that did not pass.

    ``describe(rule, facts)`` gives the message of a rule that fired, in the user's language
    (the ORM side passes ``rule.message`` with its environment); ``facts.settings`` holds the
    company's thresholds and the outcome of each rule, by rule code.
    """
    return [
        RuleResult(rule.code, rule.outcome(facts.settings), describe(rule, facts))
        for rule in CREDIT_RULES
        if rule.applies(facts)
    ]


# ------------------------------------------------------------------------------------------------
# The registry
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One rule of the order control, declared in one place.

    - ``code``: stored on the check lines and keying the company's outcome setting;
    - ``label``: its name on the check lines and in the settings;
    - ``outcome_field``: the ``res.company`` selection that chooses its outcome (empty: always
      ``default_outcome``);
    - credit rules: ``applies(facts)``, ``message(env, facts, money)`` and, for a release,
      ``covered(facts, terms)`` (while it holds, the release still lifts the rule's result);
    - conformity checks: ``check``, the ``sale.order`` method returning its :class:`RuleResult`.
    """

    code: str
    label: object
    outcome_field: str = ""
    default_outcome: str = APPROVAL
    applies: Callable | None = None
    message: Callable | None = None
    covered: Callable | None = None
    check: str = ""

    def outcome(self, settings):
        if not self.outcome_field:
            return self.default_outcome
        return settings.get(self.code) or self.default_outcome


def _over_limit(facts):
    return facts.limit_active and facts.limit > 0 and facts.total > facts.limit


def _overdue_too_long(facts):
    max_days = facts.settings.get("overdue_max_days") or 0
    return bool(max_days and facts.overdue_days > max_days)


def _overdue_too_high(facts):
    max_amount = facts.settings.get("overdue_max_amount") or 0.0
    return bool(max_amount and facts.overdue_amount > max_amount)


def _needs_solvency_check(facts):
    threshold = facts.settings.get("solvency_order_amount") or 0.0
    new_customer = facts.settings.get("solvency_new_customer") and not facts.has_paid_invoice
    return bool(new_customer or (threshold and facts.this_order > threshold))


def _overdue_not_worse(facts, terms):
    return facts.overdue_amount <= terms.overdue_amount + terms.rounding


def _hold_before_release(facts, terms):
    since = facts.hold and facts.hold.get("since")
    return bool(since and terms.decided_on and since <= terms.decided_on)


CREDIT_RULES = (
    Rule(
        "credit_hold",
        _lt("Credit hold"),
        default_outcome=BLOCK,
        applies=lambda f: bool(f.hold),
        message=lambda env, f, money: env._(
            "Customer on credit hold since %(since)s, put by %(user)s: %(reason)s",
            since=f.hold["since"].strftime("%Y-%m-%d"),
            user=f.hold["user"],
            reason=f.hold["reason"],
        ),
        covered=_hold_before_release,
    ),
    Rule(
        "over_limit",
        _lt("Over the credit limit"),
        outcome_field="adv_over_limit_outcome",
        applies=_over_limit,
        message=lambda env, f, money: env._(
            "Credit limit %(limit)s, exposure %(exposure)s, this order %(order)s: "
            "over by %(excess)s.",
            limit=money(f.limit),
            exposure=money(f.exposure),
            order=money(f.this_order),
            excess=money(f.excess),
        ),
        covered=lambda f, terms: f.excess <= terms.excess + terms.rounding,
    ),
    Rule(
        "limit_expired",
        _lt("Credit limit review date passed"),
        outcome_field="adv_limit_expired_outcome",
        applies=lambda f: bool(f.review_date and f.review_date < f.today),
        message=lambda env, f, money: env._(
            "The credit limit was due for review on %(date)s.",
            date=f.review_date.strftime("%Y-%m-%d"),
        ),
    ),
    Rule(
        "overdue_days",
        _lt("Invoices overdue too long"),
        outcome_field="adv_overdue_outcome",
        applies=_overdue_too_long,
        message=lambda env, f, money: env._(
            "An invoice is overdue by %(days)s days (limit %(max)s days); overdue: %(amount)s.",
            days=f.overdue_days,
            max=f.settings.get("overdue_max_days"),
            amount=money(f.overdue_amount),
        ),
        covered=_overdue_not_worse,
    ),
    Rule(
        "overdue_amount",
        _lt("Overdue amount too high"),
        outcome_field="adv_overdue_outcome",
        applies=_overdue_too_high,
        message=lambda env, f, money: env._(
            "Overdue amount %(amount)s is above %(max)s.",
            amount=money(f.overdue_amount),
            max=money(f.settings.get("overdue_max_amount")),
        ),
        covered=_overdue_not_worse,
    ),
    Rule(
        "solvency_check",
        _lt("Solvency check required"),
        outcome_field="adv_solvency_outcome",
        applies=_needs_solvency_check,
        message=lambda env, f, money: env._(
            "Solvency check required (new customer without a paid invoice, or a large "
            "order: %(order)s).",
            order=money(f.this_order),
        ),
    ),
    Rule(
        "insurer_cover",
        _lt("Above the credit-insurer cover"),
        outcome_field="adv_insurer_outcome",
        default_outcome=WARN,
        applies=lambda f: f.insured_amount > 0 and f.total > f.insured_amount,
        message=lambda env, f, money: env._(
            "Exposure with this order %(total)s is above the credit-insurer cover %(cover)s.",
            total=money(f.total),
            cover=money(f.insured_amount),
        ),
    ),
)

CONFORMITY_RULES = (
    Rule("min_amount", _lt("Minimum order amount"), check="_adv_check_min_amount"),
    Rule("packaging", _lt("Sales packaging"), check="_adv_check_packaging"),
    Rule("po_ref", _lt("Customer PO reference"), check="_adv_check_po_ref"),
    Rule("address", _lt("Addresses"), check="_adv_check_addresses"),
    Rule("vat", _lt("Intra-EU VAT number"), check="_adv_check_eu_vat"),
    Rule("incoterm", _lt("Incoterm"), check="_adv_check_incoterm"),
    Rule("lead_time", _lt("Requested date"), check="_adv_check_lead_time"),
    Rule("payment_term", _lt("Payment terms"), check="_adv_check_payment_term"),
    Rule("discount", _lt("Discount"), check="_adv_check_discount"),
)

RULES = {rule.code: rule for rule in CREDIT_RULES + CONFORMITY_RULES}
