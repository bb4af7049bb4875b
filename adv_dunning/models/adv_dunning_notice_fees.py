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
        invoiced = self._penalties_invoiced()
        for line in self.line_ids.filtered(lambda ln: ln.days_overdue > 0 and ln.move_line_id):
            aml = line.move_line_id
            extra = company.currency_id.round(line.penalty - invoiced[line])
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
                        "notice_line": line,
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

    def _penalties_invoiced(self):
        """{notice line: penalties already invoiced for its instalment}.

        The journal item records what was invoiced, but an invoice reset to draft may rebuild
        its items (and their records) when it is posted again: the sent notices keep what each
        line invoiced, so the greater of the two counts. An earlier line counts for the same
        item, the same invoice and due date, or an item of the invoice that no longer exists
        (never invoice a penalty twice). One search for all the lines."""
        self.ensure_one()
        lines = self.line_ids
        earlier = (
            self.env["adv.dunning.notice.line"]
            .sudo()
            .with_context(active_test=False)
            .search_fetch(
                [("move_id", "in", lines.move_id.ids), ("penalty_invoiced", ">", 0)],
                ["move_id", "move_line_id", "date_maturity", "penalty_invoiced"],
            )
        )
        return {
            line: max(
                line.move_line_id.adv_penalty_invoiced,
                sum(
                    earlier.filtered(
                        lambda e, ln=line: (
                            e.move_id == ln.move_id
                            and (
                                not e.move_line_id
                                or e.move_line_id == ln.move_line_id
                                or e.date_maturity == ln.date_maturity
                            )
                        )
                    ).mapped("penalty_invoiced")
                ),
            )
            for line in lines
        }

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
                                    if k not in ("aml", "move", "penalty", "notice_line")
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
                    # the notice line is evidence of a sent notice: written as superuser
                    line["notice_line"].sudo().penalty_invoiced = line["price_unit"]
                else:
                    line["move"].adv_indemnity_invoiced = True
            notice.fees_move_id = move
            moves |= move
        return moves
