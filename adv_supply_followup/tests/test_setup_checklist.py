# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.adv_base.tests.common import AdvCommon, SetupChecklistMixin


@tagged("post_install", "-at_install")
class TestSupplySetupSteps(SetupChecklistMixin, AdvCommon):
    def test_chase_levels(self):
        nobody = self.env["res.partner"]
        company = self.env.company
        Level = self.env["adv.supply.chase.level"]
        Level.search([("company_id", "in", [False, company.id])]).active = False
        self.assertEqual(self.checklist(nobody)["chase_levels"]["state"], "todo")
        Level.create(
            {"name": "Relance", "kind": "late_receipt", "delay_days": 1, "company_id": company.id}
        )
        self.assertEqual(self.checklist(nobody)["chase_levels"]["state"], "done")
