# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.adv_base.tests.common import AdvCommon, SetupChecklistMixin


@tagged("post_install", "-at_install")
class TestDunningSetupSteps(SetupChecklistMixin, AdvCommon):
    """Dunning's lines of the setup checklist, on a known company and customers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        terms = cls.env.ref("account.account_payment_term_30days")
        cls.reachable, cls.unreachable = cls.new_customers(
            cls.env,
            {
                "name": "Joignable",
                "email": "compta@joignable.example",
                "property_payment_term_id": terms.id,
            },
            {"name": "Injoignable"},
        )
        cls.customers = cls.reachable | cls.unreachable

    def test_the_company_policy(self):
        company = self.env.company
        policy = company.adv_dunning_policy_id or self.env["adv.dunning.policy"].search([], limit=1)
        company.adv_dunning_policy_id = False
        self.assertEqual(self.checklist(self.customers)["dunning_policy"]["state"], "todo")
        company.adv_dunning_policy_id = policy
        self.assertEqual(self.checklist(self.customers)["dunning_policy"]["state"], "done")

    @freeze_time("2041-08-20")
    def test_the_rates_of_the_current_half_year(self):
        self.assertEqual(self.checklist(self.customers)["dunning_rates"]["state"], "todo")
        self.env["adv.late.payment.rate"].create(
            {"date_start": "2041-01-01", "ecb_rate": 2.0, "legal_rate": 3.0}
        )
        self.assertEqual(self.checklist(self.customers)["dunning_rates"]["state"], "todo")
        self.env["adv.late.payment.rate"].create(
            {"date_start": "2041-07-01", "ecb_rate": 2.15, "legal_rate": 3.16}
        )
        step = self.checklist(self.customers)["dunning_rates"]
        self.assertEqual(step["state"], "done")
        self.assertIn("2041-07-01", step["explanation"])

    def test_customers_without_an_email_or_payment_terms(self):
        steps = self.checklist(self.customers)
        for key in ("dunning_email", "payment_terms"):
            self.assertEqual((steps[key]["count"], steps[key]["state"]), (1, "warning"), key)
            self.assertEqual(self.worklist(key, self.customers), self.unreachable, key)
        self.unreachable.write(
            {
                "email": "compta@injoignable.example",
                "property_payment_term_id": self.reachable.property_payment_term_id.id,
            }
        )
        steps = self.checklist(self.customers)
        for key in ("dunning_email", "payment_terms"):
            self.assertEqual((steps[key]["count"], steps[key]["state"]), (0, "done"), key)
