# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A confirmation refused through ``write``/``create`` raises: what must survive the rollback.

``write({'state': 'sale'})`` (RPC, import) raises a ``UserError``, which rolls its transaction
back; the block record, its chatter log and the controllers' activities are committed through a
cursor of their own before that. To see it, the order must exist outside the refused transaction:
the fixtures are committed through real cursors (the test's own cursor has an older snapshot and
cannot see them), each step runs in a fresh cursor, and everything committed is removed at the end.
"""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.adv_base.tests.common import CommittedCase, new_english_user

RELEASE_ACTIVITY = "adv_order_control.mail_activity_credit_release"


def control_label(order):
    """The words "Credit control" as the order's chatter says them: its company's language."""
    return order._adv_log_env()._("Credit control: %(outcome)s.", outcome="").split(":")[0]


@tagged("post_install", "-at_install")
class TestRefusalIsKept(CommittedCase):
    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            company = env["res.company"].search([], order="id", limit=1)
            fields_ = ("account_use_credit_limit", "adv_conformity_check")
            was = {f: company[f] for f in fields_}
            company.write({"account_use_credit_limit": True, "adv_conformity_check": False})
            salesman = new_english_user(
                env,
                "oc_kept_salesman",
                "Kept Salesman",
                "sales_team.group_sale_salesman,adv_base.group_user",
                company_id=company.id,
            )
            controller = new_english_user(
                env,
                "oc_kept_controller",
                "Kept Controller",
                "adv_order_control.group_credit_controller",
                company_id=company.id,
            )
            product = env["product.product"].create(
                {"name": "Kept test service", "type": "service", "taxes_id": [Command.clear()]}
            )
            partner = env["res.partner"].create({"name": "Kept Customer", "is_company": True})
            partner.with_company(company).credit_limit = 100.0
            order = env["sale.order"].create(
                {
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "user_id": salesman.id,
                    "order_line": [
                        Command.create(
                            {"product_id": product.id, "price_unit": 500.0, "tax_id": []}
                        )
                    ],
                }
            )
        self.company_id, self.partner_id, self.order_id = company.id, partner.id, order.id
        self.salesman_id, self.controller_id = salesman.id, controller.id
        self.addCleanup(
            self._remove, company.id, was, partner.id, product.id, (salesman | controller).ids
        )

    def _remove(self, company_id, was, partner_id, product_id, user_ids):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            orders = env["sale.order"].search([("partner_id", "child_of", partner_id)])
            orders.filtered(lambda o: o.state == "sale")._action_cancel()
            orders.activity_ids.unlink()
            orders.unlink()  # with their checks (cascade), messages and followers
            env["adv.lock"].search(
                [("scope", "=", "adv_order_control.credit"), ("key", "=", str(partner_id))]
            ).unlink()
            env["res.partner"].browse(partner_id).unlink()
            env["product.product"].browse(product_id).product_tmpl_id.unlink()
            users = env["res.users"].browse(user_ids)
            partners = users.partner_id
            users.unlink()
            partners.unlink()
            env["res.company"].browse(company_id).write(was)

    def _refused_write(self, context=None, **vals):
        """``write`` state 'sale' as the salesperson over RPC would: assert it raises."""
        with self.registry.cursor() as cr:
            env = self._env(cr, self.salesman_id)
            order = env["sale.order"].with_context(**(context or {})).browse(self.order_id)
            if vals:
                order.write(vals)
                env.flush_all()  # this transaction now holds the order row
            try:
                order.write({"state": "sale"})
            except UserError as error:
                cr.rollback()
                return str(error)
        self.fail("write({'state': 'sale'}) should have been refused")

    def test_block_record_log_and_activities_survive_the_raise(self):
        message = self._refused_write()
        self.assertIn("was not confirmed", message)
        self.assertIn("over by", message)
        with self.registry.cursor() as cr:
            env = self._env(cr)
            order = env["sale.order"].browse(self.order_id)
            self.assertEqual(order.state, "draft")
            self.assertEqual(order.adv_credit_state, "blocked")
            check = order.adv_check_ids
            self.assertEqual(len(check), 1)
            self.assertEqual((check.outcome, check.state), ("approval", "open"))
            self.assertEqual((check.exposure, check.amount_order, check.excess), (0, 500, 400))
            self.assertEqual(check.user_id.id, self.salesman_id)
            self.assertIn("over_limit", check.line_ids.mapped("rule"))
            log = order.message_ids.filtered(lambda m: control_label(order) in (m.body or ""))
            self.assertEqual(len(log), 1)
            self.assertIn(self.salesman_id, log.partner_ids.user_ids.ids)
            activities = order.activity_ids.filtered(
                lambda a: a.activity_type_id == env.ref(RELEASE_ACTIVITY)
            )
            self.assertIn(self.controller_id, activities.user_id.ids)

    def test_no_context_key_suppresses_the_kept_record(self):
        """``import_file``, ``tracking_disable`` or ``default_*`` keys change nothing: the
        refusal of an existing order is kept as for any caller."""
        message = self._refused_write(
            context={
                "import_file": True,
                "tracking_disable": True,
                "mail_notrack": True,
                "default_state": "released",
                "default_approved_amount": 1e9,
            }
        )
        self.assertIn("over by", message)
        with self.registry.cursor() as cr:
            order = self._env(cr)["sale.order"].browse(self.order_id)
            self.assertEqual(order.state, "draft")
            check = order.adv_check_ids
            self.assertEqual((check.state, check.approved_amount), ("open", 0.0))
            self.assertTrue(order.activity_ids)
            log = order.message_ids.filtered(lambda m: control_label(order) in (m.body or ""))
            self.assertEqual(len(log), 1)

    def test_a_second_refusal_keeps_one_open_block(self):
        self._refused_write()
        self._refused_write()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            order = env["sale.order"].browse(self.order_id)
            self.assertEqual(sorted(order.adv_check_ids.mapped("state")), ["done", "open"])
            activities = order.activity_ids.filtered(
                lambda a: (
                    a.user_id.id == self.controller_id
                    and a.activity_type_id == env.ref(RELEASE_ACTIVITY)
                )
            )
            self.assertEqual(len(activities), 1)
            # The kept block is the one a controller releases: the order then confirms.
            check = order.adv_check_ids.filtered(lambda c: c.state == "open")
            check.with_user(self.controller_id).action_release("Deposit received")
        with self.registry.cursor() as cr:
            order = self._env(cr, self.salesman_id)["sale.order"].browse(self.order_id)
            order.write({"state": "sale"})
            self.assertEqual(order.state, "sale")

    def test_order_already_changed_by_the_refused_transaction(self):
        """Its row is ours: the other cursor skips it rather than wait; the error still says why."""
        message = self._refused_write(client_order_ref="PO-77")
        self.assertIn("over by", message)
        with self.registry.cursor() as cr:
            order = self._env(cr)["sale.order"].browse(self.order_id)
            self.assertFalse(order.adv_check_ids)
            self.assertFalse(order.client_order_ref)

    def test_create_confirmed_is_refused_and_leaves_nothing(self):
        """An import creating a confirmed order: it never existed, the error is the record."""
        with self.registry.cursor() as cr:
            env = self._env(cr, self.salesman_id)
            order = env["sale.order"].browse(self.order_id)
            with self.assertRaisesRegex(UserError, "over by"):
                env["sale.order"].create(
                    {
                        "partner_id": self.partner_id,
                        "state": "sale",
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": order.order_line.product_id.id,
                                    "price_unit": 900.0,
                                    "tax_id": [],
                                }
                            )
                        ],
                    }
                )
            cr.rollback()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            orders = env["sale.order"].search([("partner_id", "=", self.partner_id)])
            self.assertEqual(orders.ids, [self.order_id])
            self.assertFalse(env["adv.order.check"].search([("partner_id", "=", self.partner_id)]))

    def test_a_refused_growth_saves_nothing_of_the_change(self):
        """A confirmed order within the limit, committed; the salesperson adds a line that
        takes the customer over it: refused, and nothing of the change is in the database."""
        with self.registry.cursor() as cr:
            env = self._env(cr)
            order = env["sale.order"].browse(self.order_id)
            order.order_line.price_unit = 50.0  # within the 100 limit
            order.action_confirm()
            self.assertEqual(order.state, "sale")
        with self.registry.cursor() as cr:
            env = self._env(cr, self.salesman_id)
            order = env["sale.order"].browse(self.order_id)
            product = order.order_line.product_id
            with self.assertRaisesRegex(UserError, "nothing was saved"):
                order.write(
                    {
                        "client_order_ref": "PO-GROW",
                        "order_line": [
                            Command.create(
                                {"product_id": product.id, "price_unit": 900.0, "tax_id": []}
                            )
                        ],
                    }
                )
            cr.rollback()
        with self.registry.cursor() as cr:
            order = self._env(cr)["sale.order"].browse(self.order_id)
            self.assertEqual(order.state, "sale")
            self.assertEqual(order.order_line.mapped("price_unit"), [50.0])
            self.assertFalse(order.client_order_ref)

    def test_a_refused_release_changes_nothing(self):
        """A release without a reason, or by someone who may not release, is refused: read back
        from the committed database, the check is still waiting and the order still held."""
        self._refused_write()
        with self.registry.cursor() as cr:
            check_id = self._env(cr)["sale.order"].browse(self.order_id).adv_check_ids.id
        for uid, reason, error in (
            (self.controller_id, "  ", UserError),
            (self.salesman_id, "My customer is good", AccessError),
        ):
            with self.subTest(uid=uid), self.registry.cursor() as cr:
                check = self._env(cr, uid)["adv.order.check"].browse(check_id)
                with self.assertRaises(error):
                    check.action_release(reason)
                    cr.flush()
                cr.rollback()
            with self.registry.cursor() as cr:
                env = self._env(cr)
                check = env["adv.order.check"].browse(check_id)
                self.assertEqual(check.state, "open")
                self.assertFalse(check.release_user_id or check.release_reason)
                order = env["sale.order"].browse(self.order_id)
                self.assertEqual((order.state, order.adv_credit_state), ("draft", "blocked"))
                release = env.ref(RELEASE_ACTIVITY)
                self.assertIn(release, order.activity_ids.activity_type_id)
