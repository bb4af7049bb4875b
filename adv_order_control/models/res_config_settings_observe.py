# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from odoo.addons.adv_base.tools.settings import company_setting


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    adv_order_control_mode = company_setting(fields.Selection, "adv_order_control_mode")
    adv_order_control_observe_since = fields.Datetime(
        related="company_id.adv_order_control_observe_since"
    )
    adv_observed_hold_count = fields.Integer(related="company_id.adv_observed_hold_count")

    def action_adv_open_observations(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "adv_order_control.adv_order_observation_action"
        )
