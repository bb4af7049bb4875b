# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.setup import DONE, STEP_KINDS, STEP_STATES, TODO, data_step

STEP_KEY = re.compile(r"^[a-z][a-z_]*$")


class AdvSetupStep(models.TransientModel):
    """One line of the setup checklist (Sales Administration > Configuration > Setup checklist).

    Opening the checklist writes one line per step for the user (``action_open_checklist``);
    what a line says (title, explanation, state, count) is computed each time the lines are read,
    so that coming back to the checklist after fixing a setting shows it green. The steps come
    from ``_adv_setup_steps()``, which each addon extends with its own lines (an addon that is
    not installed adds none); a line opens its setting or worklist by the method
    ``_setup_action_<key>``. Counts are one ``search_count`` per step: the number of queries
    does not grow with the number of customers.
    """

    _name = "adv.setup.step"
    _description = "Setup checklist line"
    _order = "sequence, id"

    key = fields.Char(required=True, readonly=True)
    sequence = fields.Integer(readonly=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    name = fields.Char(string="Step", compute="_compute_step")
    section = fields.Char(string="Area", compute="_compute_step")
    explanation = fields.Text(compute="_compute_step")
    kind = fields.Selection(selection=STEP_KINDS, compute="_compute_step")
    state = fields.Selection(selection=STEP_STATES, string="Status", compute="_compute_step")
    count = fields.Integer(string="To fix", compute="_compute_step")

    @api.depends("key", "company_id")
    @api.depends_context("lang")
    def _compute_step(self):
        for company in self.company_id:
            steps = {s["key"]: s for s in self.with_company(company)._adv_setup_steps()}
            for line in self.filtered(lambda ln, c=company: ln.company_id == c):
                step = steps.get(line.key) or {"name": line.key, "state": TODO, "kind": "setting"}
                line.name = step["name"]
                line.section = step.get("section")
                line.explanation = step.get("explanation")
                line.kind = step["kind"]
                line.state = step["state"]
                line.count = step.get("count", 0)

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    @api.model
    def action_open_checklist(self):
        """The checklist of the current company: the user's lines, written afresh."""
        self.search([("create_uid", "=", self.env.uid)]).unlink()
        steps = sorted(self._adv_setup_steps(), key=lambda s: s["sequence"])
        lines = self.create([{"key": s["key"], "sequence": s["sequence"]} for s in steps])
        done = sum(s["state"] == DONE for s in steps)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._(
                "Setup checklist: %(done)s of %(total)s done", done=done, total=len(steps)
            ),
            "res_model": self._name,
            "views": [
                (self.env.ref("adv_base.adv_setup_step_view_list").id, "list"),
                (self.env.ref("adv_base.adv_setup_step_view_kanban").id, "kanban"),
            ],
            "mobile_view_mode": "kanban",
            "domain": [("id", "in", lines.ids)],
            "context": {"create": False, "delete": False},
            "target": "current",
        }

    def action_open(self):
        """Open the line's setting or worklist."""
        self.ensure_one()
        method = STEP_KEY.match(self.key or "") and getattr(
            self.with_company(self.company_id), f"_setup_action_{self.key}", None
        )
        if not method:
            raise UserError(self.env._("This line of the checklist has nothing to open."))
        return method()

    # ------------------------------------------------------------
    # EXTENSION POINTS
    # ------------------------------------------------------------

    @api.model
    def _adv_setup_steps(self):
        """The steps of the current company (``self.env.company``): a list of
        :func:`~odoo.addons.adv_base.tools.setup.setting_step` /
        :func:`~odoo.addons.adv_base.tools.setup.data_step` dicts. Each addon extends it."""
        Partner = self.env["res.partner"]
        customers = self._adv_customer_domain()
        return [
            data_step(
                "roles",
                10,
                self.env._("Sales Administration"),
                self.env._("Roles given to users"),
                self.env._(
                    "Each ADV role held by someone besides the administrators "
                    "(Settings > Users); the count is the roles nobody holds yet."
                ),
                len(self._adv_roles_not_given()),
            ),
            data_step(
                "address",
                100,
                self.env._("Sales Administration"),
                self.env._("Customers with an incomplete address"),
                self.env._(
                    "Street, postcode, city or country missing: their orders are held by the "
                    "address check."
                ),
                Partner.search_count(customers + self._adv_incomplete_address_domain()),
            ),
            data_step(
                "eu_vat",
                110,
                self.env._("Sales Administration"),
                self.env._("EU customers without a VAT number"),
                self.env._(
                    "Customers in another EU country without an intra-EU VAT number: their "
                    "orders are held by the VAT check."
                ),
                Partner.search_count(customers + self._adv_eu_without_vat_domain()),
            ),
        ]

    @api.model
    def _adv_customer_domain(self):
        """The current company's customers: commercial partners (a contact's data is its
        company's), customers once Invoicing is installed, not the companies themselves."""
        domain = [
            "|",
            ("is_company", "=", True),
            ("parent_id", "=", False),
            ("company_id", "in", [False, self.env.company.id]),
            ("partner_share", "=", True),
            ("id", "not in", self._adv_company_partner_ids()),
        ]
        if "customer_rank" in self.env["res.partner"]._fields:
            domain.append(("customer_rank", ">", 0))
        return domain

    @api.model
    def _adv_company_partner_ids(self):
        """The companies' own partners (a list: the domain goes to the web client)."""
        companies = self.env["res.company"].sudo().with_context(active_test=False)
        return companies.search([("partner_id", "!=", False)]).partner_id.ids

    @api.model
    def _adv_incomplete_address_domain(self):
        return [
            "|",
            "|",
            "|",
            ("street", "=", False),
            ("zip", "=", False),
            ("city", "=", False),
            ("country_id", "=", False),
        ]

    @api.model
    def _adv_eu_without_vat_domain(self):
        europe = self.env.ref("base.europe", raise_if_not_found=False)
        countries = europe.sudo().country_ids if europe else self.env["res.country"]
        countries -= self.env.company.country_id
        return [("country_id", "in", countries.ids), ("vat", "=", False)]

    @api.model
    def _adv_roles_not_given(self):
        """The ADV roles (groups of the Sales Administration category, its Administrator
        aside) that no active internal user holds besides the Administrators."""
        manager = self.env.ref("adv_base.group_manager")
        category = self.env.ref("adv_base.module_category_sales_administration")
        roles = self.env["res.groups"].sudo().search([("category_id", "=", category.id)])
        roles -= manager
        administrators = manager.sudo().users
        return roles.filtered(
            lambda role: (
                not (role.users - administrators).filtered(
                    lambda user: user.active and not user.share
                )
            )
        )

    # ------------------------------------------------------------
    # WHAT EACH LINE OPENS
    # ------------------------------------------------------------

    def _customer_worklist(self, name, domain):
        """A list of customers to fix, editable several at a time (select, edit a column)."""
        view = self.env.ref("adv_base.res_partner_view_list_worklist")
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "res.partner",
            "views": [(view.id, "list"), (False, "kanban"), (False, "form")],
            "mobile_view_mode": "kanban",
            "domain": self._adv_customer_domain() + domain,
            "context": {"create": False},
            "target": "current",
        }

    def _setup_action_roles(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("base.action_res_users")
        action["target"] = "current"
        return action

    def _setup_action_address(self):
        return self._customer_worklist(
            self.env._("Customers with an incomplete address"),
            self._adv_incomplete_address_domain(),
        )

    def _setup_action_eu_vat(self):
        return self._customer_worklist(
            self.env._("EU customers without a VAT number"), self._adv_eu_without_vat_domain()
        )
