# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = ["crm.lead", "adv.phone.mixin", "adv.trade.show.match.mixin"]

    adv_show_id = fields.Many2one(
        comodel_name="adv.trade.show",
        string="Trade Show",
        index="btree_not_null",
        ondelete="set null",
        help="The show this lead was captured at.",
    )
    adv_reminded = fields.Boolean(
        string="Follow-up Reminded",
        copy=False,
        help="Its salesperson was reminded that the visitor was not contacted in time.",
    )
    adv_capture_ids = fields.One2many(
        comodel_name="adv.trade.show.capture", inverse_name="lead_id", string="Captures"
    )

    def _adv_phone_country(self):
        return self.country_id or self.company_id.country_id or self.env.company.country_id

    def _adv_day_stake(self):
        """A show lead's follow-up is worth its expected revenue (company currency)."""
        show_leads = self.filtered("adv_show_id")
        stakes = super()._adv_day_stake()
        stakes.update({lead.id: lead.expected_revenue for lead in show_leads})
        return stakes

    def write(self, vals):
        res = super().write(vals)
        if {"expected_revenue", "partner_id"} & set(vals) and self.filtered("adv_show_id"):
            self.filtered("adv_show_id")._adv_day_refresh()
        return res

    @api.model
    def _cron_adv_show_remind(self):
        """Show leads whose follow-up is still open ``reminder_days`` after the visit remind
        their salesperson, once: one search per running or closed show."""
        follow_up = self.env.ref("adv_trade_show.mail_activity_show_followup")
        reminder = self.env.ref("adv_trade_show.mail_activity_show_reminder")
        now = fields.Datetime.now()
        shows = self.env["adv.trade.show"].search([("state", "in", ("running", "done"))])
        reminded = self.browse()
        for show in shows:
            leads = self.search(
                [
                    ("adv_show_id", "=", show.id),
                    ("adv_reminded", "=", False),
                    ("stage_id.is_won", "=", False),
                    (
                        "adv_capture_ids.capture_date",
                        "<",
                        now - relativedelta(days=show.reminder_days),
                    ),
                    ("activity_ids.activity_type_id", "=", follow_up.id),
                ]
            )
            for lead in leads:
                # The open follow-up is the work item: a second activity ("still waiting") put
                # each lead twice in its salesperson's day. The follow-up's owner is notified
                # on the lead instead, with the reminder's own words in their language.
                owners = lead.activity_ids.filtered(
                    lambda a, follow_up=follow_up: a.activity_type_id == follow_up
                ).user_id or (lead.user_id or show.user_id or self.env.user)
                lead.message_post(
                    body=reminder.with_context(lang=owners[:1].lang).summary,
                    partner_ids=owners.partner_id.ids,
                    subtype_xmlid="mail.mt_note",
                )
            reminded |= leads
        reminded.write({"adv_reminded": True})
        return reminded

    def _handle_partner_assignment(self, force_partner_id=False, create_missing=True):
        # crm may empty the lead's company when the partner is set (no team, no salesperson):
        # the company the lead was converted in is the one the hook is given.
        companies = {lead.id: lead.company_id for lead in self}
        res = super()._handle_partner_assignment(
            force_partner_id=force_partner_id, create_missing=create_missing
        )
        show_leads = self.filtered("adv_show_id")
        if show_leads:
            show_leads._adv_show_customer_assigned(companies)
        return res

    def _create_customer(self):
        """The contact (and the company, when its name came from the visitor) created from a
        show lead is recorded on the lead's captures: the retention purge anonymises them with
        the visitor unless a business relation keeps them."""
        partner = super()._create_customer()
        if self.adv_show_id:
            created = partner
            if self.partner_name and partner.parent_id and partner.parent_id != self.partner_id:
                created |= partner.parent_id
            self.adv_capture_ids.sudo().write(
                {
                    "partner_id": partner.id,
                    "created_partner_ids": [Command.link(p.id) for p in created],
                }
            )
        return partner

    def _adv_show_customer_assigned(self, companies):
        """Hook: crm's conversion gave these show leads their customer (created from the lead
        or an existing one). ``companies``: ``{lead id: company}``, each lead's company when it
        was converted (crm may empty it on the way).

        Does nothing here; glue addons give the new customer what they own (order control's
        default credit limit and review date, for instance).
        """
        return
