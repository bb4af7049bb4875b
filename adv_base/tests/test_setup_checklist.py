# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import AdvCommon, PhoneTourMixin, RpcMixin, SetupChecklistMixin


@tagged("post_install", "-at_install")
class TestSetupChecklist(SetupChecklistMixin, AdvCommon):
    """The checklist's frame and adv_base's own lines, on a known set of customers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.france = cls.env.ref("base.fr")
        cls.env.company.country_id = cls.france
        belgium = cls.env.ref("base.be")
        cls.customers = cls.new_customers(
            cls.env,
            {"name": "Complet Lyon"},
            {"name": "Sans Ville", "city": False},
            {"name": "Sans Pays", "country_id": False},
            {"name": "Belge sans TVA", "country_id": belgium.id},
            {"name": "Belge avec TVA", "country_id": belgium.id, "vat": "BE0477472701"},
        )
        cls.complete, cls.no_city, cls.no_country, cls.be_no_vat, cls.be_vat = cls.customers

    def test_counts_on_a_known_set(self):
        steps = self.checklist(self.customers)
        self.assertEqual((steps["address"]["count"], steps["address"]["state"]), (2, "warning"))
        self.assertEqual((steps["eu_vat"]["count"], steps["eu_vat"]["state"]), (1, "warning"))
        self.assertEqual(steps["address"]["kind"], "data")

    def test_worklists_open_the_customers_to_fix(self):
        self.assertEqual(self.worklist("address", self.customers), self.no_city | self.no_country)
        self.assertEqual(self.worklist("eu_vat", self.customers), self.be_no_vat)

    def test_lines_turn_green_when_the_data_is_fixed(self):
        self.no_city.city = "Lyon"
        self.no_country.country_id = self.france
        self.be_no_vat.vat = "BE0477472701"
        steps = self.checklist(self.customers)
        self.assertEqual((steps["address"]["count"], steps["address"]["state"]), (0, "done"))
        self.assertEqual((steps["eu_vat"]["count"], steps["eu_vat"]["state"]), (0, "done"))

    def test_a_contact_counts_through_its_company_only(self):
        contact = self.env["res.partner"].create(
            {"name": "Contact sans adresse", "parent_id": self.complete.id, "type": "other"}
        )
        steps = self.checklist(self.customers | contact)
        self.assertEqual(steps["address"]["count"], 2)

    def test_a_role_is_given_when_someone_besides_the_administrators_holds_it(self):
        category = self.env.ref("adv_base.module_category_sales_administration")
        role = self.env["res.groups"].create({"name": "Test role", "category_id": category.id})
        self.env.ref("adv_base.group_manager").implied_ids = [Command.link(role.id)]
        Step = self.env["adv.setup.step"]
        self.assertIn(role, Step._adv_roles_not_given())
        new_test_user(self.env, login="role_holder", groups="base.group_user").groups_id = [
            Command.link(role.id)
        ]
        self.assertNotIn(role, Step._adv_roles_not_given())

    def test_counts_take_the_same_queries_for_any_number_of_customers(self):
        Step = self.env["adv.setup.step"]
        Step._adv_setup_steps()  # warm the caches
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        Step._adv_setup_steps()
        few = self.env.cr.sql_log_count - before
        self.new_customers(self.env, *({"name": f"Client {n}", "zip": False} for n in range(30)))
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        Step._adv_setup_steps()
        self.assertEqual(self.env.cr.sql_log_count - before, few)

    def test_the_checklist_lines_are_computed_when_read(self):
        action = self.env["adv.setup.step"].with_user(self.adv_manager).action_open_checklist()
        lines = self.env["adv.setup.step"].with_user(self.adv_manager).search(action["domain"])
        self.assertIn("address", lines.mapped("key"))
        self.assertRegex(action["name"], r"^Setup checklist: \d+ of \d+ done$")
        line = lines.filtered(lambda ln: ln.key == "address")
        self.assertEqual(line.name, "Customers with an incomplete address")
        self.assertEqual(line.action_open()["res_model"], "res.partner")
        for key in ("unlink", "Roles", "no_such_step"):
            with self.assertRaises(UserError):
                self.env["adv.setup.step"].create({"key": key}).action_open()


class ChecklistRpcCase(RpcMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for login, group in (("ck_user", "group_user"), ("ck_manager", "group_manager")):
            new_test_user(cls.env, login=login, password=login, groups=f"adv_base.{group}")


@tagged("post_install", "-at_install")
class TestChecklistAccess(ChecklistRpcCase):
    def test_only_adv_managers_open_the_checklist(self):
        self.authenticate("ck_user", "ck_user")
        self.assertRefusedCall("AccessError", "adv.setup.step", "action_open_checklist")
        self.authenticate("ck_manager", "ck_manager")
        action = self.call("adv.setup.step", "action_open_checklist")
        self.assertEqual(action["res_model"], "adv.setup.step")
        ids = action["domain"][0][2]
        lines = self.call("adv.setup.step", "read", ids, ["key", "state", "count"])
        self.assertIn("address", [line["key"] for line in lines])
        self.assertTrue(all(line["state"] for line in lines))
        self.authenticate("ck_user", "ck_user")
        self.assertRefusedCall("AccessError", "adv.setup.step", "read", ids, ["state"])

    def test_a_user_reads_only_their_own_lines(self):
        self.authenticate("ck_manager", "ck_manager")
        mine = self.call("adv.setup.step", "action_open_checklist")["domain"][0][2]
        other = self.env["adv.setup.step"].create({"key": "address"})
        found = self.call("adv.setup.step", "search", [("key", "!=", False)])
        self.assertEqual(sorted(found), sorted(mine))
        self.assertNotIn(other.id, found)


class ChecklistTourCase(HttpCase):
    """A French-speaking ADV manager, and a customer of the company without an address."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        new_test_user(
            cls.env,
            login="ck_tour_fr",
            password="ck_tour_fr",
            lang="fr_FR",
            groups="adv_base.group_manager",
        )
        cls.customer = SetupChecklistMixin.new_customers(
            cls.env, {"name": "Client Visite Sans Pays", "country_id": False}
        )


@tagged("post_install", "-at_install")
class TestChecklistTourDesktop(ChecklistTourCase):
    def test_checklist_tour_desktop(self):
        self.start_tour("/odoo/adv-setup", "adv_base_setup_checklist_desktop", login="ck_tour_fr")
        self.assertEqual(self.customer.country_id, self.env.ref("base.fr"))


@tagged("post_install", "-at_install")
class TestChecklistTourPhone(PhoneTourMixin, ChecklistTourCase):
    def test_checklist_tour_phone(self):
        self.start_tour("/odoo/adv-setup", "adv_base_setup_checklist_phone", login="ck_tour_fr")
