# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The ADV dashboards (Dashboards app > Sales Administration) as a whole: the committed files are
what ``scripts/make_dashboards.py`` writes, and every figure's data request runs on the
database with the fields it names."""

import importlib.util
import json
from pathlib import Path

from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from odoo.addons.adv_base.tools.dashboard_requests import dashboard_requests

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location(
        "make_dashboards", ROOT / "scripts" / "make_dashboards.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_dashboards_are_the_generator_output():
    generator = _generator()
    dashboards = generator.dashboards()
    assert dashboards
    stale = [
        str(d.path.relative_to(ROOT))
        for d in dashboards
        if not d.path.is_file() or d.path.read_text() != generator.render(d)
    ]
    assert not stale, "run scripts/make_dashboards.py: " + ", ".join(stale)


def test_every_dashboard_has_the_four_global_filters():
    for dashboard in _generator().dashboards():
        snapshot = json.loads(dashboard.path.read_text())
        labels = [f["label"] for f in snapshot["globalFilters"]]
        assert labels == ["Period", "Company", "Salesperson", "Sales Team"], dashboard.name


@tagged("post_install", "-at_install")
class TestDashboardRequests(TransactionCase):
    def adv_dashboards(self):
        data = self.env["ir.model.data"].search(
            [("model", "=", "spreadsheet.dashboard"), ("module", "=like", "adv_%")]
        )
        return self.env["spreadsheet.dashboard"].browse(data.mapped("res_id"))

    def test_dashboards_are_published_in_their_section(self):
        dashboards = self.adv_dashboards()
        self.assertTrue(dashboards)
        group = self.env.ref("adv_base.dashboard_group_adv")
        self.assertEqual(dashboards.dashboard_group_id, group)
        self.assertTrue(all(dashboards.mapped("is_published")))

    def test_every_request_names_real_fields_and_runs(self):
        """Each pivot and chart reads fields that exist (a renamed field would show an error in
        the figure, not fail an install), and its grouped read runs."""
        for dashboard in self.adv_dashboards():
            for request in dashboard_requests(dashboard.spreadsheet_data):
                model = self.env[request.model]
                names = [g.split(":")[0] for g in request.groupby]
                names += [m for m in request.measures if m != "__count"]
                names += [chain.split(".")[0] for chain, __ in request.matching.values()]
                missing = [n for n in names if n not in model._fields]
                self.assertFalse(missing, f"{dashboard.name} / {request.label}: {missing}")
                self.assertIsInstance(request.run(self.env), list, request.label)
