# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A dunning run on 20 000 overdue invoices over 2 000 customers (real size), then on a tenth.

Prints the run time (compute and create the notices, no mail transport), the queries of each
batch of 500 customers (they must not grow with the batch's content) and the ratio of the run
times at 20 000 and at 2 000 invoices (target: at most 12).
The invoices are copied with SQL from one real posted invoice, spread over the customers.
"""

import time

from _harness import SIZES, environment, parse_args
from bench_order_control import clone_move

from odoo import Command
from odoo.tools import SQL


def build(env, n_invoices, n_customers, tag):
    partners = env["res.partner"].create(
        [{"name": f"Dunning customer {tag} {i}", "is_company": True} for i in range(n_customers)]
    )
    template = env["account.move"].create(
        {
            "move_type": "out_invoice",
            "partner_id": partners[0].id,
            "invoice_date": "2026-01-05",
            "invoice_date_due": "2026-02-04",
            "invoice_line_ids": [
                Command.create({"name": "Tiles", "price_unit": 250.0, "tax_ids": []})
            ],
        }
    )
    template.action_post()
    env.cr.execute(SQL("SELECT max(id) FROM account_move"))
    before = env.cr.fetchone()[0]
    clone_move(env, template, n_invoices - 1)
    # Spread the copies over the customers, with due dates over the last 90 days.
    env.cr.execute(
        SQL(
            """WITH m AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM account_move
                       WHERE id > %(before)s),
                p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k
                        FROM res_partner WHERE id IN %(partners)s),
                target AS (SELECT m.id, p.id AS partner_id, m.rn FROM m
                             JOIN p ON p.k = mod(m.rn, %(n)s)),
                moves AS (UPDATE account_move am SET partner_id = t.partner_id,
                                 commercial_partner_id = t.partner_id,
                                 invoice_date_due = DATE '2026-11-20' - mod(t.rn, 90)::int
                            FROM target t WHERE am.id = t.id)
           UPDATE account_move_line aml SET partner_id = t.partner_id,
                  date_maturity = DATE '2026-11-20' - mod(t.rn, 90)::int
             FROM target t WHERE aml.move_id = t.id""",
            before=before,
            partners=tuple(partners.ids),
            n=n_customers,
        )
    )
    env.invalidate_all()
    return partners


def timed_run(env, partners):
    run = env["adv.dunning.run"].create({"date": "2026-11-22"})
    env.flush_all()
    start = time.perf_counter()
    todo = [pid for pid in run._partners_to_notice() if pid in set(partners.ids)]
    batch_queries, notices = [], 0
    for batch in run._split(todo, 500):
        count = env.cr.sql_log_count
        notices += len(run._process_batch(batch))
        env.flush_all()
        batch_queries.append(env.cr.sql_log_count - count)
    return time.perf_counter() - start, batch_queries, notices


def main():
    args = parse_args(__doc__)
    factor = SIZES[args.size]
    big, customers = max(int(20000 * factor), 200), max(int(2000 * factor), 20)
    with environment(args) as env:
        env.company.adv_dunning_policy_id = env.ref("adv_dunning.policy_fr_b2b")
        small_partners = build(env, big // 10, customers // 10, "s")
        t_small, q_small, n_small = timed_run(env, small_partners)
        big_partners = build(env, big, customers, "b")
        t_big, q_big, n_big = timed_run(env, big_partners)
        print("\nDunning run (compute and create notices, no mail transport)")
        print(
            f"  {big // 10:>6} invoices / {customers // 10:>5} customers: {t_small:7.2f} s, "
            f"{n_small} notices, queries per batch {q_small}"
        )
        print(
            f"  {big:>6} invoices / {customers:>5} customers: {t_big:7.2f} s, "
            f"{n_big} notices, queries per batch {q_big}"
        )
        print(f"  ratio {t_big / t_small:.1f} for 10x the invoices (target at most 12)")
        assert n_big == customers and n_small == customers // 10, (n_big, n_small)


if __name__ == "__main__":
    main()
