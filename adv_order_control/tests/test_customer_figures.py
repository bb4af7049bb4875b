# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Who reads a customer's credit figures (limit, exposure, hold, insurer cover), asked as a remote
caller would: a real HTTP session per role calling ``/web/dataset/call_kw``.

The people who sell to the customer or invoice them read them; booth staff (an ADV user with no
sales or invoicing right), a plain employee and the customer's own portal user do not, neither on
the customer nor on an order's banner. Removing the fields' ``groups`` makes these tests fail.
"""

import json

from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import new_web_user

from .common import OrderControlCommon

PARTNER_FIGURES = [
    "adv_credit_limit",
    "adv_exposure",
    "adv_exposure_receivables",
    "adv_overdue_amount",
    "adv_credit_utilisation",
    "adv_on_credit_hold",
    "adv_credit_hold_reason",
    "adv_credit_hold_ids",
    "adv_credit_insurer_id",
    "adv_insured_amount",
    "adv_credit_review_date",
]
ORDER_BANNER = ["adv_credit_limit", "adv_exposure", "adv_this_order", "adv_excess"]


@tagged("post_install", "-at_install")
class TestCustomerFiguresOverRpc(OrderControlCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.with_user(cls.controller)._adv_set_credit_hold("Returned cheque")
        cls.order = cls.make_order(500.0)
        cls.booth = new_web_user(cls.env, "figures_booth", "Bea Booth", "adv_base.group_user")
        cls.employee = new_web_user(cls.env, "figures_employee", "Emil Employee", "base.group_user")
        cls.portal = new_web_user(cls.env, "figures_portal", "Paula Portal", "base.group_portal")
        cls.portal.partner_id.parent_id = cls.customer
        cls.order.message_subscribe(cls.portal.partner_id.ids)  # the portal user sees the order
        cls.seller = new_web_user(
            cls.env,
            "figures_seller",
            "Sam Seller",
            "sales_team.group_sale_salesman,adv_base.group_user",
        )
        cls.order.user_id = cls.seller  # "own documents": the order's salesperson

    def _read(self, login, model, record, fields):
        self.authenticate(login, login)
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/read",
            data=json.dumps(
                {
                    "params": {
                        "model": model,
                        "method": "read",
                        "args": [record.ids, fields],
                        "kwargs": {},
                    }
                }
            ),
            headers={"Content-Type": "application/json"},
        ).json()
        return response

    def assertRefused(self, response):
        self.assertIn("error", response, response)
        self.assertEqual(
            response["error"]["data"]["name"], "odoo.exceptions.AccessError", response["error"]
        )

    def test_salesperson_reads_the_figures_and_the_banner(self):
        result = self._read("figures_seller", "res.partner", self.customer, PARTNER_FIGURES)
        self.assertEqual(result["result"][0]["adv_credit_hold_reason"], "Returned cheque")
        self.assertEqual(result["result"][0]["adv_credit_limit"], 10000.0)
        result = self._read("figures_seller", "sale.order", self.order, ORDER_BANNER)
        self.assertEqual(result["result"][0]["adv_this_order"], 600.0)

    def test_booth_staff_and_employees_do_not(self):
        for login in ("figures_booth", "figures_employee"):
            for field in PARTNER_FIGURES:
                with self.subTest(login=login, field=field):
                    self.assertRefused(self._read(login, "res.partner", self.customer, [field]))

    def test_the_customer_portal_user_does_not_read_their_own_figures(self):
        # the portal user may read their own company's card...
        self.assertIn(
            "result", self._read("figures_portal", "res.partner", self.customer, ["name"])
        )
        for field in PARTNER_FIGURES:
            with self.subTest(field=field):
                self.assertRefused(
                    self._read("figures_portal", "res.partner", self.customer, [field])
                )
        # ...and their order, not its credit banner
        self.assertIn("result", self._read("figures_portal", "sale.order", self.order, ["name"]))
        for field in ORDER_BANNER:
            with self.subTest(field=field):
                self.assertRefused(self._read("figures_portal", "sale.order", self.order, [field]))
