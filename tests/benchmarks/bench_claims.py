# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Claims at volume: 50 000 claims (real size) over 1 000 customers, and a tenth of that.

Times what a claim handler waits for, with its query count, at both sizes: the claims list
grouped by cause (type) with the late flag and the stake, the kanban by stage, the "Late"
filter's count, the Pareto by cause and by responsible party, and the claimed lines suggested
from a customer's recent documents. Query counts must not grow with the number of claims.
Claims are inserted with SQL (one statement), everything is rolled back at the end.
"""

from _harness import SIZES, Timer, environment, parse_args

from odoo import Command
from odoo.tools import SQL

LIST_FIELDS = {
    "name": {},
    "date_claim": {},
    "partner_id": {"fields": {"display_name": {}}},
    "subject": {},
    "type_id": {"fields": {"display_name": {}}},
    "severity": {},
    "user_id": {"fields": {"display_name": {}}},
    "resolution_deadline": {},
    "amount_stake": {},
    "currency_id": {"fields": {}},
    "is_late": {},
    "escalated": {},
    "state": {},
}


def insert_claims(env, count, partners, types, company, tag):
    """``count`` claims spread over ``partners``, ``types``, stages and the last 200 days."""
    env.flush_all()
    env.cr.execute(
        SQL(
            """
            INSERT INTO adv_claim (name, subject, company_id, partner_id, commercial_partner_id,
                   channel, date_claim, state, type_id, severity, responsible_party, justified,
                   ack_deadline, resolution_deadline, date_ack, amount_claimed, amount_remedy,
                   amount_stake, claim_count, escalated, reserve_late, resolution_days,
                   user_id, create_uid, write_uid, create_date, write_date)
            SELECT %(tag)s || i, 'Bench claim ' || i, %(company)s,
                   (%(partners)s::int[])[1 + mod(i, %(np)s)],
                   (%(partners)s::int[])[1 + mod(i, %(np)s)],
                   'phone', now() - mod(i, 200) * interval '1 day',
                   (ARRAY['new','qualified','waiting','proposed','resolved','closed','rejected'])
                       [1 + mod(i, 7)],
                   (%(types)s::int[])[1 + mod(i, %(nt)s)],
                   (ARRAY['low','normal','high','critical'])[1 + mod(i, 4)],
                   (ARRAY['carrier','warehouse','supplier','sales','production','customer'])
                       [1 + mod(i, 6)],
                   'yes',
                   now() - mod(i, 200) * interval '1 day' + interval '1 day',
                   now() - mod(i, 200) * interval '1 day' + interval '15 days',
                   CASE WHEN mod(i, 3) = 0 THEN NULL ELSE now() END,
                   mod(i, 97) * 10, mod(i, 13) * 5, mod(i, 97) * 10 + mod(i, 13) * 5, 1,
                   mod(i, 50) = 0, false, 0, %(uid)s, %(uid)s, %(uid)s, now(), now()
              FROM generate_series(1, %(count)s) AS i
            """,
            tag=tag,
            company=company.id,
            partners=partners.ids,
            np=len(partners),
            types=types.ids,
            nt=len(types),
            uid=env.uid,
            count=count,
        )
    )
    env.invalidate_all()


def measure_screens(env, timer, label, customer):
    Claim = env["adv.claim"]
    open_domain = [("state", "not in", ("resolved", "closed", "rejected"))]
    with timer.measure(f"{label}: list grouped by cause (web_read_group)", env):
        groups = Claim.web_read_group(
            open_domain, ["amount_stake:sum"], ["type_id"], limit=80, lazy=True
        )
    with timer.measure(f"{label}: list, first page of 80 (web_search_read)", env):
        page = Claim.web_search_read(open_domain, LIST_FIELDS, limit=80, order="date_claim desc")
    with timer.measure(f"{label}: kanban by stage (web_read_group)", env):
        Claim.web_read_group([], ["amount_stake:sum"], ["state"], lazy=True)
    with timer.measure(f"{label}: late claims count (filter Late)", env):
        late = Claim.search_count([("is_late", "=", True)])
    with timer.measure(f"{label}: Pareto by cause", env):
        pareto = Claim._adv_pareto("type_id")
    with timer.measure(f"{label}: Pareto by responsible party", env):
        Claim._adv_pareto("responsible_party")
    claim = Claim.create({"partner_id": customer.id, "subject": "Suggest"})
    with timer.measure(f"{label}: suggested lines from recent documents", env):
        values = claim._get_suggested_line_values()
    assert groups["length"] >= 1, groups["length"]
    assert len(page["records"]) == min(80, page["length"]), page["length"]
    assert late > 0 and pareto and values, (late, len(pareto), len(values))


def main():
    args = parse_args(__doc__)
    factor = SIZES[args.size]
    with environment(args) as env:
        company = env.company
        n_claims = max(int(50000 * factor), 500)
        partners = env["res.partner"].create(
            [{"name": f"Bench claims customer {i}", "is_company": True} for i in range(1000)]
        )
        types = env["adv.claim.type"].search([])
        product = env["product.product"].create(
            {"name": "Bench tiles", "type": "consu", "invoice_policy": "order", "list_price": 10}
        )
        customer = partners[0]
        # The customer's recent invoice (10 lines): what the suggestion reads. Created directly,
        # not from an order, so that no credit control of another addon interferes.
        invoice = env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": customer.id,
                "invoice_line_ids": [
                    Command.create({"product_id": product.id, "quantity": 5, "price_unit": 10})
                    for __ in range(10)
                ],
            }
        )
        invoice.action_post()
        timer = Timer(f"Claims: {n_claims // 10} then {n_claims} claims, 1 000 customers")
        insert_claims(env, n_claims // 10, partners, types, company, "BENCH-A-")
        measure_screens(env, timer, f"{n_claims // 10:>6}", customer)
        insert_claims(env, n_claims - n_claims // 10, partners, types, company, "BENCH-B-")
        measure_screens(env, timer, f"{n_claims:>6}", customer)
        timer.print()
        small, big = timer.rows[: len(timer.rows) // 2], timer.rows[len(timer.rows) // 2 :]
        for (label, __, q_small), (__, __, q_big) in zip(small, big, strict=True):
            assert q_big <= q_small + 1, f"queries grow with the claims: {label} {q_small}->{q_big}"


if __name__ == "__main__":
    main()
