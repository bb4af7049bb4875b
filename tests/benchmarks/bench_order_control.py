# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Credit control on a big customer: 20 000 posted invoices and 2 000 confirmed orders (real size).

Prints (a) the SQL queries the control adds to one confirmation at 2 000 and at 20 000 invoices
(they must be the same number: the control is set-based), (b) the time of one confirmation with
and without the control, (c) the time to confirm 200 orders in one call. (b) is measured twice:
with all 20 000 invoices still open (the worst case: every open item is summed) and with a
realistic history where 98 % of them are paid.
The bulk data is copied with SQL from one real posted invoice and one real confirmed order.
"""

import random
import string
import time

from _harness import SIZES, Timer, environment, parse_args

from odoo import Command
from odoo.tools import SQL

from odoo.addons.adv_order_control.models.sale_order import CLEARED_KEY


def _letters_tag():
    """A random tag of letters only: a digit in a copied invoice's number could be read by
    Odoo's sequence mixin as a year, and the journal's next invoice would then be refused."""
    return "".join(random.choices(string.ascii_uppercase, k=10))


def _columns(env, table, skip):
    env.cr.execute(
        SQL(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
            table,
        )
    )
    return [c for (c,) in env.cr.fetchall() if c not in skip]


def clone_move(env, move, count):
    """``count`` copies of the posted ``move`` and its lines, set-based."""
    env.flush_all()
    mcols = _columns(env, "account_move", {"id", "name", "sequence_prefix", "sequence_number"})
    lcols = _columns(env, "account_move_line", {"id", "move_id", "move_name"})
    env.cr.execute(
        SQL(
            """WITH new_moves AS (
               INSERT INTO account_move (%(mcols)s, name, sequence_prefix, sequence_number)
               SELECT %(mcols)s, 'BENCH/' || %(tag)s || '/' || g, 'BENCH/' || %(tag)s || '/', g
                 FROM account_move, generate_series(1, %(count)s) g WHERE id = %(move)s
               RETURNING id, name)
           INSERT INTO account_move_line (%(lcols)s, move_id, move_name)
           SELECT %(lcols_l)s, nm.id, nm.name
             FROM account_move_line l, new_moves nm WHERE l.move_id = %(move)s""",
            mcols=SQL(", ").join(SQL.identifier(c) for c in mcols),
            lcols=SQL(", ").join(SQL.identifier(c) for c in lcols),
            lcols_l=SQL(", ").join(SQL.identifier("l", c) for c in lcols),
            tag=_letters_tag(),
            count=count,
            move=move.id,
        )
    )


def clone_order(env, order, count):
    env.flush_all()
    ocols = _columns(env, "sale_order", {"id"})
    lcols = _columns(env, "sale_order_line", {"id", "order_id"})
    env.cr.execute(
        SQL(
            """WITH new_orders AS (
               INSERT INTO sale_order (%(ocols)s)
               SELECT %(ocols)s FROM sale_order, generate_series(1, %(count)s) WHERE id = %(order)s
               RETURNING id)
           INSERT INTO sale_order_line (%(lcols)s, order_id)
           SELECT %(lcols_l)s, no.id FROM sale_order_line l, new_orders no
            WHERE l.order_id = %(order)s""",
            ocols=SQL(", ").join(SQL.identifier(c) for c in ocols),
            lcols=SQL(", ").join(SQL.identifier(c) for c in lcols),
            lcols_l=SQL(", ").join(SQL.identifier("l", c) for c in lcols),
            count=count,
            order=order.id,
        )
    )


def pay_history(env, partner, keep_open):
    """Mark all but ``keep_open`` of ``partner``'s receivable items paid (years of history)."""
    env.cr.execute(
        SQL(
            """WITH paid AS (
               SELECT aml.id, aml.move_id FROM account_move_line aml
                 JOIN account_account a ON a.id = aml.account_id
                WHERE aml.partner_id = %(partner)s AND a.account_type = 'asset_receivable'
             ORDER BY aml.id OFFSET %(keep)s),
           lines AS (
               UPDATE account_move_line SET reconciled = TRUE, amount_residual = 0,
                      amount_residual_currency = 0
                WHERE id IN (SELECT id FROM paid))
           UPDATE account_move SET payment_state = 'paid', amount_residual = 0
            WHERE id IN (SELECT move_id FROM paid)""",
            partner=partner.id,
            keep=keep_open,
        )
    )
    env.invalidate_all()


def main():
    args = parse_args(__doc__)
    factor = SIZES[args.size]
    n_small, n_big = max(int(2000 * factor), 20), max(int(20000 * factor), 200)
    n_orders, n_batch = max(int(2000 * factor), 20), max(int(200 * factor), 5)
    with environment(args) as env:
        company = env.company
        company.write(
            {
                "account_use_credit_limit": True,
                "adv_solvency_new_customer": False,
                "adv_overdue_max_days": 0,
            }
        )
        customer = env["res.partner"].create(
            {
                "name": "Big distributor",
                "is_company": True,
                "street": "1 rue du Port",
                "zip": "13002",
                "city": "Marseille",
                "country_id": company.country_id.id,
            }
        )
        customer.with_company(company).credit_limit = 1e12
        product = env["product.product"].create(
            {"name": "Bench pallet", "type": "consu", "invoice_policy": "delivery"}
        )
        invoice = env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": customer.id,
                "invoice_date": "2026-01-10",
                "invoice_line_ids": [
                    Command.create({"product_id": product.id, "price_unit": 100.0})
                ],
            }
        )
        invoice.action_post()

        def new_orders(count):
            return env["sale.order"].create(
                [
                    {
                        "partner_id": customer.id,
                        "order_line": [
                            Command.create({"product_id": product.id, "price_unit": 50.0})
                        ],
                    }
                    for _ in range(count)
                ]
            )

        template = new_orders(1)
        template.action_confirm()
        clone_order(env, template, n_orders - 1)
        clone_move(env, invoice, n_small - 1)
        env.invalidate_all()
        timer = Timer(
            f"Credit control: {n_orders} confirmed orders, {n_small} then {n_big} invoices"
        )
        queries = {}
        for n_invoices in (n_small, n_big):
            if n_invoices == n_big:
                clone_move(env, invoice, n_big - n_small)
                env.invalidate_all()
            order = new_orders(1)
            env.flush_all()
            before = env.cr.sql_log_count
            with timer.measure(f"control of one order ({n_invoices} invoices)", env):
                order._adv_credit_control()
            queries[n_invoices] = env.cr.sql_log_count - before

        # (b) one confirmation with and without the control, same data, same run
        def confirm(with_control):
            order = new_orders(1)
            env.flush_all()
            env.invalidate_all()
            start = time.perf_counter()
            if not with_control:
                env.cr.precommit.data.setdefault(CLEARED_KEY, set()).add(order.id)
                sale_cls = next(
                    c
                    for c in type(order).__mro__
                    if c.__module__ == "odoo.addons.sale.models.sale_order"
                )
                sale_cls.action_confirm(order)
            else:
                order.action_confirm()
            env.flush_all()
            assert order.state == "sale", order.state
            return time.perf_counter() - start

        def ratio(rounds=5):
            confirm(True), confirm(False)  # warm-up
            with_ctl = sorted(confirm(True) for _ in range(rounds))[rounds // 2]
            without = sorted(confirm(False) for _ in range(rounds))[rounds // 2]
            return with_ctl, without

        worst_with, worst_without = ratio()
        pay_history(env, customer, keep_open=n_big // 50)
        with_ctl, without = ratio()

        batch = new_orders(n_batch)
        with timer.measure(f"confirm {n_batch} orders in one call", env):
            batch.action_confirm()
        assert set(batch.mapped("state")) == {"sale"}
        timer.print()
        print(
            f"  (a) queries added by the control: {queries[n_small]} at {n_small} invoices, "
            f"{queries[n_big]} at {n_big} invoices"
        )
        print(
            f"  (b) one confirmation, {n_big // 50} of {n_big} invoices open: "
            f"{with_ctl * 1000:.1f} ms with the control, {without * 1000:.1f} ms without: "
            f"ratio {with_ctl / without:.2f} (median of 5)"
        )
        print(
            f"      worst case, all {n_big} invoices open: {worst_with * 1000:.1f} ms with, "
            f"{worst_without * 1000:.1f} ms without: ratio {worst_with / worst_without:.2f}"
        )
        assert queries[n_small] == queries[n_big], queries
        assert queries[n_big] <= 20, queries


if __name__ == "__main__":
    main()
