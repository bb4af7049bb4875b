# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What every benchmark script shares: arguments, an Odoo environment in a transaction that is
rolled back at the end (the database is left as it was), and timing with a printed table.

    python tests/benchmarks/bench_<x>.py --database DB --addons-path PATH [--size tiny|small|real]
"""

import argparse
import contextlib
import time

import odoo
from odoo.tools import config

SIZES = {"tiny": 0.01, "small": 0.1, "real": 1.0}


def parse_args(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--database", "-d", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--size", choices=sorted(SIZES), default="real")
    return parser.parse_args()


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


class Timer:
    """Collects named timings and prints them as one table."""

    def __init__(self, title):
        self.title = title
        self.rows = []

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
