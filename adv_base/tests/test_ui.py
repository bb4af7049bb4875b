# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .common import PhoneTourMixin, new_web_user


class SmokeTourCase(HttpCase):
    """An ADV user with a known activity in My day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tour_user = new_web_user(cls.env, "adv_tour", "Adèle ADV", "adv_base.group_user")
        partner = cls.env["res.partner"].create({"name": "Dupont Distribution"})
        cls.env["mail.activity"].create(
            {
                "res_model_id": cls.env["ir.model"]._get_id("res.partner"),
                "res_id": partner.id,
                "activity_type_id": cls.env.ref("mail.mail_activity_data_call").id,
                "summary": "Call back Dupont about the delivery",
                "user_id": cls.tour_user.id,
            }
        )


@tagged("post_install", "-at_install")
class TestAdvBaseTourDesktop(SmokeTourCase):
    def test_smoke_tour_desktop(self):
        self.start_tour("/odoo", "adv_base_smoke_desktop", login="adv_tour")


@tagged("post_install", "-at_install")
class TestAdvBaseTourPhone(PhoneTourMixin, SmokeTourCase):
    def test_smoke_tour_phone(self):
        self.start_tour("/odoo", "adv_base_smoke_phone", login="adv_tour")
