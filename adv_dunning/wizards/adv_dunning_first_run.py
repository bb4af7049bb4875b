# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What a first dunning run would send: a dry run, before any notice is sent.

The run's own computation (``adv.dunning.run._partners_to_notice`` and ``_process_batch``, as
the Preview button and the daily run use them) inside a savepoint that is rolled back: no run,
notice or level is left behind, nothing is sent, no dispute or promise is settled. What is kept
is the list of notices (customer, level, amount), in this wizard's own lines."""

from odoo import fields, models


class AdvDunningFirstRun(models.TransientModel):
    _name = "adv.dunning.first.run"
    _description = "What a first dunning run would send"

    company_id = fields.Many2one(
        comodel_name="res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    computed = fields.Boolean(readonly=True)
    notice_count = fields.Integer(string="Notices", readonly=True)
    amount_due = fields.Monetary(string="Claimable", readonly=True)
    line_ids = fields.One2many(
        comodel_name="adv.dunning.first.run.line", inverse_name="wizard_id", readonly=True
    )

    def action_compute(self):
        self.ensure_one()
        self.env["adv.dunning.run"]._check_collector()
        self.line_ids.unlink()
        rows = self._dry_run()
        self.env["adv.dunning.first.run.line"].create(
            [dict(row, wizard_id=self.id, company_id=self.company_id.id) for row in rows]
        )
        self.write(
            {
                "computed": True,
                "notice_count": len(rows),
                "amount_due": sum(row["amount_due"] for row in rows),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def action_open_by_level(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "adv_dunning.adv_dunning_first_run_line_action"
        )
        action["domain"] = [("wizard_id", "=", self.id)]
        return action

    def _dry_run(self):
        """The notices a run of today would create, computed then rolled back."""
        Run = self.env["adv.dunning.run"].sudo().with_company(self.company_id)
        with self.env.cr.savepoint() as savepoint:
            run = Run.create({"company_id": self.company_id.id})
            for batch in run._split(run._partners_to_notice()):
                run._process_batch(batch)
            run.env.flush_all()
            rows = [
                {
                    "partner_id": notice.partner_id.id,
                    "level_id": notice.level_id.id,
                    "level_days": notice.level_id.days,
                    "amount_due": notice.amount_due,
                    "item_count": len(notice.line_ids),
                }
                for notice in run.notice_ids
            ]
            savepoint.close(rollback=True)
        self.env.invalidate_all(flush=False)
        return rows
