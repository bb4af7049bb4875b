# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.adv_base.tests.common import AdvUsersMixin


def post_invoice(env, partner, amount, due, date, **values):
    """A posted customer invoice of one line without tax, due on ``due``."""
    move = env["account.move"].create(
        {
            "move_type": "out_invoice",
            "partner_id": partner.id,
            "invoice_date": date,
            "invoice_date_due": due,
            "invoice_line_ids": [
                Command.create(
                    {"name": "Tiles", "quantity": 1, "price_unit": amount, "tax_ids": []}
                )
            ],
            **values,
        }
    )
    move.action_post()
    return move


def new_collector(env, login, **values):
    """A credit collector (English)."""
    return new_test_user(
        env, login=login, lang="en_US", groups="adv_dunning.group_collector", **values
    )


class DunningCommon(AdvUsersMixin, AccountTestInvoicingCommon):
    """A French company (EUR) on the shipped French policy, two customers and a collector.

    Builds on ``AccountTestInvoicingCommon`` (a company with a chart of accounts, no demo data)
    and adds the suite's users (``adv_user``, ``adv_manager``, ``internal_user``).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.company_data["company"]
        eur = cls.env.ref("base.EUR")
        eur.active = True
        cls.company.currency_id = eur
        cls.policy = cls.env.ref("adv_dunning.policy_fr_b2b")
        cls.company.adv_dunning_policy_id = cls.policy
        cls.setup_adv_users()
        cls.collector = new_collector(cls.env, "dun_collector", name="Colette Collector")
        cls.customer = cls.env["res.partner"].create(
            {"name": "Martin Matériaux", "is_company": True}
        )
        cls.customer_2 = cls.env["res.partner"].create({"name": "Bois & Cie", "is_company": True})
        cls.levels = {lv.days: lv for lv in cls.policy.level_ids}

    @classmethod
    def invoice(cls, amount, due, partner=None, date="2026-01-02", **values):
        return post_invoice(cls.env, partner or cls.customer, amount, due, date, **values)

    @classmethod
    def company_user(cls, login, groups, **values):
        """A user of the test company (English)."""
        return new_test_user(
            cls.env,
            login=login,
            lang="en_US",
            groups=groups,
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
            **values,
        )

    def pay(self, invoice, amount=None, date=None):
        vals = {"amount": amount} if amount else {}
        if date:
            vals["payment_date"] = date
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create(vals)._create_payments()

    def dun(self, send=True):
        """A manual run by the collector: preview, then send."""
        run = self.env["adv.dunning.run"].with_user(self.collector).create({})
        run.action_compute()
        if send:
            run.action_send()
        return run.sudo()

    def receivable(self, invoice):
        return invoice.line_ids.filtered(lambda ln: ln.account_type == "asset_receivable")
