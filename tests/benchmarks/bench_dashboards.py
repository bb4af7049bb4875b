# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The ADV dashboards at volume: the data requests behind each dashboard (every pivot and chart
of its spreadsheet, one ``read_group`` each, with its global filters at their defaults: the last
90 days, every company, salesperson and team), timed as a credit controller's web client makes
them, cold (caches invalidated) and warm.

Data (size real; size tiny: a hundredth, small: a tenth), on top of the database's own:
- order to cash: 20 000 confirmed orders over the last 90 days, the order benchmark's volume of
  orders and invoices, and 5 000 credit holds (half released, a fifth refused);
- receivables: the dunning benchmark's 20 000 overdue invoices over 2 000 customers
  (``bench_dunning_run.build``), one receivable line in twenty in dispute;
- claims: the claims benchmark's 50 000 claims (``bench_claims.insert_claims``);
- supply: 10 000 closed chases over the last 90 days (copies of the database's first chase).
Each set is built when the addon that ships the dashboard reading it is installed.

Asserted (size real; exit status 1 when missed): at most 1.5 s for all the requests of one
dashboard. Everything is rolled back at the end.

    python tests/benchmarks/bench_dashboards.py -d adv_test --addons-path ... --size real
"""

import bench_claims
import bench_dunning_run
from _harness import SIZES, Timer, clone_rows, conclude, environment, figure, parse_args, target

from odoo import Command
from odoo.tools import SQL

from odoo.addons.adv_base.tools.dashboard_requests import dashboard_requests

TARGET_SECONDS = 1.5


def build_order_to_cash(env, factor):
    """Confirmed orders over the last 90 days and credit holds on a fifth of them."""
    n_orders = max(int(20000 * factor), 200)
    n_holds = max(int(5000 * factor), 50)
    customer = env["res.partner"].create({"name": "Dashboard distributor", "is_company": True})
    product = env["product.product"].create({"name": "Dashboard pallet", "type": "consu"})
    order = env["sale.order"].create(
        {
            "partner_id": customer.id,
            "order_line": [Command.create({"product_id": product.id, "price_unit": 100.0})],
        }
    )
    env.flush_all()
    clone_rows(
        env,
        order,
        n_orders,
        {
            "name": SQL("'DASH/' || g"),
            "state": SQL("'sale'"),
            "date_order": SQL("now() - mod(g, 90) * interval '1 day'"),
        },
        children=("sale_order_line", "order_id", {}),
    )
    env.cr.execute(
        SQL(
            """
            INSERT INTO adv_order_check (order_id, partner_id, company_id, outcome, state,
                   date, release_date, create_date, write_date)
            SELECT so.id, so.partner_id, so.company_id, 'block',
                   CASE WHEN mod(so.id, 5) = 0 THEN 'refused'
                        WHEN mod(so.id, 2) = 0 THEN 'released' ELSE 'open' END,
                   so.date_order - interval '1 day',
                   CASE WHEN mod(so.id, 5) = 0 OR mod(so.id, 2) = 0
                        THEN so.date_order - interval '1 day' + mod(so.id, 48) * interval '1 hour'
                   END,
                   now(), now()
              FROM sale_order so
             WHERE starts_with(so.name, 'DASH/')
             ORDER BY so.id
             LIMIT %s
            """,
            n_holds,
        )
    )
    figure("order_to_cash_orders", n_orders)
    figure("order_to_cash_holds", n_holds)


def build_claims(env, factor):
    """The claims benchmark's data set (50 000 claims at size real)."""
    company = env.company
    partners = env["res.partner"].create(
        [{"name": f"Dashboard claimant {i}", "is_company": True} for i in range(20)]
    )
    types = env["adv.claim.type"].search([("company_id", "in", [False, company.id])], limit=5)
    count = max(int(50000 * factor), 500)
    bench_claims.insert_claims(env, count, partners, types, company, "DASH")
    figure("claims", count)


def build_receivables(env, factor):
    """The dunning benchmark's data set: 20 000 overdue invoices over 2 000 customers (size
    real), one receivable line in twenty in dispute."""
    n_invoices, n_customers = max(int(20000 * factor), 200), max(int(2000 * factor), 20)
    partners, template = bench_dunning_run.customers_and_template(env, n_customers, "DASH")
    bench_dunning_run.build(env, n_invoices, partners, template)
    env.cr.execute(
        SQL(
            """UPDATE account_move_line aml SET adv_dispute = TRUE
                 FROM account_account a
                WHERE a.id = aml.account_id AND a.account_type = 'asset_receivable'
                  AND aml.partner_id IN %s AND mod(aml.id, 20) = 0""",
            tuple(partners.ids),
        )
    )
    env.invalidate_all()
    figure("receivables_invoices", n_invoices)


def build_chases(env, factor):
    """10 000 closed chases (size real) over the last 90 days, copies of the database's first."""
    chase = env["adv.supply.chase"].search([], limit=1, order="id")
    if not chase:
        return
    count = max(int(10000 * factor), 100)
    # Closed copies: one open chase per document and level is the rule of a live chase.
    values = {
        "date_opened": SQL("now() - mod(g, 90) * interval '1 day'"),
        "state": SQL("'closed'"),
    }
    clone_rows(env, chase, count, values)
    figure("chases", count)


# Data builders by the addon that ships a dashboard (dashboards of other addons run on the
# database's own data).
BUILDERS = {
    "adv_order_control": build_order_to_cash,
    "adv_dunning": build_receivables,
    "adv_claims": build_claims,
    "adv_supply_followup": build_chases,
}


def adv_dashboards(env):
    data = env["ir.model.data"].search(
        [("model", "=", "spreadsheet.dashboard"), ("module", "=like", "adv_%")]
    )
    return [(d.module, env["spreadsheet.dashboard"].browse(d.res_id)) for d in data]


def main():
    args = parse_args(__doc__)
    factor = SIZES[args.size]
    missed = []
    with environment(args) as env:
        dashboards = adv_dashboards(env)
        for module in sorted({module for module, __ in dashboards}):
            if module in BUILDERS:
                BUILDERS[module](env, factor)
        env.flush_all()
        env.cr.execute(SQL("ANALYZE"))
        admin = env.ref("base.user_admin")
        user_env = env(user=admin.id, context={"lang": "en_US", "tz": "UTC"})
        timer = Timer(f"Dashboards' data requests, as {admin.name} (size {args.size})")
        for module, dashboard in dashboards:
            requests = dashboard_requests(dashboard.spreadsheet_data)
            for temperature in ("cold", "warm"):
                label = f"{dashboard.name}: {len(requests)} requests, {temperature}"
                with timer.measure(label, user_env):
                    for request in requests:
                        request.run(user_env)
                if temperature == "cold":
                    continue
                elapsed = timer.rows[-1][1]
                worst = max(timer.rows[-2][1], elapsed)
                if not target(f"{dashboard.name} ({module})", worst, TARGET_SECONDS):
                    missed.append(f"{dashboard.name}: {worst:.2f} s > {TARGET_SECONDS} s")
            for request in requests:
                with timer.measure(f"  {request.label}", user_env):
                    request.run(user_env)
        timer.print()
    conclude(args.size, missed)


if __name__ == "__main__":
    main()
