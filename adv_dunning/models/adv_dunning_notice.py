# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models

from .late_payment import FIXED_INDEMNITY


class AdvDunningNotice(models.Model):
    """One customer's notice of one run, at the highest level newly reached by its lines."""

    _name = "adv.dunning.notice"
    _description = "Dunning notice"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    run_id = fields.Many2one("adv.dunning.run", required=True, ondelete="cascade", index=True)
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, index=True)
    company_id = fields.Many2one("res.company", required=True, index=True)
    level_id = fields.Many2one("adv.dunning.level", required=True)
    state = fields.Selection(
        [("draft", "To send"), ("sent", "Sent"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    line_ids = fields.One2many("adv.dunning.notice.line", "notice_id", string="Overdue items")
    totals = fields.Char(string="Total due", compute="_compute_totals")
    indemnity = fields.Float(compute="_compute_totals", string="Fixed indemnities (EUR)")
    date_sent = fields.Date(readonly=True)

    @api.depends("partner_id", "level_id")
    def _compute_name(self):
        for notice in self:
            notice.name = f"{notice.partner_id.name} / {notice.level_id.name}"

    @api.depends("line_ids.amount_residual", "line_ids.currency_id")
    def _compute_totals(self):
        """Total per currency, e.g. "1 200,00 € + 300,00 $"."""
        for notice in self:
            per_currency = defaultdict(float)
            for line in notice.line_ids:
                per_currency[line.currency_id] += line.amount_residual
            notice.totals = " + ".join(c.format(a) for c, a in per_currency.items())
            invoices = notice.line_ids.filtered(lambda ln: ln.days_overdue > 0).move_id
            notice.indemnity = FIXED_INDEMNITY * len(invoices) if notice.level_id.add_fees else 0.0

    def _refresh_amounts(self):
        """At sending time: a line paid in between is dropped, a partly paid one shows its
        residual; a notice left without a newly levelled line is cancelled."""
        for notice in self:
            paid = notice.line_ids.filtered(
                lambda ln: ln.move_line_id.reconciled or not ln.move_line_id.amount_residual
            )
            paid.unlink()
            for line in notice.line_ids:
                aml = line.move_line_id
                residual = aml.amount_residual_currency if aml.currency_id else aml.amount_residual
                if residual != line.amount_residual:
                    line.amount_residual = residual
            if not notice.line_ids.filtered("new_level"):
                notice.state = "cancel"
        return self.filtered(lambda n: n.state == "draft")

    def _send(self):
        """Apply the levels and run the channels of the notices still due."""
        notices = self._refresh_amounts()
        today = fields.Date.context_today(self)
        for notice in notices:
            new_lines = notice.line_ids.filtered("new_level")
            for level in new_lines.level_id:
                new_lines.filtered(lambda ln, lv=level: ln.level_id == lv).move_line_id.write(
                    {"adv_dunning_level_id": level.id, "adv_dunning_date": today}
                )
        notices.write({"state": "sent", "date_sent": today})
        notices._execute_channels()
        return notices

    def _execute_channels(self):
        """Run each notice's channels. The e-mails, letters and calls of the levels are filled in
        by the documents layer; here the notice is logged on the customer."""
        for notice in self:
            notice.partner_id.sudo().message_post(
                body=self.env._(
                    "Dunning notice %(level)s: %(total)s overdue.",
                    level=notice.level_id.name,
                    total=notice.totals,
                )
            )
            if notice.level_id.channel_call:
                notice.activity_schedule(
                    "mail.mail_activity_data_call",
                    user_id=(notice.partner_id.user_id or self.env.user).id,
                    summary=self.env._(
                        "Dunning call: %(customer)s", customer=notice.partner_id.name
                    ),
                )
