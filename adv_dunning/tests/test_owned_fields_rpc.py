# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What stops or changes a customer's dunning is written by collectors and administrators only,
proven as a remote caller would try it: a salesperson with invoicing rights, in a real HTTP
session calling ``/web/dataset/call_kw``. Every test reads the outcome back from the database."""

from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import RpcMixin, new_web_user

from .common import DunningCommon

REFUSED = "Only credit collectors and administrators can change"


@tagged("post_install", "-at_install")
class TestOwnedFieldsOverRpc(RpcMixin, DunningCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        users = {"dun_rpc_seller": "Sam Seller", "dun_rpc_collector": "Cora Collector"}
        groups = {
            "dun_rpc_seller": "sales_team.group_sale_salesman,account.group_account_invoice",
            "dun_rpc_collector": "adv_dunning.group_collector",  # Contact Creation included
        }
        for login, name in users.items():
            new_web_user(
                cls.env,
                login,
                name,
                groups[login],
                company_id=cls.company.id,
                company_ids=[(6, 0, cls.company.ids)],
            )
        cls.inv = cls.invoice(500.0, "2026-03-01")
        cls.partner_model = "res.partner"

    def setUp(self):
        super().setUp()
        self.authenticate("dun_rpc_seller", "dun_rpc_seller")

    def excluded_until(self, partner):
        return partner.with_company(self.company).sudo().adv_dunning_excluded_until

    def test_a_salesperson_cannot_exclude_a_customer_nor_change_its_policy(self):
        other_policy = self.policy.sudo().copy({"name": "Lenient"})
        self.call(self.partner_model, "write", [self.customer.id], {"phone": "+33 1 02 03 04 05"})
        self.assertEqual(self.customer.phone, "+33 1 02 03 04 05")  # the seller edits customers
        self.assertRefusedCall(
            "AccessError",
            self.partner_model,
            "write",
            [self.customer.id],
            {"adv_dunning_excluded_until": "2026-12-31"},
            says=REFUSED,
        )
        self.assertRefusedCall(
            "AccessError",
            self.partner_model,
            "write",
            [self.customer.id],
            {"adv_dunning_policy_id": other_policy.id},
            says=REFUSED,
        )
        self.env.invalidate_all()
        self.assertFalse(self.excluded_until(self.customer))
        self.assertFalse(self.customer.with_company(self.company).sudo().adv_dunning_policy_id)

    def test_a_salesperson_cannot_create_an_excluded_customer(self):
        self.assertRefusedCall(
            "AccessError",
            self.partner_model,
            "create",
            [
                {
                    "name": "Excluded SA",
                    "is_company": True,
                    "adv_dunning_excluded_until": "2027-01-01",
                }
            ],
            says=REFUSED,
        )
        # a default_* key of an owned field is ignored for them
        new_id = self.call(
            self.partner_model,
            "create",
            [{"name": "Defaulted SA", "is_company": True}],
            context={"default_adv_dunning_excluded_until": "2027-01-01"},
        )[0]
        self.assertFalse(self.excluded_until(self.env["res.partner"].browse(new_id)))

    def test_a_salesperson_cannot_dispute_an_invoice_or_forge_dunning_records(self):
        receivable = self.receivable(self.inv)
        self.assertRefusedCall(
            "AccessError",
            "account.move",
            "write",
            [self.inv.id],
            {"adv_dispute": True, "adv_dispute_reason": "Friend of mine"},
            says=REFUSED,
        )
        for vals in (
            {"adv_dispute": True},
            {"adv_dispute_until": "2027-01-01"},
            {"adv_dunning_level_id": self.levels[60].id},
            {"adv_penalty_invoiced": 1e6},
        ):
            self.assertRefusedCall(
                "AccessError", "account.move.line", "write", [receivable.id], vals, says=REFUSED
            )
        # an invoice flagged as dunning fees would bear no penalty nor indemnity
        self.assertRefusedCall(
            "AccessError",
            "account.move",
            "write",
            [self.inv.id],
            {"adv_dunning_fees": True},
            says=REFUSED,
        )
        self.env.invalidate_all()
        self.assertFalse(receivable.adv_dispute)
        self.assertFalse(receivable.adv_dunning_level_id)
        self.assertFalse(receivable.adv_penalty_invoiced)
        self.assertFalse(self.inv.adv_dunning_fees)

    def test_a_salesperson_cannot_create_a_disputed_invoice(self):
        vals = {
            "move_type": "out_invoice",
            "partner_id": self.customer.id,
            "invoice_line_ids": [(0, 0, {"name": "Tiles", "quantity": 1, "price_unit": 10.0})],
        }
        self.assertRefusedCall(
            "AccessError",
            "account.move",
            "create",
            [dict(vals, adv_dunning_fees=True)],
            says=REFUSED,
        )
        move_id = self.call(
            "account.move", "create", [vals], context={"default_adv_dunning_fees": True}
        )[0]
        self.assertFalse(self.env["account.move"].browse(move_id).adv_dunning_fees)

    def test_a_collector_may(self):
        self.authenticate("dun_rpc_collector", "dun_rpc_collector")
        self.call(
            self.partner_model,
            "write",
            [self.customer.id],
            {"adv_dunning_excluded_until": "2026-12-31"},
        )
        self.call("account.move", "write", [self.inv.id], {"adv_dispute": True})
        self.env.invalidate_all()
        self.assertEqual(str(self.excluded_until(self.customer)), "2026-12-31")
        self.assertTrue(self.receivable(self.inv).adv_dispute)
