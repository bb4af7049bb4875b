# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

from odoo.addons.adv_base.tools.setup import setting_step


class AdvSetupStep(models.TransientModel):
    """Trade shows' line of the setup checklist: the privacy notice shown to visitors."""

    _inherit = "adv.setup.step"

    @api.model
    def _adv_setup_steps(self):
        notices = self.env["adv.trade.show.consent.text"].sudo()
        return [
            *super()._adv_setup_steps(),
            setting_step(
                "privacy_notice",
                60,
                self.env._("Trade shows"),
                self.env._("Privacy notice"),
                self.env._("The versioned text shown to visitors before their consent."),
                notices.search_count([], limit=1),
            ),
        ]

    def _setup_action_privacy_notice(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "adv_trade_show.adv_trade_show_consent_text_action"
        )
