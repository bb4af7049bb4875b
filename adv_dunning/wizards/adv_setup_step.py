# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from odoo.addons.adv_base.tools.setup import data_step, setting_step

from ..tools.late_payment import half_year_start


class AdvSetupStep(models.TransientModel):
    """Dunning's lines of the setup checklist: the company's policy, this half-year's line of
    the late-payment rate table, the customers without an e-mail or payment terms."""

    _inherit = "adv.setup.step"

    @api.model
    def _adv_setup_steps(self):
        Partner = self.env["res.partner"].sudo()
        customers = self._adv_customer_domain()
        half_year = half_year_start(fields.Date.context_today(self))
        section = self.env._("Dunning")
        return [
            *super()._adv_setup_steps(),
            setting_step(
                "dunning_policy",
                30,
                section,
                self.env._("Dunning policy of the company"),
                self.env._("The levels, delays and channels applied to the company's customers."),
                bool(self.env.company.adv_dunning_policy_id),
            ),
            setting_step(
                "dunning_rates",
                31,
                section,
                self.env._("Late-payment rates of the current half-year"),
                self.env._(
                    "The ECB and legal rates of the half-year starting %(date)s: penalties and "
                    "the invoices' payment mentions use them.",
                    date=fields.Date.to_string(half_year),
                ),
                self.env["adv.late.payment.rate"]
                .sudo()
                .search_count([("date_start", "=", half_year)], limit=1),
            ),
            data_step(
                "dunning_email",
                130,
                section,
                self.env._("Customers without an e-mail"),
                self.env._("Their reminders fall back to letters."),
                Partner.search_count(customers + [("email", "=", False)]),
            ),
            data_step(
                "payment_terms",
                140,
                section,
                self.env._("Customers without payment terms"),
                self.env._(
                    "Their invoices fall due at once and lack the payment mentions' terms. Select "
                    "them in the list and set the terms for all at once."
                ),
                Partner.search_count(customers + [("property_payment_term_id", "=", False)]),
            ),
        ]

    def _setup_action_dunning_policy(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "adv_dunning.adv_dunning_policy_action"
        )

    def _setup_action_dunning_rates(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "adv_dunning.adv_late_payment_rate_action"
        )

    def _setup_action_dunning_email(self):
        return self._customer_worklist(
            self.env._("Customers without an e-mail"), [("email", "=", False)]
        )

    def _setup_action_payment_terms(self):
        return self._customer_worklist(
            self.env._("Customers without payment terms"),
            [("property_payment_term_id", "=", False)],
        )
