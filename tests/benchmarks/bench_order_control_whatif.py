# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What if enforced: the order control's report on the orders of the last 90 days.

2 000 customers (size real; size tiny: a hundredth, at least 20) with a credit limit of 500,
no paid invoice and complete addresses, and 2 000 then 20 000 confirmed orders of the last 80
days spread over them (each 500 + 20 % tax: every order is over its customer's limit and the
new-customer solvency check fires, so each order has two rules and two report lines; the
conformity checks run on every order). The report (``adv.order.whatif``, 90 days, as admin)
is computed at both sizes on the same customers.

Asserted at size real (exit status 1 when missed): the report on 20 000 orders in at most 5 s,
and the same number of queries at 2 000 and at 20 000 orders (every order, line, customer,
product and salesperson is read in one query per model, whatever their number). The bulk data
is copied with SQL from one real customer and one real confirmed order; all is rolled back.
"""

import time

from _harness import SIZES, clone_rows, conclude, environment, figure, parse_args, target

from odoo import Command
from odoo.tools import SQL

MAX_SECONDS = 5.0
ROUNDS = {"tiny": 1, "small": 2, "real": 3}


def clone_customers(env, customer, count):
    """``count`` copies of ``customer``, each its own commercial partner: their ids."""
    clone_rows(
        env,
        customer,
        count,
        {
            "name": SQL("'Bench what-if ' || g"),
            "complete_name": SQL("'Bench what-if ' || g"),
        },
    )
    env.cr.execute(
        SQL(
            "UPDATE res_partner SET commercial_partner_id = id WHERE name LIKE %s RETURNING id",
            "Bench what-if %",
        )
    )
    return sorted(pid for (pid,) in env.cr.fetchall())


def clone_orders(env, order, partner_ids, count, start):
    """``count`` copies of the confirmed ``order`` (and its line) over ``partner_ids``, dated
    over the last 80 days."""
    partners = SQL("(%s::int[])[1 + mod(g, %s)]", partner_ids, len(partner_ids))
    clone_rows(
        env,
        order,
        count,
        {
            "name": SQL("'WHATIF/' || g"),
            "partner_id": partners,
            "partner_invoice_id": partners,
            "partner_shipping_id": partners,
            "date_order": SQL("now() at time zone 'UTC' - mod(g, 80) * interval '1 day'"),
        },
        start=start,
        children=("sale_order_line", "order_id", {"order_partner_id": SQL("p.partner_id")}),
    )


def main():
    args = parse_args(__doc__)
    factor = SIZES[args.size]
    n_customers = max(int(2000 * factor), 20)
    n_small, n_big = max(int(2000 * factor), 20), max(int(20000 * factor), 200)
    with environment(args) as env:
        company = env.company
        company.write(
            {
                "account_use_credit_limit": True,
                "adv_conformity_check": True,
                "adv_solvency_new_customer": True,
                "adv_order_control_mode": "observe",  # the template order confirms
            }
        )
        tax = env["account.tax"].create(
            {"name": "Bench VAT 20", "amount": 20, "type_tax_use": "sale", "company_id": company.id}
        )
        product = env["product.product"].create(
            {"name": "Bench what-if pallet", "type": "service", "taxes_id": [Command.set(tax.ids)]}
        )
        customer = env["res.partner"].create(
            {
                "name": "Bench what-if 0",
                "is_company": True,
                "street": "1 rue du Port",
                "zip": "13002",
                "city": "Marseille",
                "country_id": company.country_id.id,
            }
        )
        customer.with_company(company).credit_limit = 500.0
        template = env["sale.order"].create(
            {
                "partner_id": customer.id,
                "order_line": [
                    Command.create(
                        {"product_id": product.id, "price_unit": 500.0, "tax_id": tax.ids}
                    )
                ],
            }
        )
        template.action_confirm()
        assert template.state == "sale"
        partner_ids = clone_customers(env, customer, n_customers)
        admin = env.ref("base.user_admin")
        admin_env = env(user=admin.id, context={"lang": admin.lang or "en_US", "tz": admin.tz})
        rows = {}
        clone_orders(env, template, partner_ids, n_small, start=1)
        for n_orders in (n_small, n_big):
            if n_orders == n_big:
                clone_orders(env, template, partner_ids, n_big - n_small, start=n_small + 1)
            runs = []
            for _ in range(ROUNDS[args.size]):
                env.flush_all()
                env.invalidate_all()
                wizard = admin_env["adv.order.whatif"].create({"days": 90})
                admin_env.flush_all()
                queries = env.cr.sql_log_count
                start, cpu = time.perf_counter(), time.process_time()
                wizard.action_compute()
                admin_env.flush_all()
                runs.append(
                    (
                        time.perf_counter() - start,
                        env.cr.sql_log_count - queries,
                        time.process_time() - cpu,
                    )
                )
            assert wizard.order_count >= n_orders, (wizard.order_count, n_orders)
            assert wizard.approval_count >= n_orders, (wizard.approval_count, wizard.warn_count)
            rows[n_orders] = (
                min(t for t, _q, _c in runs),
                max(q for _t, q, _c in runs),
                wizard,
                min(c for _t, _q, c in runs),
            )

        print(f"\nWhat if enforced (90 days), {n_customers} customers, as admin; best of rounds")
        print(
            f"  {'orders':>8} {'evaluated':>9} {'held':>6} {'lines':>7} {'seconds':>8} "
            f"{'queries':>8}"
        )
        for n_orders, (seconds, queries, wizard, cpu) in rows.items():
            held = wizard.approval_count + wizard.block_count
            lines = len(wizard.line_ids)
            print(
                f"  {n_orders:>8} {wizard.order_count:>9} {held:>6} {lines:>7} "
                f"{seconds:>8.2f} {queries:>8}   (Odoo process CPU {cpu:.2f} s)"
            )
            figure(f"whatif_{n_orders}_orders_cpu_s", round(cpu, 3))
            figure(f"whatif_{n_orders}_orders_s", round(seconds, 3))
            figure(f"whatif_{n_orders}_orders_queries", queries)
        missed = []
        seconds = rows[n_big][0]
        if not target(f"report on {n_big} orders (s)", seconds, MAX_SECONDS):
            missed.append(f"report on {n_big} orders: {seconds:.2f} s > {MAX_SECONDS} s")
        q_small, q_big = rows[n_small][1], rows[n_big][1]
        if not target("queries added from 2 000 to 20 000 orders", q_big - q_small, 0):
            missed.append(f"queries not constant: {q_small} at {n_small}, {q_big} at {n_big}")
    conclude(args.size, missed)


if __name__ == "__main__":
    main()
