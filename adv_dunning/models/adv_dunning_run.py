# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.adv_base.tools.notification import notify

from ..tools.late_payment import half_year_start, late_penalty

_logger = logging.getLogger(__name__)
RUN_STATE = [("draft", "Preview"), ("done", "Sent")]
LOCK_SCOPE = "adv_dunning.run"  # adv.lock scope of dunning runs (key: the company)


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
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        readonly=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, readonly=True)
    user_id = fields.Many2one(
        comodel_name="res.users", default=lambda self: self.env.user, readonly=True
    )
    state = fields.Selection(RUN_STATE, default="draft", required=True, readonly=True)
    automatic = fields.Boolean(readonly=True, help="Created by the daily scheduled run.")
    take_over = fields.Boolean(
        string="Record only (take-over)",
        copy=False,
        help="The levels are recorded as reached and nothing reaches the customers: no e-mail, "
        "letter or litigation file (calls and notifications stay). For taking over the levels "
        "a former system reached; set by ADV administrators only.",
    )
    notice_ids = fields.One2many(
        comodel_name="adv.dunning.notice", inverse_name="run_id", string="Notices"
    )
    notice_count = fields.Integer(compute="_compute_notice_count")
    rate_fallbacks = fields.Json(
        readonly=True,
        copy=False,
        help="Half-years this run needed without a late-payment rate: {missing: used}.",
    )
    rate_warning = fields.Char(
        string="Late-payment rate missing",
        compute="_compute_rate_warning",
        help="The run used the latest known rate for a half-year missing from the table.",
    )

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

    @api.depends("rate_fallbacks")
    @api.depends_context("lang")
    def _compute_rate_warning(self):
        """What the collector reads on the run, in their language: no late-payment rate for
        H2 2026, the rate of H1 2026 is used, add it in the rate table."""
        Rate = self.env["adv.late.payment.rate"]
        for run in self:
            fallbacks = run.rate_fallbacks or {}
            run.rate_warning = (
                " ".join(
                    self.env._(
                        "No late-payment rate for %(missing)s: the rate of %(used)s is used.",
                        missing=Rate._half_year_label(fields.Date.to_date(missing)),
                        used=Rate._half_year_label(fields.Date.to_date(used)),
                    )
                    for missing, used in sorted(fallbacks.items())
                )
                + " "
                + self.env._(
                    "Add it in Sales Administration > Configuration > Late-payment rates (Add "
                    "a half-year, or import the published figures; ADV administrators), then "
                    "preview again."
                )
                if fallbacks
                else False
            )

    @api.model_create_multi
    def create(self, vals_list):
        runs = super().create(vals_list)
        # what was stored, whatever gave it: the values, a default_* key, a personal default
        self._check_take_over(any(runs.mapped("take_over")))
        return runs

    def write(self, vals):
        """A sent run is closed: only the superuser (the daily cron) changes it."""
        if not self.env.su and any(run.state == "done" for run in self):
            raise UserError(self.env._("A dunning run that was sent cannot be changed."))
        self._check_take_over(vals.get("take_over"))
        return super().write(vals)

    def _check_take_over(self, wanted):
        """Whether a run sends nothing to the customers is decided by an ADV administrator
        (a collector who could set it would level customers without reminding them), on
        every path: create, write, import, a ``default_take_over`` key or a personal default."""
        if wanted and not (self.env.su or self.env.user.has_group("adv_base.group_manager")):
            raise AccessError(
                self.env._(
                    "Only an ADV administrator can make a dunning run record levels without "
                    "sending anything to the customers."
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        """A run that sent notices is their evidence: nobody deletes it, not even the
        superuser (a preview may be deleted)."""
        sent = (
            self.env["adv.dunning.notice"]
            .sudo()
            .with_context(active_test=False)
            .search_count([("run_id", "in", self.ids), ("date_sent", "!=", False)], limit=1)
        )
        if sent or any(run.state == "done" for run in self):
            raise UserError(self.env._("A dunning run that was sent cannot be deleted."))

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_compute(self):
        """Preview: the notices this run would send (nothing is levelled yet)."""
        for run in self._draft_runs_locked():
            run.notice_ids.filtered(lambda n: n.state == "draft").unlink()
            run.date = fields.Date.context_today(run)  # a preview is always as of today
            run.rate_fallbacks = False  # told again if the rate table still misses them
            run._end_expired_disputes_and_promises()
            for batch in run._split(run._partners_to_notice()):
                run._process_batch(batch)
        count = len(self.notice_ids.filtered(lambda n: n.state == "draft"))
        if not count:
            return notify(
                self.env,
                self.env._(
                    "No customer to remind today: no overdue item reaches a new level (payment "
                    "promises, disputes, exclusions and customers already reminded today are "
                    "left out). Nothing to send; preview again tomorrow or after new invoices "
                    "fall due."
                ),
                title=self.env._("Nothing to send"),
                kind="info",
            )
        return notify(
            self.env,
            self.env._(
                "Notices to send: %(count)s. Check them below, then Send the notices.", count=count
            ),
            title=self.env._("Preview ready"),
        )

    def action_send(self):
        """Send the previewed notices; the amounts and levels are checked again first."""
        sent = self.env["adv.dunning.notice"]
        for run in self._draft_runs_locked():
            sent |= run.notice_ids.filtered(lambda n: n.state == "draft")._send()
            run.state = "done"
        return notify(
            self.env,
            self.env._(
                "Notices sent: %(count)s. The calls and registered letters they ask for are in "
                "your activities.",
                count=len(sent),
            ),
            title=self.env._("Notices sent"),
        )

    def action_add_missing_rate(self):
        """The short form adding a half-year's rates, for the first half-year this run had to
        do without (the rate table itself allows only ADV administrators to add it)."""
        self.ensure_one()
        missing = min(self.rate_fallbacks or {}, default=None)
        return self.env["adv.late.payment.rate.add"]._action_open(
            fields.Date.to_date(missing) if missing else None
        )

    def _draft_runs_locked(self):
        """The runs to preview or send, one by one: each must still be a draft, and its company
        is locked before it is worked on (the user must be a collector)."""
        self._check_collector()
        for run in self:
            if run.state != "draft":
                raise UserError(self.env._("This run was already sent."))
            run._lock_company()
            yield run

    def _check_collector(self):
        if not self.env.su and not self.env.user.has_group("adv_dunning.group_collector"):
            raise AccessError(self.env._("Only credit collectors can run the dunning."))

    @api.model
    def _cron_run(self, batch_size=None):
        """Daily: for each company with a policy, send the next batch of notices.

        One batch per company and call: the cron runner commits after each call and calls
        again while some work remains (``_notify_progress``), so a crash loses at most the
        batch at hand and the next call completes the work, without duplicates (a line's level
        is written with its notice, in the same transaction).
        """
        today = fields.Date.context_today(self)
        companies = self.env["res.company"].search([("adv_dunning_policy_id", "!=", False)])
        done = remaining = 0
        locked = False
        for company in companies:
            run = self.with_company(company)._run_of_the_day(company, today)
            if not run:
                locked = True
                continue
            partners = run._partners_to_notice()
            size = batch_size or company.adv_dunning_batch_size or 500
            batch, rest = partners[:size], partners[size:]
            if batch:
                run._process_batch(batch)._send()
            if not rest:
                run.state = "done"
            done += len(batch)
            remaining += len(rest)
        if locked:  # a manual run holds a company: come back in a few minutes
            cron = self.env.ref("adv_dunning.ir_cron_dunning", raise_if_not_found=False)
            if cron:
                cron._trigger(fields.Datetime.now() + timedelta(minutes=5))
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)

    def _run_of_the_day(self, company, today):
        """Today's automatic run of ``company``, under the company's lock (None if another
        transaction holds it)."""
        if not self._lock_company(company, wait=False):
            _logger.info("Dunning of %s already running: skipped", company.name)
            return None
        domain = [("company_id", "=", company.id), ("automatic", "=", True)]
        # a day left unfinished (crash) is closed: today's run takes its remaining customers
        self.search(domain + [("state", "=", "draft"), ("date", "<", today)]).state = "done"
        run = self.search(domain + [("date", "=", today)], limit=1)
        if not run:
            run = self.create({"company_id": company.id, "date": today, "automatic": True})
            run._end_expired_disputes_and_promises()
        return run

    def _lock_company(self, company=None, wait=True):
        """Transaction lock of the company's dunning (adv_base's ``adv.lock``): two runs never
        level the same lines at the same time. ``wait=False`` (the cron): False at once when
        another transaction holds it."""
        company = company or self.company_id
        return self.env["adv.lock"]._acquire(LOCK_SCOPE, [company.id], company, wait=wait)

    # ------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------

    def _end_expired_disputes_and_promises(self):
        """Before selecting the lines: end the disputes past their date, settle the promises
        whose date has passed (kept or broken)."""
        self.ensure_one()
        self.env["account.move.line"]._adv_expire_disputes(self.date)
        self.env["adv.dunning.promise"]._settle_due_promises(self.company_id, self.date)

    @api.model
    def _split(self, ids, size=None):
        size = size or self.company_id.adv_dunning_batch_size or 500
        return [ids[i : i + size] for i in range(0, len(ids), size)]

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
        notice_level = {}
        for partner_id, lines in by_partner.items():
            new_lines = [r for r in lines if r["new"]]
            if new_lines:
                top = max(new_lines, key=lambda r: r["level_days"])
                notice_level[partner_id] = level_by_id[top["level_id"]]
        with_fees = {pid for pid, level in notice_level.items() if level.add_fees}
        fee_rows = [r for r in rows if r["partner_id"] in with_fees]
        fallbacks = {}
        rate_functions = self._rate_functions(
            self.env["adv.dunning.policy"].browse({r["policy_id"] for r in fee_rows}), fallbacks
        )
        penalties = self._penalties(fee_rows, rate_functions)
        current_half = half_year_start(self.date)
        partner_ids = list(notice_level)
        amounts = self._amounts_due(by_partner)
        vals_list = [
            {
                "run_id": self.id,
                "partner_id": partner_id,
                "company_id": self.company_id.id,
                "level_id": notice_level[partner_id].id,
                "penalty_rate": (
                    rate_functions[by_partner[partner_id][0]["policy_id"]](current_half)
                    if partner_id in with_fees
                    else 0.0
                ),
            }
            for partner_id in partner_ids
        ]
        self._note_rate_fallbacks(fallbacks)
        # created in bulk: no creation message nor auto-subscription per notice
        notices = (
            self.env["adv.dunning.notice"]
            .with_context(mail_create_nolog=True, mail_create_nosubscribe=True, mail_notrack=True)
            .create(vals_list)
            .with_env(self.env)
        )
        # their amount due is known from the rows: not computed again from the lines
        self.env.remove_to_compute(notices._fields["amount_due"], notices)
        line_rows = [
            dict(row, notice_id=notice.id, penalty=penalties.get(row["id"], 0.0))
            for notice, partner_id in zip(notices, partner_ids, strict=True)
            for row in by_partner[partner_id]
        ]
        self._insert_notice_lines(line_rows)
        self._write_amounts_due(notices, [amounts[pid] for pid in partner_ids])
        return notices

    def _penalties(self, rows, rate_functions):
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
        return {
            r["id"]: late_penalty(
                r["balance"],
                r["date_maturity"],
                self.date,
                payments[r["id"]],
                rate_functions[r["policy_id"]],
            )[0]
            for r in rows
            if r["date_maturity"] < self.date and not r["is_fees"]
        }

    def _rate_functions(self, policies, fallbacks=None):
        """{policy id: callable(half-year start) -> penalty rate}: the policy's contract rate
        (floored at 3 x the legal rate), else ECB + 10 points. The half-years missing from the
        rate table are noted in ``fallbacks`` (see ``_rate_function``). The table is read once."""
        Rate = self.env["adv.late.payment.rate"]
        table = Rate._rate_table()
        return {
            p.id: Rate._rate_function(p.contract_rate or None, fallbacks, table=table)
            for p in policies
        }

    def _note_rate_fallbacks(self, fallbacks):
        """The run used the latest known rate for half-years missing from the table: the run
        shows it (and its notices with penalties), and a log line says it, once per run and
        half-year (a run computed in several batches or cron calls tells it once)."""
        self.ensure_one()
        known = dict(self.rate_fallbacks or {})
        new = {
            fields.Date.to_string(missing): fields.Date.to_string(used)
            for missing, used in fallbacks.items()
            if fields.Date.to_string(missing) not in known
        }
        if not new:
            return
        self.rate_fallbacks = known | new
        Rate = self.env["adv.late.payment.rate"].with_context(lang="en_US")
        for missing, used in sorted(new.items()):
            _logger.warning(
                "Dunning run %s: no late-payment rate for %s, using %s: add it in "
                "Sales Administration > Configuration > Late-payment rates (Add a half-year, "
                "or import the published figures)",
                self.name,
                Rate._half_year_label(fields.Date.to_date(missing)),
                Rate._half_year_label(fields.Date.to_date(used)),
            )
