# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import unicodedata

from odoo import Command
from odoo.tests import new_test_user
from odoo.tools.pdf import PdfReader

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


def print_in_a_system_font(env):
    """Debian's wkhtmltopdf (unpatched Qt) draws web fonts (Odoo's report fonts: Lato, Roboto...)
    as paths, which leaves a PDF without any text to read: the test's reports are printed in a
    system font instead, a style added to the head of the page wkhtmltopdf prints."""
    env["ir.ui.view"].sudo().create(
        {
            "name": "test: reports in a system font",
            "type": "qweb",
            "inherit_id": env.ref("web.minimal_layout").id,
            "arch": '<xpath expr="//head" position="inside">'
            "<style>* { font-family: 'DejaVu Sans' !important; }</style></xpath>",
        }
    )


def pdf_text(content):
    """The text of a PDF, ligatures expanded and white space collapsed (lines wrap anywhere)."""
    reader = PdfReader(io.BytesIO(content))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


class FrenchB2BCommon(DunningCommon):
    """DunningCommon's company moved to France (EUR), French loaded, a known rate table (H2 2025
    and H1 2026 only, so that H2 2026 falls back), 30-day payment terms and customers: a company
    writing in English, a company writing in French with a contact, a private person, and a
    company on a 5 % contract rate (floored at 3 x 2.62 = 7.86 % in H1 2026)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.change_company_country(cls.company, cls.env.ref("base.fr"))
        Rate = cls.env["adv.late.payment.rate"].sudo()  # owned by ADV administrators
        Rate.search([]).unlink()
        Rate.create(
            [
                {"date_start": "2025-07-01", "ecb_rate": 2.15, "legal_rate": 2.76},
                {"date_start": "2026-01-01", "ecb_rate": 2.15, "legal_rate": 2.62},
            ]
        )
        cls.terms = cls.env["account.payment.term"].create(
            {
                "name": "30 days",
                "line_ids": [
                    Command.create({"value": "percent", "value_amount": 100.0, "nb_days": 30})
                ],
            }
        )
        Partner = cls.env["res.partner"]
        cls.customer.lang = "en_US"
        cls.customer_fr = Partner.create(
            {"name": "Charpentes Dupont", "is_company": True, "lang": "fr_FR"}
        )
        cls.contact_fr = Partner.create(
            {"name": "Jeanne Dupont", "parent_id": cls.customer_fr.id, "lang": "fr_FR"}
        )
        cls.private = Partner.create({"name": "Paul Particulier", "lang": "fr_FR"})
        cls.contract_customer = Partner.create(
            {"name": "Menuiserie Contrat", "is_company": True, "lang": "en_US"}
        )
        cls.contract_policy = cls.policy.sudo().copy(
            {"name": "Terms of sale: 5 %", "contract_rate": 5.0}
        )
        cls.contract_customer.with_company(
            cls.company
        ).sudo().adv_dunning_policy_id = cls.contract_policy

    @classmethod
    def draft_invoice(cls, partner, date="2026-03-02", terms=True, **values):
        """A draft customer invoice of 1 000 without tax, on 30-day terms unless ``terms`` is
        False (then due on its date)."""
        return cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": date,
                "invoice_payment_term_id": cls.terms.id if terms else False,
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Oak beams", "quantity": 1, "price_unit": 1000.0, "tax_ids": []}
                    )
                ],
                **values,
            }
        )
