# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The ADV dashboards at volume: the data requests behind each dashboard (every pivot and chart
of its spreadsheet, one ``read_group`` each, with its global filters at their defaults: the last
90 days, every company, salesperson and team), timed as a credit controller's web client makes
them, cold (caches invalidated) and warm.

Data (size real; size tiny: a hundredth, small: a tenth), on top of the database's own:
- order to cash: 20 000 confirmed orders over the last 90 days, the order benchmark's volume of
  orders and invoices, and 5 000 credit holds (half released, a fifth refused);
- receivables: the dunning benchmark's 20 000 overdue invoices over 2 000 customers
  (``bench_dunning_run.build``), one receivable line in twenty in dispute, half of them paid
  (a reconciliation each, dated up to 59 days after the due date: the trends' "as at" reads),
  and 2 000 notices sent over 90 days (at three levels, 10 invoices each: the recovery rates);
- claims: the claims benchmark's 50 000 claims (``bench_claims.insert_claims``);
- supply: 10 000 closed chases over the last 90 days (copies of the database's first chase);
  deliveries: a done delivery move for four order-to-cash order lines in five (the OTIF and
  late lines figures read the 20 000 lines and their moves), a day late on one in three, short
  on one in ten.
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
    receivables_history(env, partners)
    figure("receivables_invoices", n_invoices)
    figure("receivables_notices", len(partners))


def receivables_history(env, partners):
    """Every other invoice of ``partners`` paid (one reconciliation with a credit note, dated 0
    to 59 days after the due date) and one notice sent per customer (31 to 120 days ago, at
    one of three levels) listing the customer's invoices."""
    refund = env["account.move"].create(
        {
            "move_type": "out_refund",
            "partner_id": partners[0].id,
            "invoice_line_ids": [Command.create({"name": "Dashboard", "price_unit": 1.0})],
        }
    )
    refund.action_post()
    credit = refund.line_ids.filtered(lambda ln: ln.account_type == "asset_receivable")
    receivable = SQL(
        """SELECT aml.* FROM account_move_line aml
             JOIN account_account a ON a.id = aml.account_id
            WHERE a.account_type = 'asset_receivable' AND aml.partner_id IN %s
              AND aml.id <> %s""",
        tuple(partners.ids),
        credit.id,
    )
    env.cr.execute(
        SQL(
            """WITH paid AS (
                   INSERT INTO account_partial_reconcile (debit_move_id, credit_move_id, amount,
                          debit_amount_currency, credit_amount_currency, debit_currency_id,
                          credit_currency_id, company_id, max_date, create_date, write_date)
                   SELECT aml.id, %s, aml.balance, aml.amount_currency, aml.amount_currency,
                          aml.currency_id, aml.currency_id, aml.company_id,
                          LEAST(aml.date_maturity + mod(aml.id, 60)::int, CURRENT_DATE),
                          now(), now()
                     FROM (%s) aml WHERE mod(aml.id, 2) = 0
                RETURNING debit_move_id)
               UPDATE account_move_line SET reconciled = TRUE, amount_residual = 0,
                      amount_residual_currency = 0
                WHERE id IN (SELECT debit_move_id FROM paid)""",
            credit.id,
            receivable,
        )
    )
    run = env["adv.dunning.run"].create({})
    levels = env.company.adv_dunning_policy_id.level_ids.filtered(lambda lv: lv.days > 0)[:3]
    env.flush_all()
    env.cr.execute(
        SQL(
            """WITH notices AS (
                   INSERT INTO adv_dunning_notice (run_id, partner_id, company_id, level_id,
                          state, date_sent, active, email_state, amount_due, create_date,
                          write_date)
                   SELECT %(run)s, p.id, %(company)s, (%(levels)s)[1 + mod(p.id, %(n)s)],
                          'sent', CURRENT_DATE - 31 - mod(p.id, 90), TRUE, 'none', 0, now(),
                          now()
                     FROM res_partner p WHERE p.id IN %(partners)s
                RETURNING id, partner_id, level_id)
               INSERT INTO adv_dunning_notice_line (notice_id, company_id, move_line_id, move_id,
                      currency_id, amount_residual, date_maturity, level_id, new_level)
               SELECT n.id, aml.company_id, aml.id, aml.move_id, aml.currency_id,
                      aml.amount_currency, aml.date_maturity, n.level_id, TRUE
                 FROM notices n JOIN (%(receivable)s) aml ON aml.partner_id = n.partner_id""",
            run=run.id,
            company=env.company.id,
            levels=levels.ids,
            n=len(levels),
            partners=tuple(partners.ids),
            receivable=receivable,
        )
    )
    env.invalidate_all()


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


def build_supply(env, factor):
    """Chases and deliveries."""
    build_chases(env, factor)
    build_deliveries(env)


def build_deliveries(env):
    """A done delivery to the customer for four order-to-cash lines in five (``DASH/`` orders,
    promised on their order date): a day late on one in three, short on one in ten."""
    warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
    customers = env.ref("stock.stock_location_customers")
    env.cr.execute(
        SQL(
            """INSERT INTO stock_move (name, company_id, product_id, product_uom,
                      product_uom_qty, quantity, location_id, location_dest_id, procure_method,
                      state, date, sale_line_id, create_date, write_date)
               SELECT 'DASH', so.company_id, sol.product_id, sol.product_uom,
                      sol.product_uom_qty,
                      sol.product_uom_qty * CASE WHEN mod(sol.id, 10) = 0 THEN 0.5 ELSE 1 END,
                      %s, %s, 'make_to_stock', 'done',
                      so.date_order + (mod(sol.id, 3) = 0)::int * interval '1 day', sol.id,
                      now(), now()
                 FROM sale_order_line sol
                 JOIN sale_order so ON so.id = sol.order_id
                WHERE starts_with(so.name, 'DASH/') AND mod(sol.id, 5) <> 0""",
            warehouse.lot_stock_id.id,
            customers.id,
        )
    )
    figure("deliveries_moves", env.cr.rowcount)


# Data builders by the addon that ships a dashboard (dashboards of other addons run on the
# database's own data).
BUILDERS = {
    "adv_order_control": build_order_to_cash,
    "adv_dunning": build_receivables,
    "adv_claims": build_claims,
    "adv_supply_followup": build_supply,
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
