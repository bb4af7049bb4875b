# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The rules alone: plain Python, no database."""

from datetime import date

from odoo.addons.adv_order_control.tools.credit_rules import (
    APPROVAL,
    BLOCK,
    PASS,
    WARN,
    CreditFacts,
    evaluate,
    worst,
)

TODAY = date(2026, 11, 22)


def describe(rule, facts):
    return rule.code


def facts(**kw):
    base = {
        "today": TODAY,
        "limit": 50000.0,
        "limit_active": True,
        "receivables": 30000.0,
        "draft_invoices": 5000.0,
        "uninvoiced_orders": 12300.0,
        "this_order": 6000.0,
    }
    return CreditFacts(**(base | kw))


def rules(f):
    return {r.rule: r.outcome for r in evaluate(f, describe)}


def test_breakdown_of_the_domain_example():
    f = facts()
    assert (f.exposure, f.total, f.excess) == (47300.0, 53300.0, 3300.0)
    assert rules(f) == {"over_limit": APPROVAL}


def test_zero_limit_means_no_limit_and_inactive_control_checks_nothing():
    assert rules(facts(limit=0.0)) == {}
    assert facts(limit=0.0).excess == 0.0
    assert rules(facts(limit_active=False)) == {}


def test_exactly_at_the_limit_passes():
    assert rules(facts(this_order=2700.0)) == {}


def test_outcome_of_each_rule_follows_the_company_settings():
    f = facts(settings={"over_limit": BLOCK})
    assert rules(f) == {"over_limit": BLOCK}
    f = facts(settings={"over_limit": WARN})
    assert worst(r.outcome for r in evaluate(f, describe)) == WARN


def test_hold_blocks_even_within_limit():
    f = facts(this_order=0.0, hold={"reason": "x", "since": TODAY, "user": "u"})
    assert rules(f) == {"credit_hold": BLOCK}


def test_review_date_passed():
    assert rules(facts(this_order=0.0, review_date=date(2026, 11, 21))) == {
        "limit_expired": APPROVAL
    }
    assert rules(facts(this_order=0.0, review_date=TODAY)) == {}


def test_overdue_days_and_amount_thresholds():
    s = {"overdue_max_days": 30, "overdue_max_amount": 1000.0}
    assert rules(facts(this_order=0.0, overdue_days=30, overdue_amount=1000.0, settings=s)) == {}
    assert rules(facts(this_order=0.0, overdue_days=31, settings=s)) == {"overdue_days": APPROVAL}
    assert rules(facts(this_order=0.0, overdue_amount=1000.01, settings=s)) == {
        "overdue_amount": APPROVAL
    }


def test_solvency_check_for_new_customer_or_large_order():
    s = {"solvency_new_customer": True, "solvency_order_amount": 5000.0, "solvency_check": APPROVAL}
    assert rules(facts(limit=0, has_paid_invoice=False, this_order=10, settings=s)) == {
        "solvency_check": APPROVAL
    }
    assert rules(facts(limit=0, this_order=5000.0, settings=s)) == {}
    assert rules(facts(limit=0, this_order=5000.01, settings=s)) == {"solvency_check": APPROVAL}


def test_insurer_cover_warns_by_default():
    assert rules(facts(limit=0, insured_amount=40000.0)) == {"insurer_cover": WARN}


def test_worst_outcome():
    assert worst([]) == PASS
    assert worst([WARN, BLOCK, APPROVAL]) == BLOCK
