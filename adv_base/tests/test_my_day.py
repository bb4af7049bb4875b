# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""My Day: priority (deadline, stake and kind), partner and reason, one line per document,
snooze and open in place, the nightly recompute, French labels."""

import math
from datetime import date, timedelta

from freezegun import freeze_time
from lxml import etree

from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tools import day_priority

from .common import AdvCommon, RpcMixin, my_day, new_web_user

TODAY = date(2026, 12, 2)  # a Wednesday


class MyDayCommon(AdvCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Type = cls.env["mail.activity.type"]
        cls.decision = Type.create({"name": "Test decision", "adv_priority_weight": 30})
        cls.follow_up = Type.create({"name": "Test follow-up", "adv_priority_weight": 10})
        cls.plain = Type.create({"name": "Test plain", "adv_priority_weight": 0})
        cls.company_partner = cls.env["res.partner"].create(
            {"name": "Carrelages Durand", "is_company": True}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "Jeanne Durand", "parent_id": cls.company_partner.id}
        )

    def activity(self, kind, days_late=0, stake=0.0, partner=None, user=None, summary=None):
        """An activity of ``kind`` on ``partner`` (a new company by default) due ``days_late``
        days before TODAY, with ``stake`` (written as an addon's ``_adv_day_stake`` would give
        it: a contact has none in adv_base)."""
        partner = partner or self.env["res.partner"].create({"name": f"Doc {kind.name}"})
        activity = self.env["mail.activity"].create(
            {
                "res_model_id": self.env["ir.model"]._get_id("res.partner"),
                "res_id": partner.id,
                "activity_type_id": kind.id,
                "summary": summary,
                "user_id": (user or self.adv_user).id,
                "date_deadline": TODAY - timedelta(days=days_late),
            }
        )
        activity.adv_stake = stake
        activity.flush_recordset()  # its priority counts the days late from TODAY
        return activity


@tagged("post_install", "-at_install")
class TestMyDayPriority(MyDayCommon):
    def test_priority_is_the_documented_formula(self):
        with freeze_time(TODAY):
            release = self.activity(self.decision, days_late=0, stake=50000.0)
            follow_up = self.activity(self.follow_up, days_late=18, stake=2000.0)
            ahead = self.activity(self.plain, days_late=-3, stake=0.0)
        # 30 + 2 x 0 + 20 x log10(50 001); 10 + 2 x 14 (capped) + 20 x log10(2 001); 0 - 6 + 0
        self.assertEqual(release.adv_priority, round(30 + 20 * math.log10(50001), 1))
        self.assertEqual(release.adv_priority, 124.0)
        self.assertEqual(follow_up.adv_priority, 104.0)
        self.assertEqual(ahead.adv_priority, -6.0)

    def test_ranking_on_a_known_set(self):
        with freeze_time(TODAY):
            big_old = self.activity(self.follow_up, days_late=10, stake=40000.0)
            young_small = self.activity(self.follow_up, days_late=0, stake=300.0)
            late = self.activity(self.plain, days_late=3, stake=1000.0)
            on_time = self.activity(self.plain, days_late=0, stake=1000.0)
            not_yet = self.activity(self.plain, days_late=-3, stake=1000.0)
            weighty = self.activity(self.decision, days_late=0, stake=1000.0)
            very_late = self.activity(self.plain, days_late=40, stake=10.0)
            capped = self.activity(self.plain, days_late=14, stake=10.0)
            day = my_day(self.env, self.adv_user)
        order = [big_old, weighty, late, on_time, young_small, not_yet]
        self.assertEqual([a.id for a in day if a not in very_late | capped], [a.id for a in order])
        self.assertEqual([a.adv_priority for a in order], [122.0, 90.0, 66.0, 60.0, 59.6, 54.0])
        # Beyond the cap, being later adds nothing: the older one does not climb further.
        self.assertEqual(very_late.adv_priority, capped.adv_priority)

    def test_a_big_release_ranks_above_old_show_follow_ups(self):
        """The issue's day: seven 18-day-old follow-ups no longer sit above a 50 000 release."""
        with freeze_time(TODAY):
            for _i in range(7):
                self.activity(self.follow_up, days_late=18, stake=2000.0)
            release = self.activity(self.decision, days_late=0, stake=50000.0)
            day = my_day(self.env, self.adv_user)
        self.assertEqual(len(day), 8)
        self.assertEqual(day[0], release)

    def test_weights_and_stakes_move_the_priority(self):
        with freeze_time(TODAY):
            item = self.activity(self.plain, days_late=0, stake=999.0)
            self.assertEqual(item.adv_priority, 60.0)
            self.plain.adv_priority_weight = 25
            self.assertEqual(item.adv_priority, 85.0)
            item.adv_stake = 99999.0
            self.assertEqual(item.adv_priority, 125.0)

    def test_bad_parameters_fall_back_to_the_defaults(self):
        Param = self.env["ir.config_parameter"].sudo()
        Param.set_param("adv_base.my_day_day_points", "a lot")
        Param.set_param("adv_base.my_day_stake_points", "-3")
        Param.set_param("adv_base.my_day_late_cap_days", "30")
        with self.assertLogs("odoo.addons.adv_base.tools.day_priority", "WARNING") as logs:
            params = day_priority.read_params(self.env)
        self.assertEqual(len(logs.output), 2)
        self.assertEqual(params, day_priority.Params(2.0, 30.0, 20.0))


@tagged("post_install", "-at_install")
class TestMyDayCron(MyDayCommon):
    def test_the_nightly_cron_moves_priorities_with_the_date(self):
        with freeze_time(TODAY):
            items = (
                self.activity(self.follow_up, days_late=0, stake=2000.0)
                | self.activity(self.plain, days_late=-20, stake=0.0)
                | self.activity(self.decision, days_late=13, stake=123.45)
            )
        before = items.mapped("adv_priority")
        self.assertEqual(before, [76.0, -28.0, 97.9])
        Activity = self.env["mail.activity"]
        with freeze_time(TODAY + timedelta(days=5)):
            self.assertEqual(items.mapped("adv_priority"), before)  # stored until the night
            changed = Activity._cron_adv_day_priority()
            self.assertGreaterEqual(changed, 2)  # the third stays capped before its date
            after = items.mapped("adv_priority")
            # The SQL statement and the ORM's formula agree.
            params = day_priority.read_params(self.env)
            expected = [
                day_priority.score(
                    a.activity_type_id.adv_priority_weight, a.adv_stake, 5 + d, params
                )
                for a, d in zip(items, (0, -20, 13), strict=True)
            ]
            self.assertEqual(after, expected)
            self.assertEqual(after, [86.0, -28.0, 99.9])
            self.assertEqual(Activity._cron_adv_day_priority(), 0)  # nothing left to move

    def test_the_cron_is_one_statement(self):
        with freeze_time(TODAY):
            for days in range(20):
                self.activity(self.plain, days_late=days, stake=10.0 * days)
        self.env.flush_all()
        with freeze_time(TODAY + timedelta(days=1)), self.assertQueryCount(1):
            self.env["mail.activity"]._cron_adv_day_priority()


@tagged("post_install", "-at_install")
class TestMyDayLines(MyDayCommon):
    def test_one_line_per_document(self):
        document = self.env["res.partner"].create({"name": "Visitor lead"})
        with freeze_time(TODAY):
            first = self.activity(self.follow_up, days_late=2, partner=document)
            second = self.activity(self.follow_up, days_late=0, partner=document)
            other = self.activity(self.plain, days_late=0)
            theirs = self.activity(self.plain, partner=document, user=self.adv_manager)
            day = my_day(self.env, self.adv_user)
        self.assertEqual(day, first | other)
        me = self.adv_user
        self.assertEqual((first.adv_day_head_of, first.adv_day_more), (me, 1))
        self.assertEqual((second.adv_day_head_of.id, second.adv_day_more), (False, 1))
        self.assertEqual((other.adv_day_head_of, other.adv_day_more), (me, 0))
        self.assertEqual(theirs.adv_day_head_of, self.adv_manager)
        # A day is searched user by user: another user's heads are not in mine.
        Activity = self.env["mail.activity"]
        self.assertEqual(Activity.search([("adv_day_head_of", "=", me.id)]), first | other)
        self.assertIn(theirs, my_day(self.env, self.adv_manager))  # another user's day
        first.action_done()
        self.assertEqual(my_day(self.env, self.adv_user), second | other)

    def test_partner_and_reason(self):
        with freeze_time(TODAY):
            on_contact = self.activity(self.plain, partner=self.contact, summary="Call back")
            no_summary = self.activity(self.decision, partner=self.company_partner)
        self.assertEqual(on_contact.adv_partner_id, self.company_partner)
        self.assertEqual(on_contact.adv_reason, "Call back")
        self.assertEqual(no_summary.adv_reason, "Test decision")
        found = self.env["mail.activity"].search(
            [
                ("id", "in", my_day(self.env, self.adv_user).ids),
                ("adv_partner_id", "child_of", self.company_partner.id),
            ]
        )
        self.assertEqual(found, on_contact | no_summary)

    def test_snooze_and_open_in_place(self):
        with freeze_time(TODAY):
            late = self.activity(self.plain, days_late=3)
            later = self.activity(self.plain, days_late=-10)
            mine = (late | later).with_user(self.adv_user)
            mine.action_adv_snooze_tomorrow()
            self.assertEqual(late.date_deadline, TODAY + timedelta(days=1))
            self.assertEqual(later.date_deadline, TODAY + timedelta(days=11))
            late.with_user(self.adv_user).action_adv_snooze_next_week()
            self.assertEqual(late.date_deadline, date(2026, 12, 7))  # next Monday
            self.assertEqual(late.adv_priority, -10.0)
            action = late.with_user(self.adv_user).action_adv_day_open()
        self.assertEqual((action["res_model"], action["res_id"]), ("res.partner", late.res_id))

    def test_french_labels(self):
        """One French word for Done in the list and on the cards (Odoo's own: "Fait"), and
        My Day's own labels in French."""
        self.env["res.lang"]._activate_lang("fr_FR")
        Activity = self.env["mail.activity"].with_context(lang="fr_FR")
        archs = {}
        for view_type in ("list", "kanban", "search"):
            view = self.env.ref(f"adv_base.my_day_view_{view_type}")
            archs[view_type] = Activity.get_views([(view.id, view_type)])["views"][view_type]
        for view_type in ("list", "kanban"):
            arch = etree.fromstring(archs[view_type]["arch"])
            done = arch.xpath("//button[@name='action_done']")
            self.assertTrue(done)
            labels = {(b.get("string") or "".join(b.itertext())).strip() for b in done}
            self.assertEqual(labels, {"Fait"}, view_type)
        self.assertNotIn("Effectué", archs["kanban"]["arch"])
        self.assertIn("Avec un enjeu", archs["search"]["arch"])
        names = ["adv_stake", "adv_partner_id", "adv_reason", "adv_priority"]
        fields = Activity.fields_get(names, ["string"])
        self.assertEqual(
            [fields[name]["string"] for name in names], ["Enjeu", "Partenaire", "Motif", "Priorité"]
        )


@tagged("post_install", "-at_install")
class TestMyDayWeightsGuard(RpcMixin, HttpCase):
    """ADV administrators set the weights (Odoo lets only Settings administrators write
    activity types), and nothing else of an activity type: checked on the server."""

    def test_weight_only(self):
        new_web_user(self.env, "adv_weights", "Wanda Weights", "adv_base.group_manager")
        kind = self.env["mail.activity.type"].create({"name": "Weighed"})
        self.authenticate("adv_weights", "adv_weights")
        self.call("mail.activity.type", "write", [kind.id], {"adv_priority_weight": 40})
        kind.invalidate_recordset()
        self.assertEqual(kind.adv_priority_weight, 40)
        self.assertRefusedCall(
            "AccessError",
            "mail.activity.type",
            "write",
            [kind.id],
            {"name": "Renamed", "adv_priority_weight": 5},
            says="My Day weight",
        )
        kind.invalidate_recordset()
        self.assertEqual((kind.name, kind.adv_priority_weight), ("Weighed", 40))
