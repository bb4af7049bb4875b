# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import PhoneTourMixin

from .common import MANAGER, STAFF, new_show, show_user, tour_user


class TradeShowTourCase(HttpCase):
    """A running show staffed by a booth staff member and managed by a show manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = tour_user(cls.env, "ts_tour_staff", "Sam Tour", STAFF)
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.staff_fr = show_user(
            cls.env,
            "ts_tour_staff_fr",
            "Sophie Stand",
            STAFF,
            password="ts_tour_staff_fr",
            lang="fr_FR",
        )
        cls.manager = tour_user(cls.env, "ts_tour_manager", "Mona Tour", MANAGER)
        cls.show = new_show(
            cls.env,
            "Tour Show Paris",
            date_begin="2026-01-01",
            date_end="2099-12-31",
            country_id=cls.env.ref("base.fr").id,
            user_id=cls.manager.id,
            staff_ids=[Command.set((cls.staff | cls.staff_fr | cls.manager).ids)],
            state="running",
        )

    def capture_a_visitor(self, tour):
        """A French-speaking staff member captures an English-speaking visitor (tour
        ``tour``): the capture and its consent evidence are in the visitor's language, the
        chatter says why no thank-you e-mail left."""
        self.start_tour("/odoo/adv-show-visitors", tour, login="ts_tour_staff_fr")
        capture = self.env["adv.trade.show.capture"].search([("show_id", "=", self.show.id)])
        self.assertEqual(capture.name, "John Smith")
        self.assertEqual(capture.user_id, self.staff_fr)
        self.assertEqual((capture.temperature, capture.lang), ("hot", "en_US"))
        self.assertEqual(capture.phone_e164, "+442079460999")
        self.assertEqual(capture.state, "done")
        self.assertEqual(capture.lead_id.adv_show_id, self.show)
        self.assertEqual(capture.consent_ids.user_id, self.staff_fr)
        self.assertIn("Your contact details are recorded", capture.consent_ids.text_shown)
        told = capture.message_ids.filtered(lambda m: "remerciement" in (m.body or ""))
        self.assertIn("le visiteur n", told.body)  # "... n'en a accepté aucun", in French


@tagged("post_install", "-at_install")
class TestShowTourDesktop(TradeShowTourCase):
    def test_show_form(self):
        capture = self.env["adv.trade.show.capture"].create(
            {"show_id": self.show.id, "name": "Ann", "email": "ann@tour.example", "informed": True}
        )
        capture.action_process()
        self.start_tour("/odoo/adv-trade-shows", "adv_trade_show_form", login="ts_tour_manager")
        line = self.show.checklist_line_ids
        self.assertEqual(line.name, "Order the badges")
        self.assertEqual(line.user_id, self.manager)
        self.assertEqual(line.activity_ids.user_id, self.manager)


@tagged("post_install", "-at_install")
class TestCaptureTourDesktop(TradeShowTourCase):
    def test_capture_a_visitor_on_a_desktop_in_6_clicks(self):
        self.capture_a_visitor("adv_trade_show_capture_desktop")


@tagged("post_install", "-at_install")
class TestCaptureTourPhone(PhoneTourMixin, TradeShowTourCase):
    """Phone tours: they check the phone layout (burger menu, the thumb's Save & process button,
    the back arrow), so they fail if run at a desktop size (without ``PhoneTourMixin``)."""

    def test_capture_a_visitor_on_a_phone_in_6_taps(self):
        self.capture_a_visitor("adv_trade_show_capture_phone")

    def test_capture_without_the_notice_is_refused_on_a_phone(self):
        """Save & process without the privacy notice: the user reads why, and the draft keeps
        everything typed (saved before processing was refused), with nothing made from it."""
        self.start_tour(
            "/odoo/adv-show-visitors", "adv_trade_show_capture_refused", login="ts_tour_staff"
        )
        capture = self.env["adv.trade.show.capture"].search([("show_id", "=", self.show.id)])
        self.assertEqual(len(capture), 1)
        self.assertEqual(
            (capture.name, capture.company_name, capture.email, capture.temperature),
            ("Paula Hasty", "Hasty Tiles", "paula@hasty-tiles.example", "hot"),
        )
        self.assertEqual((capture.state, capture.informed), ("draft", False))
        self.assertEqual(capture.user_id, self.staff)
        self.assertFalse(capture.lead_id or capture.partner_id or capture.consent_ids)
        self.assertFalse(self.env["crm.lead"].search([("adv_show_id", "=", self.show.id)]))
