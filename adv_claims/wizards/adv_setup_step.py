# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

from odoo.addons.adv_base.tools.setup import setting_step


class AdvSetupStep(models.TransientModel):
    """Claims' lines of the setup checklist: the claim types and their e-mail alias."""

    _inherit = "adv.setup.step"

    @api.model
    def _adv_setup_steps(self):
        company = self.env.company
        Type = self.env["adv.claim.type"].sudo()
        types = [("company_id", "in", [False, company.id])]
        section = self.env._("Claims")
        return [
            *super()._adv_setup_steps(),
            setting_step(
                "claim_types",
                40,
                section,
                self.env._("Claim types"),
                self.env._("Each type's required evidence, deadlines and responsible party."),
                Type.search_count(types, limit=1),
            ),
            setting_step(
                "claim_alias",
                41,
                section,
                self.env._("E-mail alias of a claim type"),
                self.env._(
                    "An address customers write to: their e-mails become claims (the company's "
                    "alias domain and a type's alias)."
                ),
                bool(company.alias_domain_id)
                and Type.search_count(types + [("alias_name", "!=", False)], limit=1),
            ),
        ]

    def _setup_action_claim_types(self):
        return self.env["ir.actions.act_window"]._for_xml_id("adv_claims.adv_claim_type_action")

    def _setup_action_claim_alias(self):
        return self._setup_action_claim_types()
