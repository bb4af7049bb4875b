# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Suite-wide pytest rules.

A skipped test is a failure here: Odoo skips browser tours (instead of failing them) when Chromium,
its DevTools connection or websocket-client is missing, and pytest-odoo skips HttpCase without
``--odoo-http``. A green run must mean that every test, tours included, really ran.
"""

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped tests are not allowed in this suite: {reason}"
