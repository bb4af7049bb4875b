# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A dunning run on 20 000 overdue invoices over 2 000 customers (real size), and on a tenth.

Prints the run time (select the customers, compute and create the notices, no mail transport;
best of two), the time and queries of each batch of 500 customers (they must not grow with the
data size) and the ratio of the run times at 20 000 and at 2 000 invoices (target: at most 12).
Then the cost of sending notices at the first-reminder level: an e-mail from the level's template
with the invoices' PDF and the statement of account attached (rendered by wkhtmltopdf), queued
(no mail transport): seconds and queries per notice.
The invoices are copied with SQL from one real posted invoice, spread over the customers with
due dates over the last 90 days (every level is reached); all is rolled back at the end.
"""

import time

from _harness import SIZES, clone_move, environment, parse_args

from odoo import Command
from odoo.tools import SQL


def customers_and_template(env, n_customers, tag):
    """The customers and one posted invoice to copy (posted before any copy is made)."""
    partners = env["res.partner"].create(
        [
            {
                "name": f"Dunning customer {tag} {i}",
                "is_company": True,
                "email": f"ap{i}@customer-{tag}.example.com",
            }
            for i in range(n_customers)
        ]
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
    return partners, template


def build(env, n_invoices, partners, template):
    """``n_invoices`` posted invoices spread over ``partners``, due over the last 90 days."""
    n_customers = len(partners)
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
    """Time a run over ``partners``: (total s, select s, [s per batch], [queries per batch],
    notices)."""
    run = env["adv.dunning.run"].create({"date": "2026-11-22"})
    env.flush_all()
    start = time.perf_counter()
    mine = set(partners.ids)
    todo = [pid for pid in run._partners_to_notice() if pid in mine]
    selected = time.perf_counter() - start
    batch_times, batch_queries, notices = [], [], 0
    for batch in run._split(todo, 500):
        count, started = env.cr.sql_log_count, time.perf_counter()
        notices += len(run._process_batch(batch))
        env.flush_all()
        batch_times.append(round(time.perf_counter() - started, 2))
        batch_queries.append(env.cr.sql_log_count - count)
    return time.perf_counter() - start, selected, batch_times, batch_queries, notices, run


def timed_send(env, count):
    """Send the notices of ``count`` customers at the first-reminder level (e-mail with the
    invoices and the statement attached): (s per notice, queries per notice, e-mails queued)."""
    partners = env["res.partner"].create(
        [
            {"name": f"Mailed customer {i}", "is_company": True, "email": f"ap{i}@mailed.example"}
            for i in range(count)
        ]
    )
    invoices = env["account.move"].create(
        [
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": "2026-10-13",
                "invoice_date_due": "2026-11-12",  # 10 days overdue on the run's day
                "invoice_line_ids": [
                    Command.create({"name": "Tiles", "price_unit": 480.0, "tax_ids": []})
                ],
            }
            for partner in partners
        ]
    )
    invoices.action_post()
    run = env["adv.dunning.run"].create({"date": "2026-11-22"})
    notices = run._process_batch(partners.ids)
    assert set(notices.level_id.mapped("name")) == {"First reminder"}, notices.level_id
    mails_before = env["mail.mail"].search_count([])
    env.flush_all()
    queries, started = env.cr.sql_log_count, time.perf_counter()
    notices._send()
    env.flush_all()
    elapsed = time.perf_counter() - started
    queued = env["mail.mail"].search_count([]) - mails_before
    assert all(n.email_state == "sent" for n in notices), notices.mapped("email_state")
    return elapsed / len(notices), (env.cr.sql_log_count - queries) / len(notices), queued


def main():
    args = parse_args(__doc__)
    factor = SIZES[args.size]
    big, customers = max(int(20000 * factor), 200), max(int(2000 * factor), 20)
    with environment(args) as env:
        env.company.adv_dunning_policy_id = env.ref("adv_dunning.policy_fr_b2b")
        small_partners, small_template = customers_and_template(env, customers // 10, "s")
        big_partners, big_template = customers_and_template(env, customers, "b")
        build(env, big // 10, small_partners, small_template)
        build(env, big, big_partners, big_template)
        # best of two (the machine is shared); a run without sending levels nothing
        small = min((timed_run(env, small_partners) for _i in range(2)), key=lambda r: r[0])
        large = min((timed_run(env, big_partners) for _i in range(2)), key=lambda r: r[0])
        print("\nDunning run (compute and create notices, no mail transport), best of 2")
        for (n_inv, n_cust), (total, selected, times, queries, notices, __) in (
            ((big // 10, customers // 10), small),
            ((big, customers), large),
        ):
            print(
                f"  {n_inv:>6} invoices / {n_cust:>5} customers: {total:7.2f} s "
                f"({selected:.2f} s to select the customers, batches of 500 customers {times} s), "
                f"{notices} notices, queries per batch {queries}"
            )
        print(f"  ratio {large[0] / small[0]:.1f} for 10x the invoices (target at most 12)")
        assert large[4] == customers and small[4] == customers // 10, (large[4], small[4])
        to_send = {"tiny": 3, "small": 10}.get(args.size, 20)
        per_notice, queries, queued = timed_send(env, to_send)
        print(
            f"  sending {to_send} first reminders (e-mail, invoices and statement PDF attached):"
            f" {per_notice:.2f} s and {queries:.0f} queries per notice, {queued} e-mails queued"
        )


if __name__ == "__main__":
    main()
