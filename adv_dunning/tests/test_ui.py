# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, new_test_user, tagged


class DunningTourCase(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new_test_user(
            cls.env,
            login="dun_tour",
            password="dun_tour",
            lang="en_US",
            groups="adv_dunning.group_collector",
        )


@tagged("post_install", "-at_install")
class TestDunningTourDesktop(DunningTourCase):
    def test_preview_a_run(self):
        self.start_tour("/odoo/adv-dunning-runs", "adv_dunning_preview", login="dun_tour")
        self.assertTrue(self.env["adv.dunning.run"].search([("user_id.login", "=", "dun_tour")]))


@tagged("post_install", "-at_install")
class TestDunningTourPhone(DunningTourCase):
    browser_size = "375x667"
    touch_enabled = True

    def test_preview_a_run_on_a_phone(self):
        self.start_tour("/odoo/adv-dunning-runs", "adv_dunning_preview", login="dun_tour")
        self.assertTrue(self.env["adv.dunning.run"].search([("user_id.login", "=", "dun_tour")]))
