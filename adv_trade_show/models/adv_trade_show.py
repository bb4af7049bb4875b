# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

SHOW_STATE = [
    ("preparing", "Preparing"),
    ("running", "Running"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]


def _budget_figure(field_type, **kwargs):
    """A figure of the show's budget: computed together, for show managers only."""
    return field_type(
        compute="_compute_budget", groups="adv_trade_show.group_show_manager", **kwargs
    )


class AdvTradeShow(models.Model):
    """A participation as an exhibitor at another organiser's show.

    Every lead captured at the booth is attributed to the show's own UTM campaign and source,
    created with it, so the pipeline and the won revenue can be traced back to it.
    """

    _name = "adv.trade.show"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Trade Show Participation"
    _order = "date_begin desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Show", required=True, tracking=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(SHOW_STATE, default="preparing", required=True, tracking=True)
    venue = fields.Char(help="Exhibition centre, hall.")
    city = fields.Char()
    country_id = fields.Many2one(
        comodel_name="res.country",
        help="Country of the show; the default country of the visitors captured there.",
    )
    date_begin = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    booth = fields.Char(help="Hall and stand number.")
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Show Manager",
        default=lambda self: self.env.user,
        tracking=True,
        help="Receives the leads no assignment rule matches.",
    )
    staff_ids = fields.Many2many(
        comodel_name="res.users",
        relation="adv_trade_show_staff_rel",
        column1="show_id",
        column2="user_id",
        string="Booth Staff",
        help="They see this show's captures and capture visitors with it by default.",
    )
    team_id = fields.Many2one(comodel_name="crm.team", string="Sales Team", check_company=True)
    objective_leads = fields.Integer(string="Lead Objective")
    objective_revenue = fields.Monetary(string="Revenue Objective")
    objectives = fields.Text(help="What the team wants from this show.")
    notes = fields.Html(string="Qualitative Results", help="What the team learnt at the show.")
    checklist_line_ids = fields.One2many(
        comodel_name="adv.trade.show.checklist", inverse_name="show_id", string="Checklist"
    )
    budget_line_ids = fields.One2many(
        comodel_name="adv.trade.show.budget", inverse_name="show_id", string="Budget"
    )
    capture_ids = fields.One2many(
        comodel_name="adv.trade.show.capture", inverse_name="show_id", string="Captures"
    )
    lead_ids = fields.One2many(
        comodel_name="crm.lead", inverse_name="adv_show_id", string="Leads of the Show"
    )
    campaign_id = fields.Many2one(comodel_name="utm.campaign", readonly=True, copy=False)
    source_id = fields.Many2one(comodel_name="utm.source", readonly=True, copy=False)
    medium_id = fields.Many2one(
        comodel_name="utm.medium",
        default=lambda self: self.env.ref("adv_trade_show.utm_medium_trade_show", False),
    )
    tag_ids = fields.Many2many(comodel_name="crm.tag", string="Lead Tags")
    consent_text_id = fields.Many2one(
        comodel_name="adv.trade.show.consent.text",
        string="Privacy Notice",
        default=lambda self: self.env["adv.trade.show.consent.text"].search([], limit=1),
        help="The text shown to the visitors; its version is kept with each consent.",
    )
    mail_template_id = fields.Many2one(
        comodel_name="mail.template",
        string="Thank-you E-mail",
        domain=[("model", "=", "adv.trade.show.capture")],
        default=lambda self: self.env.ref("adv_trade_show.mail_template_capture_thanks", False),
    )
    followup_days = fields.Integer(
        default=2, help="The follow-up promised to a visitor is due this many days after capture."
    )
    reminder_days = fields.Integer(
        default=7,
        help="A lead whose follow-up is still not done this many days after the visit reminds "
        "its salesperson (once).",
    )
    retention_months = fields.Integer(
        default=36,
        help="Captures are anonymised this many months after the last contact with the "
        "visitor unless they have an opportunity, a sale order or accounting documents "
        "(CNIL guidance: 3 years after the last contact).",
    )

    capture_count = fields.Integer(compute="_compute_results")
    lead_count = fields.Integer(string="Leads", compute="_compute_results")
    opportunity_count = fields.Integer(string="Opportunities", compute="_compute_results")
    pipeline_revenue = fields.Monetary(string="Pipeline", compute="_compute_results")
    won_revenue = fields.Monetary(
        compute="_compute_results",
        help="With Sales and its CRM link: the untaxed amount of the confirmed sale orders of "
        "the show's leads, confirmed within 12 months after the show. Without: the expected "
        "revenue of the show's won leads.",
    )
    budget_planned = _budget_figure(fields.Monetary, string="Planned Budget")
    budget_actual = _budget_figure(fields.Monetary, string="Actual Cost")
    cost_per_lead = _budget_figure(fields.Monetary)
    roi = _budget_figure(
        fields.Float, string="ROI (%)", help="(won revenue - actual cost) / actual cost."
    )

    _sql_constraints = [
        ("dates_ordered", "CHECK(date_end >= date_begin)", "A show cannot end before it starts."),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    def _compute_results(self):
        """Captures, leads, pipeline and won revenue of each show: four grouped queries."""
        captures = dict(
            self.env["adv.trade.show.capture"]._read_group(
                [("show_id", "in", self.ids)], ["show_id"], ["__count"]
            )
        )
        Lead = self.env["crm.lead"].with_context(active_test=False)
        leads = {
            (show, kind): (count, revenue)
            for show, kind, count, revenue in Lead._read_group(
                [("adv_show_id", "in", self.ids)],
                ["adv_show_id", "type"],
                ["__count", "expected_revenue:sum"],
            )
        }
        pipeline = dict(
            self.env["crm.lead"]._read_group(
                [("adv_show_id", "in", self.ids), ("stage_id.is_won", "=", False)],
                ["adv_show_id"],
                ["expected_revenue:sum"],
            )
        )
        if self._won_from_sale_orders():
            won = self._won_revenue_from_orders()
        else:
            won = dict(
                Lead._read_group(
                    [("adv_show_id", "in", self.ids), ("stage_id.is_won", "=", True)],
                    ["adv_show_id"],
                    ["expected_revenue:sum"],
                )
            )
        for show in self:
            show.capture_count = captures.get(show, 0)
            show.lead_count = sum(leads.get((show, k), (0, 0))[0] for k in ("lead", "opportunity"))
            show.opportunity_count = leads.get((show, "opportunity"), (0, 0))[0]
            show.pipeline_revenue = pipeline.get(show, 0.0)
            show.won_revenue = won.get(show, 0.0)

    @api.model
    def _won_from_sale_orders(self):
        """Whether won revenue comes from sale orders: Sales with its CRM link (``sale_crm``'s
        ``opportunity_id``) installed. This addon does not depend on them."""
        return "sale.order" in self.env and "opportunity_id" in self.env["sale.order"]._fields

    def _won_revenue_from_orders(self):
        """``{show: amount}``: the untaxed amount, in the show's company currency, of the
        confirmed sale orders of the show's company reached from the show's leads (their
        opportunity) and confirmed at the latest 12 months after the show ended. One query;
        an aggregate, not a customer's figures, hence read as the system."""
        if not self.ids:
            return {}
        self.env["sale.order"].flush_model(
            [
                "amount_untaxed",
                "currency_rate",
                "state",
                "company_id",
                "date_order",
                "opportunity_id",
            ]
        )
        self.env["crm.lead"].flush_model(["adv_show_id"])
        self.flush_model(["company_id", "date_end"])
        self.env.cr.execute(
            SQL(
                """SELECT l.adv_show_id,
                          SUM(so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1))
                     FROM sale_order so
                     JOIN crm_lead l ON l.id = so.opportunity_id
                     JOIN adv_trade_show s ON s.id = l.adv_show_id
                    WHERE l.adv_show_id = ANY(%s)
                      AND so.state = 'sale'
                      AND so.company_id = s.company_id
                      AND so.date_order < s.date_end + interval '12 months' + interval '1 day'
                 GROUP BY l.adv_show_id""",
                self.ids,
            )
        )
        return {self.browse(show_id): amount for show_id, amount in self.env.cr.fetchall()}

    @api.depends("budget_line_ids.planned_amount", "budget_line_ids.actual_amount")
    def _compute_budget(self):
        for show in self:
            show.budget_planned = sum(show.budget_line_ids.mapped("planned_amount"))
            show.budget_actual = actual = sum(show.budget_line_ids.mapped("actual_amount"))
            show.cost_per_lead = actual / show.lead_count if show.lead_count else 0.0
            show.roi = (show.won_revenue - actual) / actual * 100 if actual else 0.0

    # ------------------------------------------------------------------
    # Constraints and CRUD
    # ------------------------------------------------------------------

    @api.constrains("followup_days", "reminder_days", "retention_months")
    def _check_delays(self):
        for show in self:
            if show.followup_days < 0 or show.reminder_days < 0 or show.retention_months <= 0:
                raise ValidationError(
                    self.env._(
                        "The follow-up delay cannot be negative and the retention must last "
                        "at least one month (show %(show)s).",
                        show=show.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        """Each show gets its own UTM campaign and source, so that every lead is attributed."""
        shows = super().create(vals_list)
        for show in shows.filtered(lambda s: not s.campaign_id or not s.source_id):
            show.campaign_id = self.env["utm.campaign"].sudo().create({"title": show.name})
            show.source_id = self.env["utm.source"].sudo().create({"name": show.name})
        return shows

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_start(self):
        self.write({"state": "running"})

    def action_done(self):
        self.write({"state": "done"})

    def action_cancel(self):
        self.write({"state": "cancel"})

    def action_reset(self):
        self.write({"state": "preparing"})

    def action_view_captures(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "adv_trade_show.adv_trade_show_capture_action"
        )
        action.update(
            domain=[("show_id", "=", self.id)],
            context={"default_show_id": self.id, "search_default_today": 0},
        )
        return action

    def action_view_leads(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "adv_trade_show.crm_lead_action_show"
        )
        action.update(domain=[("adv_show_id", "=", self.id)], context={"active_test": False})
        return action

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    @api.model
    def _default_for_user(self, user=None):
        """The show a staff member captures at by default: a running show they staff, else the
        next or latest one they staff, else the company's running one."""
        user = user or self.env.user
        today = fields.Date.context_today(self)
        domain = [
            ("state", "in", ("preparing", "running")),
            ("company_id", "in", self.env.companies.ids),
        ]
        staffed = self.search(domain + [("staff_ids", "in", user.ids)])
        shows = staffed or self.search(domain)
        current = shows.filtered(lambda s: s.date_begin <= today <= s.date_end)
        return (current or shows.sorted(lambda s: abs((s.date_begin - today).days)))[:1]

    def _prepare_lead_tags(self):
        """Hook: the tags every lead of the show gets."""
        return [Command.link(tag.id) for tag in self.tag_ids]
