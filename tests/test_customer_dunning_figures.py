# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A customer's dunning figures (level, overdue, notices) asked over JSON-RPC by each role: read by
those who sell to the customer or invoice them, refused to booth staff, a plain employee and the
customer's own portal user. Removing the fields' ``groups`` makes these tests fail."""

import json

from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import new_web_user

FIGURES = [
    "adv_dunning_level_id",
    "adv_dunning_overdue",
    "adv_dunning_currency_id",
    "adv_dunning_notice_ids",
    "adv_dunning_notice_count",
]


@tagged("post_install", "-at_install")
class TestDunningFiguresOverRpc(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Figures SARL", "is_company": True})
        users = {
            "dun_fig_booth": "adv_base.group_user",
            "dun_fig_employee": "base.group_user",
            "dun_fig_portal": "base.group_portal",
            "dun_fig_seller": "sales_team.group_sale_salesman",
            "dun_fig_collector": "adv_dunning.group_collector",
        }
        for login, groups in users.items():
            new_web_user(cls.env, login, login, groups)
        cls.env["res.users"].search(
            [("login", "=", "dun_fig_portal")]
        ).partner_id.parent_id = cls.customer

    def _read(self, login, fields):
        self.authenticate(login, login)
        return self.url_open(
            "/web/dataset/call_kw/res.partner/read",
            data=json.dumps(
                {
                    "params": {
                        "model": "res.partner",
                        "method": "read",
                        "args": [self.customer.ids, fields],
                        "kwargs": {},
                    }
                }
            ),
            headers={"Content-Type": "application/json"},
        ).json()

    def test_sellers_and_collectors_read_them(self):
        for login in ("dun_fig_seller", "dun_fig_collector"):
            with self.subTest(login=login):
                response = self._read(login, FIGURES)
                self.assertIn("result", response, response)
                self.assertEqual(response["result"][0]["adv_dunning_notice_count"], 0)

    def test_others_do_not(self):
        for login in ("dun_fig_booth", "dun_fig_employee", "dun_fig_portal"):
            self.assertIn("result", self._read(login, ["name"]))
            for field in FIGURES:
                with self.subTest(login=login, field=field):
                    response = self._read(login, [field])
                    self.assertIn("error", response, response)
                    self.assertEqual(
                        response["error"]["data"]["name"], "odoo.exceptions.AccessError"
                    )
