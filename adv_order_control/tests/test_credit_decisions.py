# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Credit decisions at hand (issue 19): one count of days overdue for the rules, the banner and
the check; the documents behind the figures; the salesperson's release request, with its
justification, asked once; every decision acknowledged; the guards proven over RPC."""

from datetime import date

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import RpcMixin, new_web_user

from ..tools.credit_rules import days_overdue
from .common import DelegationCommon

RELEASE_ACTIVITY = "adv_order_control.mail_activity_credit_release"


@tagged("post_install", "-at_install")
class TestDaysOverdue(DelegationCommon):
    def test_the_day_after_the_due_date_is_day_one(self):
        self.assertEqual(days_overdue(date(2026, 3, 1), date(2026, 3, 1)), 0)
        self.assertEqual(days_overdue(date(2026, 3, 1), date(2026, 3, 2)), 1)
        self.assertEqual(days_overdue(date(2026, 3, 1), date(2026, 2, 20)), 0)
        self.assertEqual(days_overdue(None, date(2026, 3, 2)), 0)

    def test_one_count_on_the_check_the_banner_and_the_rule(self):
        # Due 10 February, checked 13 March: day 31 (February has 28 days).
        with freeze_time("2026-03-13"):
            self.make_invoice(100.0, invoice_date="2026-01-10", invoice_date_due="2026-02-10")
            order, check = self.blocked(100.0)
            self.assertEqual(check.overdue_since, date(2026, 2, 10))
            self.assertEqual((check.overdue_days, check.overdue_days_today), (31, 31))
            self.assertIn("overdue by 31 days", check.reasons)
            self.assertIn("overdue by 31 days", order.adv_credit_message)
        # The next day the check keeps what it saw and counts today as the banner does.
        with freeze_time("2026-03-14"):
            check.invalidate_recordset()
            order.invalidate_recordset()
            self.assertEqual((check.overdue_days, check.overdue_days_today), (31, 32))
            self.assertIn("overdue by 32 days", order.adv_credit_message)

    def test_the_links_open_the_documents_behind_the_figures(self):
        with freeze_time("2026-03-13"):
            late = self.make_invoice(
                100.0, invoice_date="2026-01-10", invoice_date_due="2026-02-10"
            )
            self.make_invoice(100.0, invoice_date="2026-03-10", invoice_date_due="2026-04-10")
            _order, check = self.blocked(100.0)
            action = check.with_user(self.controller).action_view_overdue_invoices()
            invoices = self.env["account.move"].with_user(self.controller).search(action["domain"])
            self.assertEqual(invoices, late)
            self.assertEqual(check.overdue_amount, late.amount_residual)
            payments = check.with_user(self.controller).action_view_payments()
            self.assertEqual(payments["res_model"], "account.payment")
            self.assertIn(("partner_id", "child_of", self.customer.id), payments["domain"])


@tagged("post_install", "-at_install")
class TestDecisionsAcknowledged(DelegationCommon):
    def decide(self, check, decision, user, reason="Deposit received"):
        wizard = (
            self.env["adv.order.check.decision"]
            .with_user(user)
            .with_context(default_check_ids=check.ids, default_decision=decision)
            .create({"reason": reason})
        )
        return wizard, wizard.action_apply()

    def test_release_is_acknowledged_with_its_validity(self):
        order, check = self.blocked(9000.0)
        wizard, result = self.decide(check, "release", self.controller)
        self.assertEqual(wizard.expiry, check._default_expiry())  # shown filled in
        self.assertEqual(result["tag"], "display_notification")
        self.assertIn(order.name, result["params"]["message"])
        self.assertIn("released until", result["params"]["message"])
        self.assertEqual(check.state, "released")

    def test_refusal_is_acknowledged(self):
        order, check = self.blocked(9000.0)
        _wizard, result = self.decide(check, "refuse", self.controller, "Too risky")
        self.assertEqual(result["params"]["title"], "Refused")
        self.assertIn(order.name, result["params"]["message"])
        self.assertEqual(check.state, "refused")

    def test_escalation_is_acknowledged(self):
        _order, check = self.blocked(20000.0)  # over by 14 000: beyond 5 000
        _wizard, result = self.decide(check, "release", self.controller)
        self.assertEqual(result["params"]["type"], "warning")
        self.assertIn(self.director.name, result["params"]["message"])

    def test_the_approver_decides_on_the_order(self):
        order, check = self.blocked(9000.0)
        order = order.with_user(self.controller)
        self.assertEqual(order.adv_pending_outcome, "approval")
        action = order.action_adv_open_release()
        self.assertEqual(action["res_model"], "adv.order.check.decision")
        self.assertEqual(action["context"]["default_check_ids"], check.ids)

    def test_activity_summaries_speak_the_assignees_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["adv_order_control"], ["fr_FR"])
        self.controller.lang = "fr_FR"
        order = self.make_order(9000.0).with_user(self.salesman)  # English salesperson
        order.action_confirm()
        order._adv_request_release("Le client a viré un acompte")
        activity = order.sudo().activity_ids.filtered(lambda a: a.user_id == self.controller)
        self.assertEqual(activity.summary, f"Déblocage crédit : {order.name}")
        self.assertIn("Le client a viré un acompte", activity.note)
        self.assertIn("dépassement de", activity.note)  # the reasons too, in her language
        # The check's reasons: each reader in their language, whoever confirmed.
        check = order.sudo().adv_check_ids
        self.assertIn("over by", check.with_context(lang="en_US").reasons)
        self.assertIn("dépassement de", check.with_context(lang="fr_FR").reasons)


@tagged("post_install", "-at_install")
class TestReleaseRequest(DelegationCommon):
    def test_request_keeps_the_justification_and_shows_its_state(self):
        order = self.make_order(9000.0).with_user(self.salesman)
        order.action_confirm()
        self.assertFalse(order.adv_release_requested)
        result = order._adv_request_release("Deposit announced for Friday")
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(result["params"]["title"], "Release requested")
        check = order.sudo().adv_check_ids
        self.assertEqual(
            (check.request_user_id, check.request_note),
            (self.salesman, "Deposit announced for Friday"),
        )
        order.invalidate_recordset()
        self.assertTrue(order.adv_release_requested)
        self.assertIn("Release requested on", order.adv_release_request_info)
        self.assertIn(self.salesman.name, order.adv_release_request_info)
        posted = order.sudo().message_ids.filtered(
            lambda m: "Deposit announced for Friday" in (m.body or "")
        )
        self.assertEqual(len(posted), 1)
        self.assertIn(self.controller, order.sudo().activity_ids.user_id)
        # Decided: no request waits any more.
        check.with_user(self.controller).action_release("OK")
        order.invalidate_recordset()
        self.assertFalse(order.adv_release_requested)
        self.assertFalse(order.adv_pending_outcome)


@tagged("post_install", "-at_install")
class TestDecisionGuardsOverRpc(RpcMixin, DelegationCommon, HttpCase):
    """Each guard called as a remote client would; each test fails when its guard is removed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rpc_seller = new_web_user(
            cls.env,
            "oc_dec_seller",
            "Rémi Seller",
            "sales_team.group_sale_salesman,adv_base.group_user",
        )
        cls.rpc_controller = new_web_user(
            cls.env,
            "oc_dec_controller",
            "Rita Controller",
            "adv_order_control.group_credit_controller",
        )

    def blocked_for(self, user, amount=9000.0):
        order = self.make_order(amount, user_id=user.id)
        order.action_confirm()
        return order, order.adv_check_ids

    def test_release_and_refusal_need_a_reason(self):
        _order, check = self.blocked_for(self.rpc_seller)
        self.authenticate("oc_dec_controller", "oc_dec_controller")
        for method in ("action_release", "action_refuse"):
            self.assertRefusedCall(
                "ValidationError", "adv.order.check", method, check.ids, "  ", says="reason"
            )
        for decision in ("release", "refuse"):  # the dialog: the same guard behind it
            wizard = self.call(
                "adv.order.check.decision",
                "create",
                {"check_ids": [(6, 0, check.ids)], "decision": decision, "reason": "   "},
            )
            self.assertRefusedCall(
                "ValidationError", "adv.order.check.decision", "action_apply", [wizard]
            )
        self.assertEqual(check.state, "open")

    def test_a_salesperson_cannot_decide_from_her_order(self):
        order, check = self.blocked_for(self.rpc_seller)
        self.authenticate("oc_dec_seller", "oc_dec_seller")
        self.assertRefusedCall("AccessError", "sale.order", "action_adv_open_release", order.ids)
        self.assertRefusedCall(
            "AccessError", "adv.order.check", "action_release", check.ids, "Trust me"
        )
        self.assertEqual(check.state, "open")

    def test_request_needs_a_justification_and_is_made_once(self):
        order, check = self.blocked_for(self.rpc_seller)
        self.authenticate("oc_dec_seller", "oc_dec_seller")
        blank = self.call(
            "adv.release.request", "create", {"order_id": order.id, "justification": "  "}
        )
        self.assertRefusedCall(
            "ValidationError", "adv.release.request", "action_request", [blank], says="Say why"
        )
        self.assertFalse(check.request_date)
        wizard = self.call(
            "adv.release.request",
            "create",
            {"order_id": order.id, "justification": "Deposit announced"},
        )
        result = self.call("adv.release.request", "action_request", [wizard])
        self.assertEqual(result["params"]["title"], "Release requested")
        self.assertEqual(check.request_note, "Deposit announced")
        self.assertRefusedCall(
            "UserError", "sale.order", "action_adv_request_release", order.ids, says="already"
        )
        wizard = self.call(
            "adv.release.request", "create", {"order_id": order.id, "justification": "Again"}
        )
        self.assertRefusedCall(
            "UserError", "adv.release.request", "action_request", [wizard], says="already"
        )
        self.assertEqual(check.request_note, "Deposit announced")


@tagged("post_install", "-at_install")
class TestSalespersonMenus(DelegationCommon):
    def test_a_salesperson_sees_her_path_only(self):
        """A sales user without any ADV role: the Sales Administration app with My Day and her
        blocked orders, nothing that would answer with an access error."""
        seller = new_web_user(
            self.env, "oc_menu_seller", "Sam Seller", "sales_team.group_sale_salesman"
        )
        # Other addons may give her a page of theirs; none of the ADV roles' sections.
        seen = self.visible_menu_xmlids(seller, "adv_base")
        self.assertLessEqual({"adv_base.menu_root", "adv_base.my_day_menu"}, seen)
        self.assertFalse(
            seen
            & {"adv_base.menu_reporting", "adv_base.menu_config", "adv_base.customer_desk_menu"}
        )
        self.assertEqual(
            self.visible_menu_xmlids(seller, "adv_order_control"),
            {"adv_order_control.adv_order_check_menu_mine"},
        )
        # A credit controller keeps the worklist of every salesperson's blocked orders.
        self.assertIn(
            "adv_order_control.adv_order_check_menu",
            self.visible_menu_xmlids(self.controller, "adv_order_control"),
        )
