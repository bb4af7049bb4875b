# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .late_payment import late_penalty

_logger = logging.getLogger(__name__)
LOCK_KEY = 41210  # pg advisory lock namespace of dunning runs (second key: the company)


class AdvDunningRun(models.Model):
    """A dunning run of one company on one day.

    The unit is the open receivable line (its ``date_maturity``: instalments are dunned one by
    one). Each line goes straight to the level it deserves; each customer gets one notice per
    run, at the highest level newly reached, listing all their overdue lines. A line never gets
    the same level twice: its level is written when the notice is sent.

    Set-based: one query lists the customers to notice, then one query per batch of customers
    gives all their lines with the level each deserves. The daily cron handles one batch per
    call and reports its progress: Odoo's cron runner commits and calls again, so a crash
    loses at most the batch at hand, and the next call (or the next day) completes the work.
    """

    _name = "adv.dunning.run"
    _description = "Dunning run"
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, readonly=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, readonly=True)
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)
    state = fields.Selection(
        [("draft", "Preview"), ("done", "Sent")], default="draft", required=True, readonly=True
    )
    notice_ids = fields.One2many("adv.dunning.notice", "run_id", string="Notices")
    notice_count = fields.Integer(compute="_compute_notice_count")

    @api.depends("date", "company_id")
    def _compute_name(self):
        for run in self:
            run.name = f"{run.company_id.name} / {fields.Date.to_string(run.date)}"

    def _compute_notice_count(self):
        counts = dict(
            self.env["adv.dunning.notice"]._read_group(
                [("run_id", "in", self.ids)], ["run_id"], ["__count"]
            )
        )
        for run in self:
            run.notice_count = counts.get(run, 0)

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_compute(self):
        """Preview: the notices this run would send (nothing is levelled yet)."""
        self._check_collector()
        for run in self:
            if run.state != "draft":
                raise UserError(self.env._("This run was already sent."))
            run.notice_ids.filtered(lambda n: n.state == "draft").unlink()
            run._housekeeping()
            for batch in run._split(run._partners_to_notice()):
                run._process_batch(batch)
        return True

    def action_send(self):
        self._check_collector()
        for run in self:
            run.notice_ids.filtered(lambda n: n.state == "draft")._send()
            run.state = "done"
        return True

    def _check_collector(self):
        if not self.env.user.has_group("adv_dunning.group_collector"):
            raise UserError(self.env._("Only credit collectors can run the dunning."))

    @api.model
    def _cron_run(self, batch_size=None):
        """Daily: for each company with a policy, send the next batch of notices."""
        today = fields.Date.context_today(self)
        companies = self.env["res.company"].search([("adv_dunning_policy_id", "!=", False)])
        done = remaining = 0
        for company in companies:
            run = self.with_company(company)._run_of_the_day(company, today)
            if not run:
                continue
            partners = run._partners_to_notice()
            size = batch_size or company.adv_dunning_batch_size or 500
            batch, rest = partners[:size], partners[size:]
            if batch:
                run._process_batch(batch)._send()
            done += len(batch)
            remaining += len(rest)
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)

    def _run_of_the_day(self, company, today):
        """Today's run of ``company``, under the company's lock (None if another holds it)."""
        self.env.cr.execute(SQL("SELECT pg_try_advisory_xact_lock(%s, %s)", LOCK_KEY, company.id))
        if not self.env.cr.fetchone()[0]:
            _logger.info("Dunning of %s already running: skipped", company.name)
            return None
        run = self.search([("company_id", "=", company.id), ("date", "=", today)], limit=1)
        if not run:
            run = self.create({"company_id": company.id, "date": today})
            run._housekeeping()
        return run

    # ------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------

    def _housekeeping(self):
        self.ensure_one()
        self.env["account.move.line"]._adv_expire_disputes(self.date)
        self.env["adv.dunning.promise"]._check_promises(self.company_id, self.date)

    @api.model
    def _split(self, ids, size=None):
        size = size or self.company_id.adv_dunning_batch_size or 500
        return [ids[i : i + size] for i in range(0, len(ids), size)]

    def _line_query(self, partner_ids=None):
        """Open receivable lines of the company with the level each deserves today."""
        self.ensure_one()
        company = self.company_id
        key = str(company.id)
        return SQL(
            """SELECT aml.id, cp.id AS partner_id, aml.date_maturity, aml.amount_residual,
                      aml.amount_residual_currency, aml.currency_id, aml.balance,
                      cur.days AS current_days, lv.id AS level_id, lv.days AS level_days
                 FROM account_move_line aml
                 JOIN res_partner p ON p.id = aml.partner_id
                 JOIN res_partner cp ON cp.id = p.commercial_partner_id
                 JOIN account_account a ON a.id = aml.account_id
            LEFT JOIN adv_dunning_level cur ON cur.id = aml.adv_dunning_level_id
                 JOIN LATERAL (
                      SELECT v.id, v.days FROM adv_dunning_level v
                       WHERE v.policy_id = COALESCE((cp.adv_dunning_policy_id->>%(key)s)::int,
                                                    %(policy)s)
                         AND aml.date_maturity + v.days <= %(today)s
                    ORDER BY v.days DESC LIMIT 1) lv ON TRUE
                WHERE aml.company_id = %(company)s
                  AND a.account_type = 'asset_receivable'
                  AND aml.parent_state = 'posted'
                  AND aml.reconciled IS NOT TRUE
                  AND aml.amount_residual > 0
                  AND aml.date_maturity IS NOT NULL
                  AND NOT (COALESCE(aml.adv_dispute, FALSE)
                           AND (aml.adv_dispute_until IS NULL
                                OR aml.adv_dispute_until >= %(today)s))
                  AND COALESCE((cp.adv_dunning_excluded_until->>%(key)s)::date,
                               '1900-01-01') < %(today)s
                  AND NOT EXISTS (SELECT 1 FROM adv_dunning_promise pr
                                   WHERE pr.partner_id = cp.id AND pr.company_id = %(company)s
                                     AND pr.state = 'open' AND pr.date >= %(today)s)
                  %(partner_filter)s""",
            key=key,
            policy=company.adv_dunning_policy_id.id or None,
            today=self.date,
            company=company.id,
            partner_filter=SQL("AND cp.id IN %s", tuple(partner_ids)) if partner_ids else SQL(),
        )

    def _partners_to_notice(self):
        """Customers with at least one line below the level it deserves (one query)."""
        self.ensure_one()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """SELECT DISTINCT l.partner_id FROM (%s) l
                WHERE l.current_days IS NULL OR l.level_days > l.current_days
             ORDER BY l.partner_id""",
                self._line_query(),
            )
        )
        return [pid for (pid,) in self.env.cr.fetchall()]

    def _process_batch(self, partner_ids):
        """Create the notices of a batch of customers (one line query, one create)."""
        self.ensure_one()
        self.env.flush_all()
        self.env.cr.execute(self._line_query(partner_ids))
        rows = self.env.cr.dictfetchall()
        by_partner = defaultdict(list)
        for row in rows:
            row["new"] = row["current_days"] is None or row["level_days"] > row["current_days"]
            by_partner[row["partner_id"]].append(row)
        levels = self.env["adv.dunning.level"].browse({r["level_id"] for r in rows})
        level_by_id = {level.id: level for level in levels}
        company_currency = self.company_id.currency_id
        penalties = self._penalties([r for r in rows if level_by_id[r["level_id"]].add_fees])
        vals_list = []
        for partner_id, lines in by_partner.items():
            new_lines = [r for r in lines if r["new"]]
            if not new_lines:
                continue
            top = max(new_lines, key=lambda r: r["level_days"])
            level = level_by_id[top["level_id"]]
            total = sum(r["amount_residual"] for r in lines)
            if total < level.min_amount:
                continue
            vals_list.append(
                {
                    "run_id": self.id,
                    "partner_id": partner_id,
                    "company_id": self.company_id.id,
                    "level_id": level.id,
                    "line_ids": [
                        fields.Command.create(
                            {
                                "move_line_id": r["id"],
                                "currency_id": r["currency_id"] or company_currency.id,
                                "amount_residual": (
                                    r["amount_residual_currency"]
                                    if r["currency_id"] and r["currency_id"] != company_currency.id
                                    else r["amount_residual"]
                                ),
                                "days_overdue": (self.date - r["date_maturity"]).days,
                                "level_id": r["level_id"],
                                "new_level": r["new"],
                                "penalty": penalties.get(r["id"], 0.0),
                            }
                        )
                        for r in sorted(lines, key=lambda r: r["date_maturity"])
                    ],
                }
            )
        return self.env["adv.dunning.notice"].create(vals_list)

    def _penalties(self, rows):
        """Late-payment penalties to date of ``rows`` (company currency), partial payments
        included: one read of their reconciliations."""
        if not rows:
            return {}
        partials = self.env["account.partial.reconcile"].search_read(
            [("debit_move_id", "in", [r["id"] for r in rows])],
            ["debit_move_id", "max_date", "amount"],
        )
        payments = defaultdict(list)
        for partial in partials:
            payments[partial["debit_move_id"][0]].append((partial["max_date"], partial["amount"]))
        policy = self.company_id.adv_dunning_policy_id
        rate_for = self.env["adv.late.payment.rate"]._rate_function(policy.contract_rate or None)
        return {
            r["id"]: late_penalty(
                r["balance"], r["date_maturity"], self.date, payments[r["id"]], rate_for
            )[0]
            for r in rows
            if r["date_maturity"] < self.date
        }
