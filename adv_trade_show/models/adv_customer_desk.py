# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The customer desk's trade-show part: the leads captured at shows for the caller (met at a
show, what was asked, who follows up)."""

from odoo import models

from odoo.addons.adv_base.tools import desk

MAX_LEADS = 10


class AdvCustomerDesk(models.AbstractModel):
    _inherit = "adv.customer.desk"

    def _adv_desk_sections(self, customer):
        sections = super()._adv_desk_sections(customer)
        if self._adv_desk_can_read("crm.lead"):
            sections["show_leads"] = self._adv_desk_show_leads_section(customer)
        return sections

    def _adv_desk_show_leads_section(self, customer):
        env = self.env
        leads = env["crm.lead"].search(
            [("partner_id", "child_of", customer.ids), ("adv_show_id", "!=", False)],
            limit=MAX_LEADS,
            order="create_date desc, id desc",
        )
        # The show's name as Odoo shows a many2one of a readable record (as superuser): a
        # salesperson follows the leads of shows they may not open.
        rows = [
            desk.row(
                lead,
                lead.name,
                lead.adv_show_id.sudo().name,
                badges=[desk.badge(lead.stage_id.name, "info")] if lead.stage_id else [],
                details=[
                    desk.detail(env._("Met on"), desk.fdate(env, lead.create_date.date())),
                    desk.detail(env._("Salesperson"), lead.user_id.name),
                ],
            )
            for lead in leads
        ]
        return desk.section(
            "show_leads", env._("Trade-show leads"), 60, rows, empty=env._("Not met at a show.")
        )
