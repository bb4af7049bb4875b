# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What every benchmark script shares: arguments, an Odoo environment in a transaction that is
rolled back at the end (the database is left as it was), timing with a printed table, and bulk
copies of real records with SQL.

    python tests/benchmarks/bench_<x>.py --database DB --addons-path PATH [--size tiny|small|real]
        [--json FILE]

Every run writes its figures (each timer's rows, the named figures, the targets and whether they
were met) to a JSON file, by default ``tests/benchmarks/results/<bench>-<size>-<time>.json``, so
that two runs can be compared.
"""

import argparse
import contextlib
import datetime
import json
import random
import string
import sys
import time
from pathlib import Path

import odoo
from odoo.tools import SQL, config

SIZES = {"tiny": 0.01, "small": 0.1, "real": 1.0}
RESULTS_DIR = Path(__file__).resolve().parent / "results"

# What this run measured, written as JSON when the environment closes.
_RUN = {"timers": [], "figures": {}, "targets": []}


def parse_args(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--database", "-d", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--size", choices=sorted(SIZES), default="real")
    parser.add_argument("--json", help="where to write the figures (default: results/)")
    return parser.parse_args()


def figure(name, value):
    """Record a named figure of this run (written to the JSON file)."""
    _RUN["figures"][name] = value


def target(label, value, limit):
    """Record a target: ``value`` must be at most ``limit``; return whether it is met."""
    met = value <= limit
    _RUN["targets"].append({"target": label, "value": value, "limit": limit, "met": met})
    return met


def _write_results(args):
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    bench = Path(sys.argv[0]).stem
    path = Path(args.json) if args.json else RESULTS_DIR / f"{bench}-{args.size}-{stamp}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    timings = [
        {"table": timer.title, "label": label, "ms": round(elapsed * 1000, 3), "queries": queries}
        for timer in _RUN["timers"]
        for label, elapsed, queries in timer.rows
    ]
    result = {"benchmark": bench, "size": args.size, "at": stamp, "timings": timings}
    result |= {"figures": _RUN["figures"], "targets": _RUN["targets"]}
    path.write_text(json.dumps(result, indent=1, default=str))
    print(f"\nFigures written to {path}")


@contextlib.contextmanager
def environment(args):
    """An environment as superuser on ``args.database``; everything is rolled back at exit."""
    config.parse_config(
        ["-d", args.database, "--addons-path", args.addons_path, "--log-level=warn"]
    )
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        try:
            yield env
        finally:
            cr.rollback()
            _write_results(args)


class Timer:
    """Collects named timings and prints them as one table."""

    def __init__(self, title):
        self.title = title
        self.rows = []
        _RUN["timers"].append(self)

    @contextlib.contextmanager
    def measure(self, label, env=None):
        if env is not None:
            env.flush_all()
            env.invalidate_all()
        queries_before = env.cr.sql_log_count if env is not None else 0
        start = time.perf_counter()
        yield
        if env is not None:
            env.flush_all()
        elapsed = time.perf_counter() - start
        queries = env.cr.sql_log_count - queries_before if env is not None else 0
        self.rows.append((label, elapsed, queries))

    def print(self):
        print(f"\n{self.title}")
        for label, elapsed, queries in self.rows:
            print(f"  {label:<55} {elapsed * 1000:>9.1f} ms  {queries:>5} queries")


# ----------------------------------------------------------------------
# Bulk data: copies of one real record (and its lines) in one statement
# ----------------------------------------------------------------------


def columns(env, table, skip=()):
    """The columns of ``table`` but ``skip``."""
    env.cr.execute(
        SQL("SELECT column_name FROM information_schema.columns WHERE table_name = %s", table)
    )
    return [c for (c,) in env.cr.fetchall() if c not in skip]


def letters_tag():
    """A random tag of letters only: a digit in a copied invoice's number could be read by
    Odoo's sequence mixin as a year, and the journal's next invoice would then be refused."""
    return "".join(random.choices(string.ascii_uppercase, k=10))


def _column_list(names, alias=None):
    return SQL(", ").join(SQL.identifier(alias, c) if alias else SQL.identifier(c) for c in names)


def clone_rows(env, record, count, values=None, start=1, children=None):
    """``count`` copies of ``record``'s row, numbered ``g`` from ``start``, in one statement.

    ``values``: ``{column: SQL}`` computed for each copy from the copied row and ``g``.
    ``children``: ``(table, foreign key, {column: SQL})``: each copy also gets a copy of the rows
    of ``table`` linked to ``record``; the SQL reads the copied child row ``c`` and the new
    parent ``p`` (its ``id`` and the columns of ``values``).
    """
    env.flush_all()
    table, values = record._table, values or {}
    kept = columns(env, table, {"id", *values})
    insert = SQL(
        "INSERT INTO %s (%s) SELECT %s FROM %s, generate_series(%s, %s) g WHERE id = %s",
        SQL.identifier(table),
        _column_list([*kept, *values]),
        SQL(", ").join([_column_list(kept), *values.values()]),
        SQL.identifier(table),
        start,
        start + count - 1,
        record.id,
    )
    if not children:
        env.cr.execute(insert)
        return
    child_table, key, child_values = children
    child_values = {key: SQL("p.id"), **child_values}
    child_kept = columns(env, child_table, {"id", *child_values})
    env.cr.execute(
        SQL(
            "WITH p AS (%s RETURNING %s) INSERT INTO %s (%s) SELECT %s FROM %s c, p WHERE %s = %s",
            insert,
            _column_list(["id", *values]),
            SQL.identifier(child_table),
            _column_list([*child_kept, *child_values]),
            SQL(", ").join([_column_list(child_kept, "c"), *child_values.values()]),
            SQL.identifier(child_table),
            SQL.identifier("c", key),
            record.id,
        )
    )


def clone_move(env, move, count):
    """``count`` copies of the posted ``move`` and its lines, in one statement (names of a
    sequence of their own, so that later invoices number as usual)."""
    tag = letters_tag()
    clone_rows(
        env,
        move,
        count,
        {
            "name": SQL("'BENCH/' || %s || '/' || g", tag),
            "sequence_prefix": SQL("'BENCH/' || %s || '/'", tag),
            "sequence_number": SQL("g"),
        },
        children=("account_move_line", "move_id", {"move_name": SQL("p.name")}),
    )


def results_path(args):
    """Fix the JSON file of this run now (``args.json``, default ``results/<bench>-<size>-<time>
    .json``), so that a benchmark measuring more after :func:`environment` writes to the same
    file again with :func:`write_results`."""
    if not args.json:
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        args.json = str(RESULTS_DIR / f"{Path(sys.argv[0]).stem}-{args.size}-{stamp}.json")
    return Path(args.json)


def write_results(args):
    """(Re)write the JSON file of this run with everything recorded so far."""
    _write_results(args)


def conclude(size, missed):
    """End a benchmark: at size real, exit non-zero when a target was ``missed``."""
    print()
    if size != "real":
        print(f"Targets are asserted at size real only (size {size}: figures only).")
        for line in missed:
            print(f"  (would miss) {line}")
        return
    if missed:
        for line in missed:
            print(f"TARGET MISSED: {line}")
        raise SystemExit(1)
    print("All targets met.")
