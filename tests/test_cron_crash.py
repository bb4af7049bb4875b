# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Crash safety of the daily crons, for real.

The cron job runs in a separate process (``cron_crash/run_crons.py``: Odoo's cron runner code,
``ir.cron._acquire_one_job`` then ``_process_job``, a commit after each batch) against data this
test commits (and removes at the end, even on failure). The test kills it with SIGKILL in the
middle of a run, starts it again, and counts the e-mails at a real SMTP server it started
(``cron_crash/sink.py``, aiosmtpd on a free port, Odoo's outgoing mail server pointed at it).

Two moments of the kill, both deterministic:

- **between batches**: the test holds a row lock on a record that batch k+1 writes; the cron
  blocks on it once batches 1..k are committed and their e-mails delivered; the test kills it
  there (the batch in progress is rolled back);
- **while sending**: the SMTP server holds one e-mail (received, not answered): the test kills
  the process while that e-mail is in flight.

Small data (12 documents, batches of 3) so that the whole file runs in about a minute. Only the
jobs under test run (the mail queue too, where it sends their e-mails): the database's other
crons are left alone; the other companies' customers due for dunning today and the other queued
e-mails are set aside during the test and restored after it.
"""

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.modules.registry import Registry
from odoo.tests import tagged
from odoo.tests.common import BaseCase, get_db_name
from odoo.tools import config

from .cron_crash.sink import SmtpSink

HERE = os.path.dirname(__file__)
RUN_CRONS = os.path.join(HERE, "cron_crash", "run_crons.py")
DUNNING_CRON = "adv_dunning.ir_cron_dunning"
CHASE_CRON = "adv_supply_followup.ir_cron_chase"
MAIL_QUEUE_CRON = "mail.ir_cron_mail_scheduler_action"
SUPPLY_BATCH = "odoo.addons.adv_supply_followup.models.adv_supply_chase_generation:BATCH_SIZE=3"
CUSTOMERS = 12
BATCH = 3
TIMEOUT = 90


class CronCrashCase(BaseCase):
    """Committed fixtures, a real SMTP server, the cron process started, killed, restarted."""

    crons = ()  # XML ids of the jobs each process runs, in order
    options = ()  # more options of run_crons.py

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())

    def setUp(self):
        super().setUp()
        self.token = uuid.uuid4().hex[:8]
        self.sink = SmtpSink()
        self.sink.start()
        self.addCleanup(self.sink.stop)
        self.processes = []
        self.addCleanup(self._kill_all)
        # the first run and the restart load their registry while the test makes its data
        self.first, self.restart = self.start_crons(), self.start_crons()
        self._set_aside_other_mails()
        self._point_mail_server_at_sink()
        self._make_crons_due()

    def tearDown(self):
        self._kill_all()  # before the cleanups remove what a process could still be working on
        super().tearDown()

    # -- committed data ------------------------------------------------------------------

    @contextlib.contextmanager
    def committed(self):
        """An environment on a new cursor, committed at the end of the block."""
        with self.registry.cursor() as cr:
            yield api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def _set_aside_other_mails(self):
        """The e-mails already queued in the database wait until the test is over."""
        with self.committed() as env:
            env.cr.execute(
                """UPDATE mail_mail m
                      SET scheduled_date = now() AT TIME ZONE 'UTC' + interval '1 year'
                     FROM mail_mail old WHERE old.id = m.id AND m.state = 'outgoing'
                 RETURNING m.id, old.scheduled_date"""
            )
            queued = env.cr.fetchall()

        def restore():
            with self.committed() as env:
                for mail_id, scheduled in queued:
                    env.cr.execute(
                        "UPDATE mail_mail SET scheduled_date = %s WHERE id = %s",
                        [scheduled, mail_id],
                    )

        self.addCleanup(restore)

    def _point_mail_server_at_sink(self):
        with self.committed() as env:
            server = env["ir.mail_server"].create(
                {
                    "name": f"Crash test sink {self.token}",
                    "smtp_host": self.sink.host,
                    "smtp_port": self.sink.port,
                    "smtp_encryption": "none",
                    "sequence": 0,
                }
            )
        self.addCleanup(self._sql, "DELETE FROM ir_mail_server WHERE id = %s", [server.id])

    def _make_crons_due(self):
        """The jobs under test are due now; their schedule is restored afterwards."""
        with self.committed() as env:
            ids = [env.ref(xmlid).id for xmlid in self.crons]
            env.cr.execute(
                """SELECT id, nextcall, lastcall, failure_count, first_failure_date,
                          (SELECT COALESCE(MAX(id), 0) FROM ir_cron_progress),
                          (SELECT COALESCE(MAX(id), 0) FROM ir_cron_trigger)
                     FROM ir_cron WHERE id = ANY(%s)""",
                [ids],
            )
            saved = env.cr.fetchall()
            env.cr.execute(
                "UPDATE ir_cron SET nextcall = now() AT TIME ZONE 'UTC' - interval '1 minute'"
                " WHERE id = ANY(%s)",
                [ids],
            )

        def restore():
            with self.committed() as env:
                for cron_id, nextcall, lastcall, failures, first, progress, trigger in saved:
                    env.cr.execute(
                        """UPDATE ir_cron SET nextcall = %s, lastcall = %s, failure_count = %s,
                                  first_failure_date = %s WHERE id = %s""",
                        [nextcall, lastcall, failures, first, cron_id],
                    )
                    env.cr.execute(
                        "DELETE FROM ir_cron_progress WHERE cron_id = %s AND id > %s",
                        [cron_id, progress],
                    )
                    env.cr.execute(
                        "DELETE FROM ir_cron_trigger WHERE cron_id = %s AND id > %s",
                        [cron_id, trigger],
                    )

        self.addCleanup(restore)

    def _sql(self, query, params=None):
        with self.committed() as env:
            env.cr.execute(query, params)

    def delete_messages(self, env, model, ids):
        """The chatter and e-mails of records the test made (their notifications cascade)."""
        if ids:
            env.cr.execute(
                "DELETE FROM mail_mail WHERE mail_message_id IN "
                "(SELECT id FROM mail_message WHERE model = %s AND res_id = ANY(%s))",
                [model, list(ids)],
            )
            env.cr.execute(
                "DELETE FROM mail_message WHERE model = %s AND res_id = ANY(%s)",
                [model, list(ids)],
            )
            env.cr.execute(
                "DELETE FROM mail_activity WHERE res_model = %s AND res_id = ANY(%s)",
                [model, list(ids)],
            )

    # -- the cron process ----------------------------------------------------------------

    def start_crons(self):
        """Start a process that loads the registry of this test's database, then waits for
        :meth:`go` to run ``self.crons``."""
        args = [sys.executable, RUN_CRONS, "--wait", *self.options]
        for xmlid in self.crons:
            args += ["--cron", xmlid]
        args += [
            "--",
            "-d",
            get_db_name(),
            f"--addons-path={config['addons_path']}",
            f"--data-dir={config['data_dir']}",
            "--log-level=warn",
            "--max-cron-threads=0",
        ]
        for key in ("db_host", "db_port", "db_user"):
            if config.get(key):
                args.append(f"--{key}={config[key]}")
        env = dict(os.environ)
        if config.get("db_password"):
            env["PGPASSWORD"] = config["db_password"]
        log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 (read when the process ends)
        process = subprocess.Popen(
            args, stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT, env=env, text=True
        )
        process.log = log
        self.processes.append(process)
        return process

    def go(self, process):
        process.stdin.write("go\n")
        process.stdin.close()

    def output(self, process):
        process.log.seek(0)
        return process.log.read()[-4000:]

    def run_crons(self):
        """The restart: run the jobs to the end; return the process's output."""
        process = self.restart
        self.go(process)
        process.wait(timeout=TIMEOUT)
        out = self.output(process)
        self.assertEqual(process.returncode, 0, out)
        self.assertNotIn("Traceback", out)
        return out

    def wait_for(self, condition, process, what):
        deadline = time.monotonic() + TIMEOUT
        while not condition():
            if process.poll() is not None:
                self.fail(f"the cron process ended before {what}:\n{self.output(process)}")
            if time.monotonic() > deadline:
                self.fail(f"timed out waiting until {what}:\n{self.output(process)}")
            time.sleep(0.02)

    def _backends(self, process, waiting_on_lock=False):
        with self.committed() as env:
            env.cr.execute(
                "SELECT pid FROM pg_stat_activity WHERE application_name = %s"
                + (" AND wait_event_type = 'Lock'" if waiting_on_lock else ""),
                [f"odoo-{process.pid}"],
            )
            return [pid for (pid,) in env.cr.fetchall()]

    def blocked_on_lock(self, process):
        return bool(self._backends(process, waiting_on_lock=True))

    def kill(self, process):
        """SIGKILL, as a crash: no rollback, no cleanup in the process. Its database sessions
        end as a crashed server's do (their transactions are never committed)."""
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=TIMEOUT)
        self.assertEqual(process.returncode, -signal.SIGKILL)

    def wait_sessions_gone(self, process):
        deadline = time.monotonic() + 10
        while (pids := self._backends(process)) and time.monotonic() < deadline:
            time.sleep(0.05)
        for pid in pids:  # a session blocked in a statement notices the crash late
            self._sql("SELECT pg_terminate_backend(%s)", [pid])

    def _kill_all(self):
        for process in self.processes:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=TIMEOUT)
            self.wait_sessions_gone(process)
            process.log.close()

    @contextlib.contextmanager
    def row_locked(self, table, ids):
        """Hold a row lock (FOR UPDATE) on these rows, in a transaction of the test."""
        cr = self.registry.cursor()
        try:
            cr.execute(f"SELECT id FROM {table} WHERE id = ANY(%s) FOR UPDATE", [list(ids)])
            yield
        finally:
            cr.rollback()
            cr.close()

    def kill_between_batches(self, table, ids):
        """Start the jobs, let them block on ``ids`` (the first batch that writes them), kill
        them there; return the process."""
        with self.row_locked(table, ids):
            process = self.first
            self.go(process)
            self.wait_for(lambda: self.blocked_on_lock(process), process, "a batch is blocked")
            self.kill(process)
        self.wait_sessions_gone(process)
        return process

    def kill_while_sending(self, address):
        """Start the jobs, kill them while the e-mail to ``address`` is in flight."""
        self.sink.hold_for(address)
        process = self.first
        self.go(process)
        self.wait_for(self.sink.holding.is_set, process, f"an e-mail to {address} is in flight")
        self.kill(process)
        self.sink.release()
        self.wait_sessions_gone(process)
        return process

    def assert_at_least_once(self, addresses, in_flight, process):
        """Every address got its e-mail; none twice, but the one in flight at the kill."""
        counts = self.sink.by_recipient()
        missing = [a for a in addresses if not counts[a]]
        self.assertFalse(missing, f"e-mails never delivered: {missing}")
        twice = {a: counts[a] for a in addresses if counts[a] > 1}
        self.assertLessEqual(
            set(twice),
            {in_flight},
            f"E-mails delivered more than once after a kill while the e-mail to {in_flight} was "
            f"in flight: {twice} (at least once allows only that one)\n{self.output(process)}",
        )
        self.assertLessEqual(counts[in_flight], 2)
        return twice


@tagged("post_install", "-at_install")
class TestDunningCronCrash(CronCrashCase):
    """adv_dunning's daily run (``adv.dunning.run._cron_run``: one batch of customers per call,
    the cron runner commits after each call), then the mail queue, as a cron worker runs them."""

    crons = (DUNNING_CRON, MAIL_QUEUE_CRON)

    def setUp(self):
        super().setUp()
        with self.committed() as env:
            # the cron's today, in its user's time zone (late in the evening in UTC, Paris is
            # already tomorrow)
            user = env.ref(DUNNING_CRON).user_id
            self.today = fields.Date.context_today(user.with_user(user).with_context(tz=user.tz))
            self.company = env.ref("base.main_company")
            self.courtesy = env.ref("adv_dunning.level_courtesy")
            self.assertEqual(self.company.adv_dunning_policy_id, self.courtesy.policy_id)
            batch_size = self.company.adv_dunning_batch_size
            self.company.adv_dunning_batch_size = BATCH
        self.addCleanup(
            self._sql,
            "UPDATE res_company SET adv_dunning_batch_size = %s WHERE id = %s",
            [batch_size, self.company.id],
        )
        self._set_aside_others_due_today()
        self.addCleanup(self._remove_fixtures)
        self.customer_ids, self.line_ids = self._make_customers()

    def _set_aside_others_due_today(self):
        """The customers of the database due for a notice today are left out of dunning for
        today during the test (``No dunning until``), and put back after it."""
        excluded = []
        with self.registry.cursor() as cr:  # a dry run: rolled back
            env = api.Environment(cr, SUPERUSER_ID, {})
            Run = env["adv.dunning.run"]
            for company in env["res.company"].search([("adv_dunning_policy_id", "!=", False)]):
                run = Run.create({"company_id": company.id, "automatic": True})
                run._end_expired_disputes_and_promises()
                excluded += [(pid, str(company.id)) for pid in run._partners_to_notice()]
            cr.rollback()
        with self.committed() as env:
            saved = []
            for partner_id, key in excluded:
                env.cr.execute(
                    """UPDATE res_partner p SET adv_dunning_excluded_until =
                              COALESCE(p.adv_dunning_excluded_until, '{}'::jsonb)
                              || jsonb_build_object(%s::text, %s::text)
                        FROM res_partner old WHERE old.id = p.id AND p.id = %s
                    RETURNING old.adv_dunning_excluded_until""",
                    [key, str(self.today), partner_id],
                )
                saved.append((env.cr.fetchone()[0], partner_id))

        def restore():
            with self.committed() as env:
                for value, partner_id in saved:
                    env.cr.execute(
                        "UPDATE res_partner SET adv_dunning_excluded_until = %s WHERE id = %s",
                        [value and json.dumps(value), partner_id],
                    )

        self.addCleanup(restore)

    def _make_customers(self):
        """12 customers, each with two invoices falling due in 3 and 4 days (the courtesy
        reminder, an e-mail, is due today), committed."""
        with self.committed() as env:
            env = env(context=dict(env.context, mail_create_nosubscribe=True))
            customers = env["res.partner"].create(
                [
                    {
                        "name": f"Crash Dunning {i:02d}",
                        "is_company": True,
                        "email": f"dun{i:02d}-{self.token}@crash.example.com",
                        "lang": "en_US",
                    }
                    for i in range(CUSTOMERS)
                ]
            )
            moves = env["account.move"].create(
                [
                    {
                        "move_type": "out_invoice",
                        "company_id": self.company.id,
                        "partner_id": customer.id,
                        "invoice_date": self.today - timedelta(days=20),
                        "invoice_date_due": self.today + timedelta(days=days),
                        "invoice_line_ids": [
                            Command.create(
                                {"name": "Tiles", "quantity": 1, "price_unit": 100, "tax_ids": []}
                            )
                        ],
                    }
                    for customer in customers
                    for days in (3, 4)
                ]
            )
            self.move_ids = moves.ids
            moves.action_post()
            lines = moves.line_ids.filtered(lambda ln: ln.account_type == "asset_receivable")
            return customers.ids, lines.ids

    def _remove_fixtures(self):
        with self.committed() as env:
            if not getattr(self, "customer_ids", None):
                return
            env.cr.execute(
                "SELECT id FROM adv_dunning_notice WHERE partner_id = ANY(%s)", [self.customer_ids]
            )
            notice_ids = [nid for (nid,) in env.cr.fetchall()]
            self.delete_messages(env, "adv.dunning.notice", notice_ids)
            self.delete_messages(env, "res.partner", self.customer_ids)
            self.delete_messages(env, "account.move", self.move_ids)
            # sent notices are evidence (the ORM refuses to delete them): removed in SQL
            env.cr.execute("DELETE FROM adv_dunning_notice WHERE id = ANY(%s)", [notice_ids])
            env.cr.execute(
                """DELETE FROM adv_dunning_run r WHERE r.automatic AND r.date = %s
                      AND NOT EXISTS (SELECT 1 FROM adv_dunning_notice n WHERE n.run_id = r.id)""",
                [self.today],
            )
            moves = env["account.move"].browse(self.move_ids).exists()
            moves.button_draft()
            moves.with_context(force_delete=True).unlink()
            env["res.partner"].browse(self.customer_ids).unlink()

    def email(self, index):
        return f"dun{index:02d}-{self.token}@crash.example.com"

    def committed_notices(self):
        """{customer id: [(state, date sent)]} of the committed notices of the customers."""
        with self.committed() as env:
            env.cr.execute(
                """SELECT partner_id, state, date_sent FROM adv_dunning_notice
                    WHERE partner_id = ANY(%s) ORDER BY id""",
                [self.customer_ids],
            )
            result = {}
            for partner_id, state, date_sent in env.cr.fetchall():
                result.setdefault(partner_id, []).append((state, date_sent))
            return result

    def committed_mails(self):
        """{state: count} of the committed e-mails of the customers' notices."""
        with self.committed() as env:
            env.cr.execute(
                """SELECT mm.state, COUNT(*) FROM mail_mail mm
                     JOIN mail_message m ON m.id = mm.mail_message_id
                     JOIN adv_dunning_notice n ON n.id = m.res_id
                    WHERE m.model = 'adv.dunning.notice' AND n.partner_id = ANY(%s)
                 GROUP BY mm.state""",
                [self.customer_ids],
            )
            return dict(env.cr.fetchall())

    def assert_notified_once(self):
        """Every customer got exactly one notice, sent today; every line was levelled once (by
        one notice line, at the courtesy level)."""
        notices = self.committed_notices()
        for customer_id in self.customer_ids:
            self.assertEqual(
                notices.get(customer_id), [("sent", self.today)], f"customer {customer_id}"
            )
        with self.committed() as env:
            env.cr.execute(
                """SELECT aml.id, aml.adv_dunning_level_id,
                          (SELECT COUNT(*) FROM adv_dunning_notice_line nl
                            WHERE nl.move_line_id = aml.id AND nl.new_level)
                     FROM account_move_line aml WHERE aml.id = ANY(%s)""",
                [self.line_ids],
            )
            levelled = env.cr.fetchall()
        self.assertEqual(len(levelled), 2 * CUSTOMERS)
        for line_id, level_id, times in levelled:
            self.assertEqual((level_id, times), (self.courtesy.id, 1), f"line {line_id}")

    def test_kill_between_batches(self):
        """Killed in batch 3 (batches 1 and 2 committed), restarted: every customer notified
        once, every e-mail delivered exactly once."""
        batch_3 = self.line_ids[2 * 2 * BATCH : 2 * 2 * BATCH + 2]  # the 7th customer's lines
        process = self.kill_between_batches("account_move_line", batch_3)
        notices = self.committed_notices()
        self.assertEqual(len(notices), 2 * BATCH, f"2 batches committed:\n{self.output(process)}")
        # the cron queues its e-mails (a server action sets mail_notify_force_send=False):
        # batches 1 and 2's are committed with their notices, waiting for the mail queue
        self.assertEqual(self.committed_mails(), {"outgoing": 2 * BATCH})
        self.assertEqual(self.sink.count(), 0)
        self.run_crons()
        self.assert_notified_once()
        counts = self.sink.by_recipient()
        self.assertEqual(
            {self.email(i): counts[self.email(i)] for i in range(CUSTOMERS)},
            dict.fromkeys(map(self.email, range(CUSTOMERS)), 1),
        )

    def test_kill_while_sending(self):
        """The run done, the mail queue is killed while the e-mail to the 5th customer is in
        flight, restarted: every customer notified once; every e-mail delivered, none twice but
        the one in flight (Odoo marks an e-mail sent after its SMTP transaction, and commits
        after each e-mail: at least once)."""
        process = self.kill_while_sending(self.email(4))
        self.assertEqual(self.committed_mails(), {"sent": 4, "outgoing": CUSTOMERS - 4})
        out = self.run_crons()
        self.assertIn(f"not due {DUNNING_CRON}", out, "the run was complete before the kill")
        self.assert_notified_once()
        self.assertEqual(self.committed_mails(), {"sent": CUSTOMERS})
        twice = self.assert_at_least_once(
            [self.email(i) for i in range(CUSTOMERS)], self.email(4), process
        )
        self.assertEqual(twice, {self.email(4): 2}, "the e-mail in flight is delivered again")


@tagged("post_install", "-at_install")
class TestSupplyChaseCronCrash(CronCrashCase):
    """adv_supply_followup's daily chases (``adv.supply.chase._cron_generate``: a commit after
    each batch of documents; batches of 3 here), then the mail queue, as a cron worker runs
    them. The documents: 12 purchase orders confirmed 3 days ago and not acknowledged by their
    vendor (the first level of the chase: an e-mail to the vendor)."""

    crons = (CHASE_CRON, MAIL_QUEUE_CRON)
    options = ("--set", SUPPLY_BATCH)

    def setUp(self):
        super().setUp()
        self.addCleanup(self._remove_fixtures)
        self._make_purchases()
        self.order = self._candidates_order()

    def _make_purchases(self):
        with self.committed() as env:
            env = env(context=dict(env.context, mail_create_nosubscribe=True))
            self.vendor_ids = (
                env["res.partner"]
                .create(
                    [
                        {
                            "name": f"Crash Vendor {i:02d}",
                            "is_company": True,
                            "email": self.email(i),
                            "lang": "en_US",
                        }
                        for i in range(CUSTOMERS)
                    ]
                )
                .ids
            )
            product = env["product.product"].create({"name": "Crash tiles", "type": "consu"})
            self.product_id = product.id
            planned = fields.Datetime.now() + timedelta(days=30)  # receipts not due soon
            orders = env["purchase.order"].create(
                [
                    {
                        "partner_id": vendor_id,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": product.id,
                                    "product_qty": 1,
                                    "price_unit": 10,
                                    "date_planned": planned,
                                    "taxes_id": [],
                                }
                            )
                        ],
                    }
                    for vendor_id in self.vendor_ids
                ]
            )
            self.purchase_ids = orders.ids
            orders.button_confirm()
            orders.date_approve = fields.Datetime.now() - timedelta(days=3)

    def _candidates_order(self):
        """Our orders in the order the generation reads them (a dry run), by batch of 3."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            rows = env["adv.supply.chase"]._candidates(fields.Datetime.now())["ack"]
            cr.rollback()
        ours = {pid: i for i, pid in enumerate(self.purchase_ids)}
        return [
            (pos // BATCH, ours[r["doc_id"]]) for pos, r in enumerate(rows) if r["doc_id"] in ours
        ]

    def _remove_fixtures(self):
        if not getattr(self, "purchase_ids", None):
            return
        with self.committed() as env:
            chases = env["adv.supply.chase"].search([("purchase_id", "in", self.purchase_ids)])
            orders = env["purchase.order"].browse(self.purchase_ids)
            pickings = orders.picking_ids
            self.delete_messages(env, "adv.supply.chase", chases.ids)
            self.delete_messages(env, "purchase.order", orders.ids)
            self.delete_messages(env, "stock.picking", pickings.ids)
            self.delete_messages(env, "res.partner", self.vendor_ids)
            env.cr.execute("DELETE FROM adv_supply_chase WHERE id = ANY(%s)", [chases.ids])
            orders.button_cancel()
            pickings.unlink()
            orders.unlink()
            env["product.product"].browse(self.product_id).product_tmpl_id.unlink()
            env["res.partner"].browse(self.vendor_ids).unlink()

    def email(self, index):
        return f"sup{index:02d}-{self.token}@crash.example.com"

    def committed_chases(self):
        """{order index: [chase state]} of the committed chases of our orders."""
        with self.committed() as env:
            env.cr.execute(
                "SELECT purchase_id, state FROM adv_supply_chase WHERE purchase_id = ANY(%s)",
                [self.purchase_ids],
            )
            result = {}
            for purchase_id, state in env.cr.fetchall():
                result.setdefault(self.purchase_ids.index(purchase_id), []).append(state)
            return result

    def assert_chased_once(self):
        self.assertEqual(self.committed_chases(), {i: ["open"] for i in range(CUSTOMERS)})

    def test_kill_between_batches(self):
        """Killed in the middle of the run (some batches committed), restarted: no chase
        created twice, every e-mail delivered exactly once."""
        middle = self.order[CUSTOMERS // 2]
        process = self.kill_between_batches("purchase_order", [self.purchase_ids[middle[1]]])
        done = self.committed_chases()
        self.assertTrue(0 < len(done) < CUSTOMERS, f"{done}\n{self.output(process)}")
        self.run_crons()
        self.assert_chased_once()
        counts = self.sink.by_recipient()
        self.assertEqual(
            {self.email(i): counts[self.email(i)] for i in range(CUSTOMERS)},
            dict.fromkeys(map(self.email, range(CUSTOMERS)), 1),
        )

    def test_kill_while_sending(self):
        """Killed while the e-mail of the second order of a batch is in flight, restarted: no
        chase created twice; every e-mail delivered, none twice but the one in flight."""
        batches = [batch for batch, __ in self.order]
        # an order whose batch mails another of our orders before it
        second = next(i for pos, (batch, i) in enumerate(self.order) if batch in batches[:pos])
        process = self.kill_while_sending(self.email(second))
        self.run_crons()
        self.assert_chased_once()
        self.assert_at_least_once(
            [self.email(i) for i in range(CUSTOMERS)], self.email(second), process
        )
