# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.adv_base.tests.common import PhoneTourMixin

from .common import new_collector, post_invoice


class DunningTourCase(HttpCase):
    """A collector and a customer whose invoice is 35 days overdue (the phone-call level)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.collector = new_collector(cls.env, "dun_tour", password="dun_tour")
        cls.customer = cls.env["res.partner"].create(
            {"name": "Tour Customer Carrelage", "is_company": True, "phone": "+33 4 72 00 00 00"}
        )
        # one day for the set-up, the run and the screen (each counts in its user's time zone:
        # late in the evening in UTC, Paris is already tomorrow)
        cls.collector.tz = "UTC"
        today = fields.Date.today()
        post_invoice(
            cls.env,
            cls.customer,
            1500.0,
            today - timedelta(days=35),
            today - timedelta(days=65),
        )


class CallsTourCase(DunningTourCase):
    """Today's calls of a French-speaking collector: the tour customer (its invoicing contact
    to ask for) and a customer who promised to pay since the notices were sent."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        new_test_user(
            cls.env,
            login="dun_tour_fr",
            password="dun_tour_fr",
            lang="fr_FR",
            tz="UTC",
            groups="adv_dunning.group_collector",
        )
        cls.env["res.partner"].create(
            {
                "name": "Claire Compta",
                "parent_id": cls.customer.id,
                "type": "invoice",
                "phone": "+33 4 72 11 22 33",
            }
        )
        cls.promised = cls.env["res.partner"].create(
            {"name": "Client Promesse", "is_company": True, "phone": "+33 4 72 99 99 99"}
        )
        today = fields.Date.today()
        post_invoice(
            cls.env, cls.promised, 900.0, today - timedelta(days=35), today - timedelta(days=65)
        )

    def record_a_promise(self, tour):
        run = self.env["adv.dunning.run"].with_user(self.collector).create({})
        run.action_compute()
        run.action_send()
        # the database's own data (the demo's customers) may add calls of their own
        calls = run.notice_ids.filtered("adv_call_due").partner_id
        self.assertEqual(
            calls & (self.customer | self.promised),
            self.customer | self.promised,
            calls.mapped("name"),
        )
        self.env["adv.dunning.promise"].create(
            {"partner_id": self.promised.id, "amount": 900.0, "date": "2099-12-01"}
        )
        self.start_tour("/odoo/adv-dunning-calls", tour, login="dun_tour_fr")
        promise = self.env["adv.dunning.promise"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(promise.amount, 1500.0)
        self.assertEqual(str(promise.date), "2099-12-31")


@tagged("post_install", "-at_install")
class TestDunningTourDesktop(DunningTourCase):
    def test_preview_and_send_a_run(self):
        self.start_tour("/odoo/adv-dunning-runs", "adv_dunning_send_desktop", login="dun_tour")
        run = self.env["adv.dunning.run"].search([("user_id", "=", self.collector.id)])
        self.assertEqual(run.state, "done")
        notice = run.notice_ids.filtered(lambda n: n.partner_id == self.customer)
        self.assertEqual((notice.state, notice.level_id.name), ("sent", "Phone call"))


@tagged("post_install", "-at_install")
class TestDunningTourPhone(PhoneTourMixin, DunningTourCase):
    def test_preview_a_run_on_a_phone(self):
        self.start_tour("/odoo/adv-dunning-runs", "adv_dunning_preview_phone", login="dun_tour")
        self.assertTrue(self.env["adv.dunning.run"].search([("user_id", "=", self.collector.id)]))


@tagged("post_install", "-at_install")
class TestCallsTourDesktop(CallsTourCase):
    def test_record_a_promise_from_todays_calls_in_4_clicks(self):
        self.record_a_promise("adv_dunning_calls_desktop")


@tagged("post_install", "-at_install")
class TestCallsTourPhone(PhoneTourMixin, CallsTourCase):
    def test_record_a_promise_from_todays_calls_in_4_taps(self):
        self.record_a_promise("adv_dunning_calls_phone")
