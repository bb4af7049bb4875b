# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.adv_base.tests.common import AdvCommon, SetupChecklistMixin


@tagged("post_install", "-at_install")
class TestClaimsSetupSteps(SetupChecklistMixin, AdvCommon):
    """Claims' lines of the setup checklist: the types and their e-mail alias."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.nobody = cls.env["res.partner"]
        Type = cls.env["adv.claim.type"]
        cls.types = Type.search([("company_id", "in", [False, cls.company.id])])
        cls.types.write({"alias_name": False})
        cls.types.active = False
        if not cls.company.alias_domain_id:
            cls.company.alias_domain_id = cls.env["mail.alias.domain"].create(
                {"name": "claims.example"}
            )

    def test_claim_types(self):
        self.assertEqual(self.checklist(self.nobody)["claim_types"]["state"], "todo")
        self.env["adv.claim.type"].create({"name": "Casse", "company_id": self.company.id})
        self.assertEqual(self.checklist(self.nobody)["claim_types"]["state"], "done")

    def test_the_alias_of_a_claim_type(self):
        kind = self.env["adv.claim.type"].create({"name": "Casse", "company_id": self.company.id})
        self.assertEqual(self.checklist(self.nobody)["claim_alias"]["state"], "todo")
        kind.alias_name = "casse-checklist"
        self.assertEqual(self.checklist(self.nobody)["claim_alias"]["state"], "done")
        self.company.alias_domain_id = False
        self.assertEqual(self.checklist(self.nobody)["claim_alias"]["state"], "todo")
