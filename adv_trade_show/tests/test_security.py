# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import MANAGER, TradeShowCommon, new_show, show_user


@tagged("post_install", "-at_install")
class TestSecurity(TradeShowCommon):
    def test_staff_see_their_shows_and_captures_only(self):
        mine = self.capture()
        theirs = self.capture(user=self.other_staff, show_id=self.other_show.id)
        Capture = self.env["adv.trade.show.capture"]
        self.assertEqual(Capture.with_user(self.staff).search([]), mine)
        self.assertEqual(Capture.with_user(self.other_staff).search([]), theirs)
        ours = [("show_id", "in", (self.show | self.other_show).ids)]
        self.assertEqual(Capture.with_user(self.show_manager).search(ours), mine | theirs)
        Show = self.env["adv.trade.show"]
        self.assertEqual(Show.with_user(self.staff).search([]), self.show)
        with self.assertRaises(AccessError):
            theirs.with_user(self.staff).read(["name"])

    def test_staff_have_no_budget_and_cannot_organise(self):
        with self.assertRaises(AccessError):
            self.env["adv.trade.show.budget"].with_user(self.staff).search([])
        with self.assertRaises(AccessError):
            self.env["adv.trade.show"].with_user(self.staff).create(
                {"name": "Mine", "date_begin": "2026-01-01", "date_end": "2026-01-02"}
            )
        with self.assertRaises(AccessError):
            self.show.with_user(self.staff).write({"booth": "X"})
        with self.assertRaises(AccessError):
            self.env["adv.trade.show.assign.rule"].with_user(self.staff).search([])
        # No accounting right comes with booth staff.
        self.assertFalse(self.staff.has_group("account.group_account_invoice"))
        self.assertNotIn("cost_per_lead", self.show.with_user(self.staff).fields_get())

    def test_staff_process_without_crm_rights(self):
        self.assertFalse(self.staff.has_group("sales_team.group_sale_salesman"))
        capture = self.capture()
        capture.action_process()
        self.assertTrue(capture.lead_id)
        self.assertEqual(capture.with_user(self.staff).lead_id.display_name, capture.lead_id.name)

    def test_processing_fields_are_not_set_by_hand(self):
        lead = self.env["crm.lead"].create({"name": "Someone else's lead"})
        with self.assertRaisesRegex(UserError, "set by processing"):
            self.capture(lead_id=lead.id)
        with self.assertRaisesRegex(UserError, "set by processing"):
            self.capture(state="done")
        draft = self.capture()
        with self.assertRaisesRegex(UserError, "set by processing"):
            draft.write({"partner_id": self.known_partner.id})
        draft.write({"need": "Typed later"})  # a draft stays editable
        draft.action_process()
        with self.assertRaisesRegex(UserError, "cannot be modified"):
            draft.write({"email": "changed@visitor.example"})

    def test_processed_capture_cannot_be_deleted_by_staff(self):
        draft = self.capture()
        draft.with_user(self.staff).unlink()
        done = self.capture()
        done.action_process()
        with self.assertRaisesRegex(UserError, "manager"):
            done.with_user(self.staff).unlink()

    def test_consent_is_read_only_evidence(self):
        capture = self.capture()
        capture.action_process()
        consent = capture.consent_ids
        with self.assertRaisesRegex(UserError, "cannot be modified"):
            consent.with_user(self.staff).write({"marketing_opt_in": True})
        with self.assertRaises(AccessError):
            self.env["adv.trade.show.consent"].with_user(self.staff).create(
                {
                    "show_id": self.show.id,
                    "purpose": "marketing",
                    "legal_basis": "consent",
                    "text_version": "x",
                    "text_shown": "x",
                    "user_id": self.staff.id,
                    "retention_date": "2030-01-01",
                }
            )
        with self.assertRaises(AccessError):
            consent.with_user(self.staff).unlink()

    def test_user_without_the_group_is_refused(self):
        for model in ("adv.trade.show", "adv.trade.show.capture", "adv.trade.show.consent"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.internal_user).search([])
        with self.assertRaises(AccessError):
            self.env["adv.trade.show.capture"].with_user(self.adv_user).create({"name": "x"})

    def test_multi_company(self):
        other_company = self.env["res.company"].create({"name": "Other Co"})
        boss = show_user(
            self.env,
            "ts_other_boss",
            "ts_other_boss",
            MANAGER,
            company_id=other_company.id,
            company_ids=[Command.set(other_company.ids)],
        )
        foreign = new_show(
            self.env,
            "Foreign show",
            date_begin="2026-01-01",
            date_end="2026-01-02",
            company_id=other_company.id,
        )
        self.capture()
        self.assertEqual(self.env["adv.trade.show"].with_user(boss).search([]), foreign)
        self.assertFalse(self.env["adv.trade.show.capture"].with_user(boss).search([]))
        self.assertNotIn(
            foreign, self.env["adv.trade.show"].with_user(self.show_manager).search([])
        )

    def test_menus(self):
        staff_menus = self.visible_menu_xmlids(self.staff, "adv_trade_show")
        self.assertIn("adv_trade_show.adv_trade_show_capture_menu", staff_menus)
        self.assertNotIn("adv_trade_show.adv_trade_show_results_menu", staff_menus)
        manager_menus = self.visible_menu_xmlids(self.show_manager, "adv_trade_show")
        self.assertIn("adv_trade_show.adv_trade_show_results_menu", manager_menus)
        self.assertFalse(self.visible_menu_xmlids(self.internal_user, "adv_trade_show"))
