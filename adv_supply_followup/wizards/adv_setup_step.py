# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

from odoo.addons.adv_base.tools.setup import setting_step


class AdvSetupStep(models.TransientModel):
    """Supply follow-up's line of the setup checklist: the chase levels."""

    _inherit = "adv.setup.step"

    @api.model
    def _adv_setup_steps(self):
        levels = self.env["adv.supply.chase.level"].sudo()
        return [
            *super()._adv_setup_steps(),
            setting_step(
                "chase_levels",
                50,
                self.env._("Supply follow-up"),
                self.env._("Chase levels"),
                self.env._("When and how vendors and carriers are chased, and when it escalates."),
                levels.search_count([("company_id", "in", [False, self.env.company.id])], limit=1),
            ),
        ]

    def _setup_action_chase_levels(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "adv_supply_followup.adv_supply_chase_level_action"
        )
