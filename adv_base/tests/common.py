# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Shared set-up of the ADV suite's tests: every adv addon's ``common.py`` builds on it."""

from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class AdvUsersMixin:
    """Users of the three kinds every ADV test needs, and nothing else (no demo data).

    - ``adv_user``: an ADV assistant (Sales Administration / User);
    - ``adv_manager``: an ADV manager (Sales Administration / Administrator);
    - ``internal_user``: an employee without any ADV right.

    Mixed into test classes that have another base (e.g. ``AccountTestInvoicingCommon``):
    call :meth:`setup_adv_users` from their ``setUpClass``.
    """

    @classmethod
    def setup_adv_users(cls):
        cls.adv_user = new_test_user(
            cls.env, login="adv_user", name="Adèle ADV", groups="adv_base.group_user"
        )
        cls.adv_manager = new_test_user(
            cls.env, login="adv_manager", name="Marc Manager", groups="adv_base.group_manager"
        )
        cls.internal_user = new_test_user(
            cls.env, login="adv_outsider", name="Oscar Outsider", groups="base.group_user"
        )

    @staticmethod
    def switch_off_order_control(company):
        """When adv_order_control is installed too (the suite's test database), its conformity
        and new-customer solvency checks would hold the fixtures' orders of new customers without
        an address: tests about another addon turn these company switches off (the fields exist
        only then). Order control's own tests never call this."""
        switches = {"adv_conformity_check": False, "adv_solvency_new_customer": False}
        company.write({k: v for k, v in switches.items() if k in company._fields})

    @classmethod
    def visible_menu_xmlids(cls, user, module="adv_base"):
        """XML ids of ``module``'s menus that ``user`` sees, as the web client loads them."""
        menus = cls.env["ir.ui.menu"].with_user(user).load_menus(debug=False)
        menu_ids = {m["id"] for key, m in menus.items() if key != "root"}
        data = (
            cls.env["ir.model.data"]
            .sudo()
            .search(
                [
                    ("model", "=", "ir.ui.menu"),
                    ("module", "=", module),
                    ("res_id", "in", list(menu_ids)),
                ]
            )
        )
        return {f"{d.module}.{d.name}" for d in data}


class AdvCommon(AdvUsersMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.setup_adv_users()
