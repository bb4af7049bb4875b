# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import AdvCommon


@tagged("post_install", "-at_install")
class TestAdvBaseSecurity(AdvCommon):
    def test_manager_implies_user(self):
        self.assertTrue(self.adv_manager.has_group("adv_base.group_user"))
        self.assertFalse(self.adv_user.has_group("adv_base.group_manager"))
        self.assertFalse(self.internal_user.has_group("adv_base.group_user"))

    def test_app_menu_only_for_adv_users(self):
        self.assertIn("adv_base.my_day_menu", self.visible_menu_xmlids(self.adv_user))
        self.assertNotIn("adv_base.menu_root", self.visible_menu_xmlids(self.internal_user))

    def test_configuration_menu_only_for_managers(self):
        self.env["ir.ui.menu"].create(
            {
                "name": "Test setting",
                "parent_id": self.env.ref("adv_base.menu_config").id,
                "action": f"ir.actions.act_window,{self.env.ref('adv_base.my_day_action').id}",
            }
        )
        self.assertIn("adv_base.menu_config", self.visible_menu_xmlids(self.adv_manager))
        self.assertNotIn("adv_base.menu_config", self.visible_menu_xmlids(self.adv_user))

    def test_my_day_lists_only_my_activities(self):
        partner = self.env["res.partner"].create({"name": "Dupont Distribution"})
        mine, theirs = self.env["mail.activity"].create(
            [
                {
                    "res_model_id": self.env["ir.model"]._get_id("res.partner"),
                    "res_id": partner.id,
                    "activity_type_id": self.env.ref("mail.mail_activity_data_call").id,
                    "summary": summary,
                    "user_id": user.id,
                }
                for summary, user in (("Mine", self.adv_user), ("Theirs", self.adv_manager))
            ]
        )
        action = self.env.ref("adv_base.my_day_action")
        domain = safe_eval(action.domain, {"uid": self.adv_user.id})
        found = self.env["mail.activity"].with_user(self.adv_user).search(domain)
        self.assertIn(mine, found)
        self.assertNotIn(theirs, found)
