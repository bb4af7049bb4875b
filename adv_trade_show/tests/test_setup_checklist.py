# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.adv_base.tests.common import AdvCommon, SetupChecklistMixin


@tagged("post_install", "-at_install")
class TestTradeShowSetupSteps(SetupChecklistMixin, AdvCommon):
    def test_privacy_notice(self):
        nobody = self.env["res.partner"]
        Notice = self.env["adv.trade.show.consent.text"]
        Notice.search([]).active = False
        self.assertEqual(self.checklist(nobody)["privacy_notice"]["state"], "todo")
        Notice.create(
            {"name": "v1", "body": "Vos données...", "marketing_body": "J'accepte les e-mails."}
        )
        self.assertEqual(self.checklist(nobody)["privacy_notice"]["state"], "done")
