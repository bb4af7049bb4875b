# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from .late_payment import FIXED_INDEMNITY

NOTICE_STATE = [("draft", "To send"), ("sent", "Sent"), ("cancel", "Cancelled")]


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
    level_id = fields.Many2one("adv.dunning.level", required=True, ondelete="restrict")
    state = fields.Selection(
        NOTICE_STATE,
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    line_ids = fields.One2many("adv.dunning.notice.line", "notice_id", string="Overdue items")
    totals = fields.Char(string="Total due", compute="_compute_totals")
    indemnity = fields.Float(compute="_compute_totals", string="Fixed indemnities (EUR)")
    date_sent = fields.Date(readonly=True)
    penalty_rate = fields.Float(
        string="Penalty rate (%)",
        digits=(5, 2),
        readonly=True,
        help="Annual late-payment rate of the run's half-year, quoted in the formal notice.",
    )
    fees_move_id = fields.Many2one(
        "account.move", string="Fees invoice", readonly=True, copy=False, index="btree_not_null"
    )

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
            invoices = notice.line_ids.filtered(
                lambda ln: ln.days_overdue > 0 and not ln.move_id.adv_dunning_fees
            ).move_id
            notice.indemnity = FIXED_INDEMNITY * len(invoices) if notice.level_id.add_fees else 0.0

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_invoice_fees(self):
        """Invoice the penalties to date and the fixed indemnities of these notices."""
        if not self.env.su and not self.env.user.has_group("adv_dunning.group_collector"):
            raise AccessError(self.env._("Only credit collectors can invoice dunning fees."))
        moves = self._create_fee_invoices()
        if not moves:
            raise UserError(self.env._("No penalty or indemnity is left to invoice."))
        return moves._get_records_action(name=self.env._("Late-payment fees"))

    # ------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------

    def _refresh_amounts(self):
        """At sending time: a line paid in between is dropped, a partly paid one shows its
        residual, a line levelled meanwhile by another run is no longer new; a notice left
        without a newly levelled line is cancelled."""
        lines = self.line_ids
        lines.filtered(
            lambda ln: ln.move_line_id.reconciled or ln.move_line_id.amount_residual <= 0
        ).unlink()
        lines = self.line_ids
        lines.filtered(
            lambda ln: (
                ln.new_level and ln.move_line_id.adv_dunning_level_id.days >= ln.level_id.days
                if ln.move_line_id.adv_dunning_level_id
                else False
            )
        ).new_level = False
        for line in lines:
            aml = line.move_line_id
            foreign = aml.currency_id and aml.currency_id != aml.company_currency_id
            residual = aml.amount_residual_currency if foreign else aml.amount_residual
            if line.currency_id.compare_amounts(residual, line.amount_residual):
                line.amount_residual = residual
        self.filtered(lambda n: not n.line_ids.filtered("new_level")).state = "cancel"
        return self.filtered(lambda n: n.state == "draft")

    def _send(self):
        """Apply the levels and run the channels of the notices still due. The levels of the
        lines are written with the notice, in the same transaction: a notice is sent once."""
        notices = self._refresh_amounts()
        today = fields.Date.context_today(self)
        new_lines = notices.line_ids.filtered("new_level")
        for level in new_lines.level_id:
            new_lines.filtered(lambda ln, lv=level: ln.level_id == lv).move_line_id.write(
                {"adv_dunning_level_id": level.id, "adv_dunning_date": today}
            )
        notices.write({"state": "sent", "date_sent": today})
        notices.filtered(
            lambda n: n.level_id.add_fees and n.company_id.adv_dunning_post_fees
        )._create_fee_invoices()
        notices._execute_channels()
        return notices

    def _prepare_fee_lines(self):
        """Invoice lines of the penalties not yet invoiced and of the 40 EUR indemnity, once per
        late invoice. Outside the scope of VAT: no tax."""
        self.ensure_one()
        company = self.company_id
        eur = self.env.ref("base.EUR")
        indemnity = eur._convert(FIXED_INDEMNITY, company.currency_id, company, self.date_sent)
        vals = []
        for line in self.line_ids.filtered(lambda ln: ln.days_overdue > 0):
            aml = line.move_line_id
            extra = company.currency_id.round(line.penalty - aml.adv_penalty_invoiced)
            if extra > 0:
                vals.append(
                    {
                        "name": self.env._(
                            "Late-payment penalties on %(invoice)s, due %(due)s (C. com. L441-10)",
                            invoice=aml.move_id.name,
                            due=fields.Date.to_string(aml.date_maturity),
                        ),
                        "price_unit": extra,
                        "tax_ids": [Command.clear()],
                        "aml": aml,
                        "penalty": line.penalty,
                    }
                )
        late_moves = self.line_ids.filtered(lambda ln: ln.days_overdue > 0).move_id
        vals.extend(
            {
                "name": self.env._(
                    "Fixed recovery indemnity on %(invoice)s (C. com. D441-5)",
                    invoice=move.name,
                ),
                "price_unit": indemnity,
                "tax_ids": [Command.clear()],
                "move": move,
            }
            for move in late_moves
            if not move.adv_indemnity_invoiced and not move.adv_dunning_fees
        )
        return vals

    def _create_fee_invoices(self):
        """One posted customer invoice per notice for its fees; each fee is invoiced once."""
        moves = self.env["account.move"]
        for notice in self.filtered(lambda n: n.state == "sent" and n.level_id.add_fees):
            vals = notice._prepare_fee_lines()
            if not vals:
                continue
            move = (
                self.env["account.move"]
                .with_company(notice.company_id)
                .create(
                    {
                        "move_type": "out_invoice",
                        "partner_id": notice.partner_id.id,
                        "invoice_date": notice.date_sent,
                        "invoice_origin": notice.name,
                        "adv_dunning_fees": True,
                        "invoice_line_ids": [
                            Command.create(
                                {
                                    k: v
                                    for k, v in line.items()
                                    if k not in ("aml", "move", "penalty")
                                }
                            )
                            for line in vals
                        ],
                    }
                )
            )
            move.action_post()
            for line in vals:
                if "aml" in line:
                    line["aml"].adv_penalty_invoiced = line["penalty"]
                else:
                    line["move"].adv_indemnity_invoiced = True
            notice.fees_move_id = move
            moves |= move
        return moves

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
