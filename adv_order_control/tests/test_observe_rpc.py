# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Observe mode is no way around the control: only an ADV administrator switches it, whatever
the caller writes over RPC (the company itself or the settings screen)."""

from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import RpcMixin, new_web_user

from .common import OrderControlCommon

GUARD = "Only a Sales Administration administrator can switch the order control"


@tagged("post_install", "-at_install")
class TestObserveModeOverRpc(RpcMixin, OrderControlCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plain = new_web_user(cls.env, "oc_obs_plain", "Paul Plain", "adv_base.group_user")
        # May write companies and open the settings, but is no ADV administrator.
        cls.it_admin = new_web_user(
            cls.env,
            "oc_obs_it",
            "Ingrid IT",
            "base.group_system,sales_team.group_sale_manager,adv_base.group_user",
        )
        cls.director = new_web_user(
            cls.env,
            "oc_obs_director",
            "Diane Director",
            "base.group_system,sales_team.group_sale_manager,adv_base.group_manager",
        )

    def mode(self):
        self.company.invalidate_recordset(["adv_order_control_mode"])
        return self.company.adv_order_control_mode

    def settings_switch(self, mode):
        """The settings screen's Save: create the settings record, then execute it."""
        context = {"allowed_company_ids": [self.company.id]}
        response = self.rpc(
            "res.config.settings", "create", {"adv_order_control_mode": mode}, context=context
        )
        if "error" in response:
            return response
        return self.rpc("res.config.settings", "execute", [response["result"]], context=context)

    def test_a_plain_adv_user_cannot_switch_it(self):
        self.authenticate("oc_obs_plain", "oc_obs_plain")
        self.assertRefusedCall(
            "AccessError",
            "res.company",
            "write",
            [self.company.id],
            {"adv_order_control_mode": "observe"},
        )
        self.assertEqual(self.mode(), "enforce")

    def test_a_settings_administrator_who_is_no_adv_administrator_cannot_switch_it(self):
        self.authenticate("oc_obs_it", "oc_obs_it")
        self.assertRefusedCall(
            "AccessError",
            "res.company",
            "write",
            [self.company.id],
            {"adv_order_control_mode": "observe"},
            says=GUARD,
        )
        response = self.settings_switch("observe")
        self.assertIn("error", response)
        self.assertIn(GUARD, response["error"]["data"]["message"])
        self.assertEqual(self.mode(), "enforce")
        # The other settings stay theirs to change, the mode written unchanged included.
        self.call(
            "res.company",
            "write",
            [self.company.id],
            {"adv_overdue_max_days": 45, "adv_order_control_mode": "enforce"},
        )
        self.assertNotIn("error", self.settings_switch("enforce"))

    def test_an_adv_administrator_switches_it_and_the_switch_is_logged(self):
        self.authenticate("oc_obs_director", "oc_obs_director")
        response = self.settings_switch("observe")
        self.assertNotIn("error", response, response.get("error"))
        self.assertEqual(self.mode(), "observe")
        note = self.company.partner_id.message_ids[:1]
        self.assertIn("Observe only", note.body)
        self.assertIn("Diane Director", note.body)
