# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

from odoo.addons.adv_base.tools.setup import data_step, setting_step


class AdvSetupStep(models.TransientModel):
    """Order control's lines of the setup checklist: the default limit and its review period,
    the delegations, and the customers without a credit limit."""

    _inherit = "adv.setup.step"

    @api.model
    def _adv_setup_steps(self):
        company = self.env.company
        Partner = self.env["res.partner"].sudo()
        default_limit = Partner._fields["credit_limit"].get_company_dependent_fallback(Partner)
        section = self.env._("Order control")
        return [
            *super()._adv_setup_steps(),
            setting_step(
                "credit_default",
                20,
                section,
                self.env._("Default credit limit and review period"),
                self.env._(
                    "Invoicing > Settings: Sales Credit Limit on, with a default limit; Sales > "
                    "Settings: the review period of the default limit (months)."
                ),
                company.account_use_credit_limit
                and default_limit > 0
                and company.adv_credit_review_months > 0,
            ),
            setting_step(
                "credit_delegation",
                21,
                section,
                self.env._("Credit delegations"),
                self.env._("Who may release a blocked order, up to which excess."),
                self.env["adv.credit.delegation"]
                .sudo()
                .search_count([("company_id", "in", [False, company.id])], limit=1),
            ),
            data_step(
                "credit_limit",
                120,
                section,
                self.env._("Customers without a credit limit"),
                self.env._(
                    "Neither their own limit nor the company's default: every order is over the "
                    "limit. Select them in the list and type a limit for all at once."
                ),
                Partner.search_count(self._adv_customer_domain() + [("credit_limit", "=", 0)]),
            ),
        ]

    def _setup_action_credit_default(self):
        return self.env["ir.actions.act_window"]._for_xml_id("account.action_account_config")

    def _setup_action_credit_delegation(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "adv_order_control.adv_credit_delegation_action"
        )

    def _setup_action_credit_limit(self):
        return self._customer_worklist(
            self.env._("Customers without a credit limit"), [("credit_limit", "=", 0)]
        )
