# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.adv_base.tests.common import AdvCommon


@tagged("post_install", "-at_install")
class TestInstall(AdvCommon):
    def test_dependencies_installed(self):
        states = dict(
            self.env["ir.module.module"]
            .search([("name", "in", ["adv_base", "sale_stock", "account", "stock_delivery"])])
            .mapped(lambda m: (m.name, m.state))
        )
        self.assertEqual(
            states,
            dict.fromkeys(["adv_base", "sale_stock", "account", "stock_delivery"], "installed"),
        )

    def test_group_sits_between_adv_user_and_manager(self):
        group = self.env.ref("adv_claims.group_claim_handler")
        self.assertIn(self.env.ref("adv_base.group_user"), group.implied_ids)
        self.assertIn(group, self.env.ref("adv_base.group_manager").trans_implied_ids)
        self.assertTrue(self.adv_manager.has_group("adv_claims.group_claim_handler"))
        self.assertFalse(self.adv_user.has_group("adv_claims.group_claim_handler"))
