# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""My Day through the UI, in French, on a desktop and on a phone: the top item is acted on in
at most 2 clicks or taps (open, done, snooze), each journey's budget asserted by the tour."""

from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import PhoneTourMixin


class MyDayTourCase(HttpCase):
    """A French ADV user's day: a 50 000 credit decision due today, seven show follow-ups 18
    days late, and a second activity on the first visitor (folded under its follow-up)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        user = new_test_user(
            cls.env,
            login="adv_my_day",
            name="Adèle Journée",
            lang="fr_FR",
            password="adv_my_day",
            groups="adv_base.group_user",
        )
        Type = cls.env["mail.activity.type"]
        decision = Type.create({"name": "Décision de crédit", "adv_priority_weight": 30})
        follow_up = Type.create({"name": "Relance salon", "adv_priority_weight": 10})
        today = fields.Date.context_today(cls.env.user)
        customer = cls.env["res.partner"].create({"name": "Carrelages Durand", "is_company": True})
        visitors = cls.env["res.partner"].create(
            [{"name": f"Visiteur {number}"} for number in range(1, 8)]
        )
        model_id = cls.env["ir.model"]._get_id("res.partner")

        def item(kind, partner, summary, due):
            return {
                "res_model_id": model_id,
                "res_id": partner.id,
                "activity_type_id": kind.id,
                "summary": summary,
                "user_id": user.id,
                "date_deadline": due,
            }

        Activity = cls.env["mail.activity"]
        Activity.create(
            [
                item(follow_up, visitor, "Envoyer un devis", today - timedelta(days=18))
                for visitor in visitors
            ]
        )
        # A second activity on the first visitor (one create per document and user: mail
        # subscribes the assignee once per call).
        Activity.create(item(follow_up, visitors[0], "Le visiteur attend toujours", today))
        release = Activity.create(
            item(decision, customer, "Libération de crédit : CMD-50000", today)
        )
        # The decision's stake, as an addon's _adv_day_stake gives it (a contact has none here).
        release.adv_stake = 50000.0


@tagged("post_install", "-at_install")
class TestMyDayTourDesktop(MyDayTourCase):
    def test_my_day_tour_desktop(self):
        self.start_tour("/odoo/adv-my-day", "adv_my_day_desktop", login="adv_my_day")


@tagged("post_install", "-at_install")
class TestMyDayTourPhone(PhoneTourMixin, MyDayTourCase):
    def test_my_day_tour_phone(self):
        self.start_tour("/odoo/adv-my-day", "adv_my_day_phone", login="adv_my_day")
