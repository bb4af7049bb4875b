# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.tools import SQL, float_round


class AdvDunningRun(models.Model):
    """The set-based writing of a batch: its customers' contacts, its notices' lines and
    amounts, in one statement each."""

    _inherit = "adv.dunning.run"  # pylint: disable=consider-merging-classes-inherited

    def _insert_notice_lines(self, rows):
        """Insert the lines of a batch's notices in one statement.

        Thousands of lines per batch, all their values already known (none is computed): the
        ORM would spend most of the run converting them one by one."""
        if not rows:
            return
        currency = self.company_id.currency_id
        rounding = currency.rounding  # read once: 5 000 lines a batch
        foreign = [bool(r["currency_id"]) and r["currency_id"] != currency.id for r in rows]
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """INSERT INTO adv_dunning_notice_line
                       (notice_id, company_id, move_line_id, move_id, invoice_name,
                        date_maturity, currency_id, amount_residual, days_overdue, level_id,
                        new_level, penalty)
                SELECT l.notice_id, %(company)s, l.aml, l.move, l.name, l.due, l.currency,
                       l.residual, %(today)s - l.due, l.level, l.new, l.penalty
                  FROM unnest(%(notice)s::int[], %(aml)s::int[], %(move)s::int[],
                              %(name)s::varchar[], %(due)s::date[], %(currency)s::int[],
                              %(residual)s::numeric[], %(level)s::int[], %(new)s::bool[],
                              %(penalty)s::numeric[])
                       AS l(notice_id, aml, move, name, due, currency, residual, level, new,
                            penalty)""",
                company=self.company_id.id,
                today=self.date,
                notice=[r["notice_id"] for r in rows],
                aml=[r["id"] for r in rows],
                move=[r["move_id"] for r in rows],
                name=[r["move_name"] for r in rows],
                due=[r["date_maturity"] for r in rows],
                currency=[
                    r["currency_id"] if f else currency.id
                    for r, f in zip(rows, foreign, strict=True)
                ],
                residual=[
                    r["amount_residual_currency"] if f else r["amount_residual"]
                    for r, f in zip(rows, foreign, strict=True)
                ],
                level=[r["level_id"] for r in rows],
                new=[r["new"] for r in rows],
                penalty=[float_round(r["penalty"], precision_rounding=rounding) for r in rows],
            )
        )
        self.env["adv.dunning.notice.line"].invalidate_model()
        self.env["adv.dunning.notice"].invalidate_model(["line_ids"])

    def _amounts_due(self, by_partner):
        """{partner id: amount due}: what ``adv.dunning.notice._compute_amount_due`` gives
        for the lines of each customer's notice, from the batch's rows (no read of the
        lines; a foreign-currency residual converted at its due date)."""
        company = self.company_id
        currency = company.currency_id
        Currency = self.env["res.currency"]
        amounts = {}
        for partner_id, rows in by_partner.items():
            amounts[partner_id] = sum(
                Currency.browse(r["currency_id"])._convert(
                    r["amount_residual_currency"], currency, company, r["date_maturity"]
                )
                if r["currency_id"] and r["currency_id"] != currency.id
                else r["amount_residual"]
                for r in rows
            )
        return amounts

    def _contact_ids(self, partner_ids):
        """The ids of the customers ``partner_ids`` and of all their contacts (one query)."""
        self.env.cr.execute(
            SQL(
                "SELECT id FROM res_partner WHERE commercial_partner_id = ANY(%s::int[])",
                list(partner_ids),
            )
        )
        return [pid for (pid,) in self.env.cr.fetchall()]

    def _write_amounts_due(self, notices, amounts):
        """Store the notices' amounts due (in their order), known from the batch's rows."""
        self.env.cr.execute(
            SQL(
                """UPDATE adv_dunning_notice n SET amount_due = v.amount
                     FROM unnest(%s::int[], %s::numeric[]) AS v(id, amount) WHERE n.id = v.id""",
                notices.ids,
                amounts,
            )
        )
        notices.invalidate_recordset(["amount_due"])
