# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.late_payment import FIXED_INDEMNITY


class AdvDunningNotice(models.Model):
    """The fees of a notice: late-payment penalties and fixed indemnities, invoiced once."""

    _inherit = "adv.dunning.notice"  # pylint: disable=consider-merging-classes-inherited

    def action_invoice_fees(self):
        """Invoice the penalties to date and the fixed indemnities of these notices."""
        if not self.env.su and not self.env.user.has_group("adv_dunning.group_collector"):
            raise AccessError(self.env._("Only credit collectors can invoice dunning fees."))
        moves = self._create_fee_invoices()
        if not moves:
            raise UserError(self.env._("No penalty or indemnity is left to invoice."))
        return moves._get_records_action(name=self.env._("Late-payment fees"))

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
