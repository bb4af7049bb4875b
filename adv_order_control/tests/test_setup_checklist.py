# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.adv_base.tests.common import AdvCommon, SetupChecklistMixin


@tagged("post_install", "-at_install")
class TestOrderControlSetupSteps(SetupChecklistMixin, AdvCommon):
    """Order control's lines of the setup checklist, on a known company and customers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.set_default_limit(0.0)
        cls.company.write({"account_use_credit_limit": True, "adv_credit_review_months": 12})
        cls.with_limit, cls.without_limit = cls.new_customers(
            cls.env, {"name": "Avec limite"}, {"name": "Sans limite"}
        )
        cls.with_limit.credit_limit = 5000.0

    @classmethod
    def set_default_limit(cls, amount):
        cls.env["ir.default"].set("res.partner", "credit_limit", amount, company_id=True)

    def test_default_limit_and_review_period(self):
        customers = self.with_limit | self.without_limit
        self.assertEqual(self.checklist(customers)["credit_default"]["state"], "todo")
        self.set_default_limit(10000.0)
        self.assertEqual(self.checklist(customers)["credit_default"]["state"], "done")
        self.company.adv_credit_review_months = 0
        self.assertEqual(self.checklist(customers)["credit_default"]["state"], "todo")
        self.company.adv_credit_review_months = 12
        self.company.account_use_credit_limit = False
        self.assertEqual(self.checklist(customers)["credit_default"]["state"], "todo")

    def test_delegations(self):
        Delegation = self.env["adv.credit.delegation"]
        Delegation.search([("company_id", "in", [False, self.company.id])]).active = False
        self.assertEqual(self.checklist(self.with_limit)["credit_delegation"]["state"], "todo")
        Delegation.create(
            {
                "company_id": self.company.id,
                "group_id": self.env.ref("adv_base.group_manager").id,
                "unlimited": True,
            }
        )
        self.assertEqual(self.checklist(self.with_limit)["credit_delegation"]["state"], "done")

    def test_customers_without_a_credit_limit(self):
        customers = self.with_limit | self.without_limit
        step = self.checklist(customers)["credit_limit"]
        self.assertEqual((step["count"], step["state"]), (1, "warning"))
        self.assertEqual(self.worklist("credit_limit", customers), self.without_limit)
        self.set_default_limit(10000.0)  # the default limit is theirs
        step = self.checklist(customers)["credit_limit"]
        self.assertEqual((step["count"], step["state"]), (0, "done"))

    def test_an_adv_manager_reads_the_lines(self):
        steps = self.checklist(self.without_limit, user=self.adv_manager)
        self.assertEqual(steps["credit_limit"]["count"], 1)
