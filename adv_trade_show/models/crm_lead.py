# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import create_index

from ..tools.normalize import normalize_phone


class CrmLead(models.Model):
    _inherit = "crm.lead"

    adv_show_id = fields.Many2one(
        "adv.trade.show",
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
    adv_capture_ids = fields.One2many("adv.trade.show.capture", "lead_id", string="Captures")
    adv_phone_e164 = fields.Char(
        string="Phone (E.164)",
        compute="_compute_adv_phone_keys",
        store=True,
        index="btree_not_null",
    )
    adv_mobile_e164 = fields.Char(
        string="Mobile (E.164)",
        compute="_compute_adv_phone_keys",
        store=True,
        index="btree_not_null",
    )

    def init(self):
        res = super().init()
        # Exact lookups on the normalised e-mail (crm only has a trigram index on it).
        create_index(
            self.env.cr,
            "crm_lead_adv_email_normalized_idx",
            self._table,
            ["email_normalized"],
            where="email_normalized IS NOT NULL",
        )
        return res

    @api.depends("phone", "mobile", "country_id")
    def _compute_adv_phone_keys(self):
        for lead in self:
            country = lead.country_id or lead.company_id.country_id or self.env.company.country_id
            lead.adv_phone_e164 = normalize_phone(lead.phone, country.code, country.phone_code)
            lead.adv_mobile_e164 = normalize_phone(lead.mobile, country.code, country.phone_code)

    def _adv_day_stake(self):
        """A show lead's follow-up is worth its expected revenue (company currency)."""
        show_leads = self.filtered("adv_show_id")
        stakes = super()._adv_day_stake()
        stakes.update({lead.id: lead.expected_revenue for lead in show_leads})
        return stakes

    def write(self, vals):
        res = super().write(vals)
        if "expected_revenue" in vals and self.filtered("adv_show_id"):
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
                lead.activity_schedule(
                    activity_type_id=reminder.id,
                    user_id=(lead.user_id or show.user_id or self.env.user).id,
                    date_deadline=fields.Date.context_today(self),
                )
            reminded |= leads
        reminded.write({"adv_reminded": True})
        return reminded

    def _create_customer(self):
        partner = super()._create_customer()
        if self.adv_show_id:
            self.adv_capture_ids.sudo().write({"partner_id": partner.id})
            self._adv_show_partner_created(partner)
        return partner

    def _adv_show_partner_created(self, partner):
        """Hook: a lead of a trade show became a new partner (``partner``).

        Does nothing here; glue addons give the new customer what they own (order control's
        default credit limit and review date, for instance).
        """
        return
