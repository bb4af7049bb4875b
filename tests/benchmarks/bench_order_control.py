# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the credit control adds to one sale order confirmation, on a big customer.

The customer has 20 000 open posted invoices, all overdue, and 2 000 confirmed orders (size real;
size tiny: a hundredth); Odoo's sale_stock is installed, so each confirmation makes a delivery.
One new quotation is confirmed with the suite's control and with the control absent, in the same
run, interleaved, at 2 000 and then at 20 000 invoices, on two paths:

- pass: overdue and solvency rules switched off (overdue max days 0, no solvency check for new
  customers): every rule and conformity check is evaluated and the order passes;
- warn: overdue rule on (30 days) and the new-customer solvency check on, both set to *warn*: the
  order is confirmed and the decision is logged (a check record and a chatter message).

Credit limit on (customer limit 1e12, not exceeded) and conformity check on, in both paths.
"Control absent": adv_order_control's overrides of sale.order ``action_confirm`` / ``create`` /
``write`` and sale.order.line ``create`` / ``write`` are replaced by plain calls to ``super()`` for
the measurement; every other module's overrides (other ADV addons included) still run.

Asserted figures (size real; exit status 1 when a target is missed): the admin user confirming
with a user's context (tracking on); each figure is the median of several rounds; pass path: at
most 6 added queries and a time ratio of at most 1.15; warn path: a ratio of at most 1.30; the
queries the control adds are the same at 2 000 and at 20 000 invoices. Also printed: the same as
superuser (with and without tracking), the queries the control adds on the pass path grouped by
the adv_order_control line that issues them, 200 orders confirmed in one call, and a history where
98 % of the invoices are paid. The bulk data is copied with SQL from one real posted invoice and
one real confirmed order; all is rolled back at the end.
"""

import collections
import contextlib
import gc
import linecache
import os
import re
import statistics
import sys
import threading
import time

from _harness import SIZES, clone_move, clone_rows, conclude, environment, parse_args, target

from odoo import SUPERUSER_ID, Command, api
from odoo.tools import SQL

ROUNDS = {"tiny": 3, "small": 5, "real": 11}
WARM_UP = {"tiny": 1, "small": 2, "real": 2}  # rounds each way before measuring
# path: (max queries added, max time ratio), asserted on the realistic actor at size real
TARGETS = {"pass": (6, 1.15), "warn": (None, 1.30)}
ASSERTED_ACTOR = "admin"
ADV_DIR = f"{os.sep}adv_order_control{os.sep}"
CREDIT_LOCK_SCOPE = "adv_order_control.credit"  # adv.lock scope of the credit control


def clone_order(env, order, count):
    clone_rows(env, order, count, children=("sale_order_line", "order_id", {}))


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


# ------------------------------------------------------------
# The control, absent
# ------------------------------------------------------------

CONTROL_METHODS = {
    "sale.order": ("action_confirm", "create", "write"),
    "sale.order.line": ("create", "write"),
}


def control_overrides(env):
    """The overrides that make the control: adv_order_control's classes of the registry's
    models defining ``CONTROL_METHODS``, whichever file holds them. Each is replaced by a plain
    call to super() while the baseline is measured: the registry's model classes inherit from
    these Python classes, so the patched attribute is what their MRO finds."""
    overrides = []
    for model, names in CONTROL_METHODS.items():
        for name in names:
            found = [
                (cls, name)
                for cls in type(env[model]).__mro__
                if cls.__module__.startswith("odoo.addons.adv_order_control.")
                and name in cls.__dict__
            ]
            assert found, f"adv_order_control does not override {model}.{name} any more"
            overrides += found
    return overrides


def _passthrough(cls, name):
    if name == "create":

        @api.model_create_multi
        def create(self, vals_list):
            return super(cls, self).create(vals_list)

        return create

    def method(self, *args, **kwargs):
        return getattr(super(cls, self), name)(*args, **kwargs)

    method.__name__ = name
    return method


@contextlib.contextmanager
def control_absent(env):
    saved = [(cls, name, cls.__dict__[name]) for cls, name in control_overrides(env)]
    try:
        for cls, name, _method in saved:
            setattr(cls, name, _passthrough(cls, name))
        yield
    finally:
        for cls, name, method in saved:
            setattr(cls, name, method)


# ------------------------------------------------------------
# Query log: which line of adv_order_control issued each query
# ------------------------------------------------------------

_SELECT_LIST = re.compile(r'^SELECT (?P<columns>.{60,}?) FROM (?P<table>"\w+")')


def _summary(query):
    """The query's text on one line, an ORM fetch's column list shortened."""
    text = " ".join(query.split())
    text = _SELECT_LIST.sub(r"SELECT <columns> FROM \g<table>", text)
    return text if len(text) <= 160 else text[:157] + "..."


def _origin(frame):
    """``(where, baseline)``: the innermost line of adv_order_control's own code on the stack,
    ``super()`` calls skipped. A query with no such line is the baseline's work, routed through
    the overrides' ``super()`` calls (or issued outside them)."""
    while frame is not None:
        filename = frame.f_code.co_filename
        if ADV_DIR in filename and f"{os.sep}tests{os.sep}" not in filename:
            line = linecache.getline(filename, frame.f_lineno).strip()
            if "super(" not in line:
                where = (
                    f"{os.path.basename(filename)}:{frame.f_lineno} {frame.f_code.co_name}: "
                    f"{line[:70]}"
                )
                return where, False
        frame = frame.f_back
    return "(baseline)", True


class QueryLog:
    def __init__(self):
        self.entries = []

    def _hook(self, cr, query, params, start, delay):
        if isinstance(query, bytes):
            query = query.decode()
        self.entries.append((_summary(query), *_origin(sys._getframe(1)), delay))

    @contextlib.contextmanager
    def record(self):
        thread = threading.current_thread()
        had = hasattr(thread, "query_hooks")
        hooks = thread.query_hooks if had else []
        thread.query_hooks = hooks
        hooks.append(self._hook)
        try:
            yield self
        finally:
            hooks.remove(self._hook)
            if not had:
                del thread.query_hooks

    def own(self):
        """The queries issued by the control's own code, grouped by issuing line."""
        groups = collections.defaultdict(list)
        for summary, where, baseline, delay in self.entries:
            if not baseline:
                groups[where].append((summary, delay))
        return groups

    def sql_ms(self):
        return sum(delay for *_rest, delay in self.entries) * 1000


def print_query_report(title, with_log, without_log):
    print(f"\n  {title}")
    print(
        f"    {len(with_log.entries)} queries with the control ({with_log.sql_ms():.1f} ms in "
        f"PostgreSQL), {len(without_log.entries)} without ({without_log.sql_ms():.1f} ms): "
        f"{len(with_log.entries) - len(without_log.entries):+d}"
    )
    own = with_log.own()
    own_ms = sum(delay for group in own.values() for _s, delay in group) * 1000
    print(
        f"    issued by adv_order_control's own code ({sum(map(len, own.values()))} queries, "
        f"{own_ms:.1f} ms in PostgreSQL), by the line that issues them:"
    )
    for where, group in own.items():
        print(f"      [{len(group)}] {where}")
        for summary, count in collections.Counter(s for s, _d in group).items():
            ms = sum(d for s, d in group if s == summary) * 1000
            print(f"          {count} x {ms:6.2f} ms  {summary}")
    with_count = collections.Counter(s for s, *_ in with_log.entries)
    without_count = collections.Counter(s for s, *_ in without_log.entries)
    added, removed = with_count - without_count, without_count - with_count
    print(
        f"    net difference by SQL text: {sum(added.values())} added, "
        f"{sum(removed.values())} no longer issued (read earlier by the control, or different)"
    )
    for summary, count in added.items():
        print(f"      + {count} x {summary}")
    for summary, count in removed.items():
        print(f"      - {count} x {summary}")


# ------------------------------------------------------------
# The benchmark
# ------------------------------------------------------------


def main():  # noqa: C901
    args = parse_args(__doc__)
    factor = SIZES[args.size]
    rounds = ROUNDS[args.size]
    n_small, n_big = max(int(2000 * factor), 20), max(int(20000 * factor), 200)
    n_orders, n_batch = max(int(2000 * factor), 20), max(int(200 * factor), 5)
    with environment(args) as env:
        company = env.company
        company.write(
            {
                "account_use_credit_limit": True,
                "adv_conformity_check": True,
                "adv_overdue_grace_days": 0,
                "adv_overdue_max_amount": 0.0,
                "adv_solvency_order_amount": 0.0,
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
        # Due on its date: 2026-01-10 is long overdue (and every copy with it).
        invoice = env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": customer.id,
                "invoice_date": "2026-01-10",
                "invoice_date_due": "2026-01-10",
                "invoice_line_ids": [
                    Command.create({"product_id": product.id, "price_unit": 100.0})
                ],
            }
        )
        invoice.action_post()

        admin = env.ref("base.user_admin")
        user_context = {
            "lang": admin.lang or "en_US",
            "tz": admin.tz or "UTC",
            "allowed_company_ids": [company.id],
        }
        # The realistic actor first: it is the one asserted.
        actors = {"admin": env(user=admin.id, context=dict(user_context, uid=admin.id))}
        if args.size != "tiny":  # CI runs tiny: the asserted actor only
            actors["superuser"] = env(
                user=SUPERUSER_ID, context=dict(user_context, uid=SUPERUSER_ID)
            )
            actors["su, tracking off"] = env

        def new_orders(actor_env, count):
            return actor_env["sale.order"].create(
                [
                    {
                        "partner_id": customer.id,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": product.id,
                                    "product_uom_qty": 2.0,
                                    "price_unit": 50.0,
                                }
                            )
                        ],
                    }
                    for _ in range(count)
                ]
            )

        template = new_orders(env, 1)
        template.action_confirm()
        clone_order(env, template, n_orders - 1)
        clone_move(env, invoice, n_small - 1)
        env.invalidate_all()

        def set_path(path):
            warn = path == "warn"
            company.write(
                {
                    "adv_overdue_max_days": 30 if warn else 0,
                    "adv_overdue_outcome": "warn",
                    "adv_solvency_new_customer": warn,
                    "adv_solvency_outcome": "warn",
                }
            )
            env.flush_all()

        # The control takes the customer's credit lock (adv_base's adv.lock): it touches the
        # customer's lock row. The row is removed before each confirmation (in this transaction,
        # rolled back at the end), so the row found after it tells whether the control ran.
        lock_row = SQL(
            "adv_lock WHERE scope = %s AND key = %s AND company_id = %s",
            CREDIT_LOCK_SCOPE,
            str(customer.id),
            company.id,
        )

        def clear_lock():
            env.flush_all()
            env.cr.execute(SQL("DELETE FROM %s", lock_row))

        def lock_taken():
            env.cr.execute(SQL("SELECT 1 FROM %s", lock_row))
            return bool(env.cr.fetchone())

        def check_outcome(order, path, with_control):
            """The confirmation did what it should: confirmed, a delivery, the control ran (or
            not) and logged its decision on the warn path only."""
            order = order.with_env(env)
            assert order.state == "sale", (path, with_control, order.state)
            assert order.picking_ids, "sale_stock made no delivery"
            ran = lock_taken()
            assert ran == with_control, "the control ran" if ran else "the control did not run"
            checks = env["adv.order.check"].search([("order_id", "=", order.id)])
            if with_control and path == "warn":
                rules = set(checks.line_ids.mapped("rule"))
                assert len(checks) == 1 and checks.outcome == "warn", checks.mapped("outcome")
                assert rules == {"overdue_days", "solvency_check"}, rules
                assert order.adv_credit_state == "warn", order.adv_credit_state
            else:
                assert not checks, (path, with_control, checks.line_ids.mapped("message"))

        def confirm(actor_env, path, with_control, log=None):
            """Time and queries of one confirmation of a fresh quotation (one line)."""
            order = new_orders(actor_env, 1)
            clear_lock()
            actor_env.flush_all()
            actor_env.invalidate_all()
            gc.collect()
            with contextlib.ExitStack() as stack:
                if not with_control:
                    stack.enter_context(control_absent(env))
                if log is not None:
                    stack.enter_context(log.record())
                queries = env.cr.sql_log_count
                start = time.perf_counter()
                order.action_confirm()
                actor_env.flush_all()
                elapsed = time.perf_counter() - start
                queries = env.cr.sql_log_count - queries
            check_outcome(order, path, with_control)
            return elapsed, queries

        def compare(actor_env, path, n_rounds=rounds):
            """Medians of ``n_rounds`` confirmations with and without, interleaved (ABBA)."""
            for with_control in (True, False) * WARM_UP[args.size]:
                confirm(actor_env, path, with_control)
            runs = {True: [], False: []}
            for i in range(n_rounds):
                for with_control in (True, False) if i % 2 == 0 else (False, True):
                    runs[with_control].append(confirm(actor_env, path, with_control))
            return {
                key: (
                    statistics.median(t for t, _q in values),
                    statistics.median(q for _t, q in values),
                    (min(q for _t, q in values), max(q for _t, q in values)),
                )
                for key, values in runs.items()
            }

        rows = []
        logs = {}
        for n_invoices in (n_small, n_big):
            if n_invoices == n_big:
                clone_move(env, invoice, n_big - n_small)
                env.invalidate_all()
            for path in ("pass", "warn"):
                set_path(path)
                for actor, actor_env in actors.items():
                    result = compare(actor_env, path)
                    rows.append((n_invoices, path, actor, result[True], result[False]))
                # Which queries: one more confirmation each way, logged (not timed).
                with_log, without_log = QueryLog(), QueryLog()
                confirm(actors[ASSERTED_ACTOR], path, True, with_log)
                confirm(actors[ASSERTED_ACTOR], path, False, without_log)
                logs[n_invoices, path] = (with_log, without_log)

        # 200 orders in one call (pass path, admin), with and without.
        set_path("pass")
        admin_env = actors[ASSERTED_ACTOR]
        batch_times = {}
        for with_control in (True, False):
            batch = new_orders(admin_env, n_batch)
            admin_env.flush_all()
            admin_env.invalidate_all()
            with contextlib.ExitStack() as stack:
                if not with_control:
                    stack.enter_context(control_absent(env))
                queries = env.cr.sql_log_count
                start = time.perf_counter()
                batch.action_confirm()
                admin_env.flush_all()
                batch_times[with_control] = (
                    time.perf_counter() - start,
                    env.cr.sql_log_count - queries,
                )
            assert set(batch.with_env(env).mapped("state")) == {"sale"}

        # A realistic history: 98 % of the invoices paid (pass path, admin).
        pay_history(env, customer, keep_open=n_big // 50)
        paid_history = compare(admin_env, "pass")

        # ---------------- report ----------------
        print(
            f"\nCredit control in one confirmation: a customer with {n_orders} confirmed orders "
            f"and {n_small} then {n_big} open overdue invoices; median of {rounds} rounds each "
            "way, interleaved"
        )
        header = (
            f"  {'invoices':>8}  {'path':<5} {'actor':<17} {'ms with':>8} {'ms without':>10} "
            f"{'ratio':>6} {'q with':>7} {'q without':>9} {'delta':>6}"
        )
        print(header)
        print("  " + "-" * (len(header) - 2))
        figures = {}
        for n_invoices, path, actor, (t_with, q_with, r_with), (t_without, q_without, r_wo) in rows:
            ratio = t_with / t_without
            delta = q_with - q_without
            figures[n_invoices, path, actor] = (ratio, delta)
            spread = (
                ""
                if r_with[0] == r_with[1] and r_wo[0] == r_wo[1]
                else (f"  (queries varied: {r_with[0]}-{r_with[1]} / {r_wo[0]}-{r_wo[1]})")
            )
            print(
                f"  {n_invoices:>8}  {path:<5} {actor:<17} {t_with * 1000:>8.1f} "
                f"{t_without * 1000:>10.1f} {ratio:>6.2f} {q_with:>7g} {q_without:>9g} "
                f"{delta:>+6g}{spread}"
            )
        descriptions = {
            "admin": "base.user_admin with a user's context, tracking on (asserted)",
            "superuser": "the same context, as superuser",
            "su, tracking off": "the harness environment (superuser, tracking_disable)",
        }
        for actor in actors:
            print(f"  {actor}: {descriptions[actor]}")
        (t_with, q_with, _r), (t_without, q_without, _r2) = paid_history[True], paid_history[False]
        print(
            f"\n  98 % of the {n_big} invoices paid (pass path, admin): {t_with * 1000:.1f} ms "
            f"with, {t_without * 1000:.1f} ms without: ratio {t_with / t_without:.2f}; "
            f"{q_with:g} / {q_without:g} queries ({q_with - q_without:+g})"
        )
        (t_with, q_with), (t_without, q_without) = batch_times[True], batch_times[False]
        print(
            f"  confirm {n_batch} orders in one call (pass path, admin): {t_with:.2f} s with the "
            f"control ({q_with} queries), {t_without:.2f} s without ({q_without} queries): "
            f"ratio {t_with / t_without:.2f}"
        )
        print_query_report(
            f"Queries of one confirmation, pass path, {n_big} invoices ({ASSERTED_ACTOR}):",
            *logs[n_big, "pass"],
        )
        warn_with, warn_without = logs[n_big, "warn"]
        own = warn_with.own()
        print(
            f"\n  Warn path, {n_big} invoices ({ASSERTED_ACTOR}): {len(warn_with.entries)} queries "
            f"with, {len(warn_without.entries)} without; by adv_order_control line:"
        )
        for where, group in own.items():
            ms = sum(d for _s, d in group) * 1000
            print(f"      [{len(group)}] {ms:6.2f} ms  {where}")

        # ---------------- targets ----------------
        missed = []
        for n_invoices in (n_small, n_big):
            for path, (max_queries, max_ratio) in TARGETS.items():
                ratio, delta = figures[n_invoices, path, ASSERTED_ACTOR]
                label = f"{path} path, {n_invoices} invoices"
                if max_queries is not None and not target(
                    f"{label}: queries added", delta, max_queries
                ):
                    missed.append(f"{label}: {delta:+g} queries (target at most {max_queries})")
                if not target(f"{label}: time ratio", round(ratio, 3), max_ratio):
                    missed.append(f"{label}: ratio {ratio:.3f} (target at most {max_ratio:.2f})")
        for path in TARGETS:
            small = figures[n_small, path, ASSERTED_ACTOR][1]
            big = figures[n_big, path, ASSERTED_ACTOR][1]
            if small != big:
                missed.append(
                    f"{path} path: the control adds {small:+g} queries at {n_small} invoices "
                    f"but {big:+g} at {n_big} (it must not depend on the volume)"
                )
        conclude(args.size, missed)


if __name__ == "__main__":
    main()
