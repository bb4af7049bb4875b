# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Booth capture against a big CRM: 100 000 partners and 100 000 leads (real size).

Prints the time and SQL queries of processing one capture (match on the normalised e-mail, then
the E.164 phone; lead, consent, follow-up activity) for a new visitor, a known partner found by
e-mail, one found by phone and a visitor seen twice at the show, at the full volume and at a
tenth of it (the query count must not change: indexed exact lookups), next to a plain
``crm.lead`` creation; and checks that no duplicate lead or partner was created.
The bulk partners and leads are copied with SQL from one real record each.

Then capture under load, as the booth's phones do it: the script starts its own Odoo HTTP server
(``odoo server`` in a subprocess on a free localhost port, threaded: ``--workers=0``) on the same
volume of partners and leads, *committed* this time (the server only sees committed data; all of
it is deleted at the end, in a ``finally``, and leftovers of an interrupted run at the start), and
8 JSON-RPC clients (threads, each its own HTTP session, each logged in through
``/web/session/authenticate`` as its own booth staff user) capture visitors through
``/web/dataset/call_kw`` (``action_capture`` on ``adv.trade.show.capture``: create and
process in one request, as the capture form's Save & process does on a new visitor).
Every third capture, four clients capture the same visitor at the same moment (a barrier), one
in three is a known partner found by e-mail, the rest new visitors with a phone. A plain
``crm.lead`` ``create`` through the same path by the same clients is the reference; plain leads
and captures are measured in alternating rounds, so that a change of the machine's load weighs
on both alike. The bulk tables are analysed once the booth users exist, as autovacuum does on a
live database. The salesperson's e-mail about each new lead's follow-up is sent by a job the
capture triggers, not by the capture request: the server runs no job here, so its cost is
measured in-process (ms per e-mail). Printed: captures per second, median and 95th percentile
latency, the requests retried by Odoo after a serialization failure (counted in the server's
log), the failed requests and the duplicate show leads.

Targets (figures and targets also written to the JSON file of the run; at real size a missed
target makes the script exit non-zero; at the other sizes the timings are only printed):

- p95 of a capture of a distinct visitor at most 1.5x the p95 of a plain lead creation;
- p95 of a capture of the same visitor from four phones at once at most 3x;
- 0 duplicate show leads, 0 failed requests, one show lead per distinct visitor (any size).
"""

import contextlib
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import requests
from _harness import (
    SIZES,
    Timer,
    clone_rows,
    environment,
    figure,
    parse_args,
    results_path,
    target,
    write_results,
)

import odoo
from odoo import SUPERUSER_ID, Command, api
from odoo.tools import SQL

CLIENTS = 8
SHARED_BY = 4  # clients capturing the same visitor at the same moment
PER_CLIENT = {"tiny": 6, "small": 24, "real": 60}
ROUNDS = {"tiny": 1, "small": 2, "real": 4}  # alternating rounds of plain leads and captures
VOLUME = 100000  # partners, and leads, at real size
TARGET_DISTINCT = 1.5  # capture p95 / plain lead p95, distinct visitors
TARGET_SAME = 3.0  # the same, the same visitor from four phones at once
MARK = "bench-http"  # in every name, login and e-mail the load test creates
PASSWORD = "bench-http-password"


def clone(env, record, count, tag, start=0, domain="bench.example", prefix="+3361"):
    """``count`` copies of ``record`` with their own name, e-mail (``tag<n>@domain``) and
    E.164 phone (``prefix`` and 7 digits)."""
    table = record._table
    mail = tag.lower()
    email = SQL("%s || g || %s", mail, f"@{domain}")
    phone = SQL("%s || lpad(g::text, 7, '0')", prefix)
    values = {
        "name": SQL("%s || ' ' || g", tag),
        "email_normalized": email,
        "phone": phone,
        "adv_phone_e164": phone,
    }
    if table == "res_partner":
        values.update(complete_name=SQL("%s || ' ' || g", tag), email=email)
    else:
        values["email_from"] = email
    clone_rows(env, record, count, values, start=start)
    if table == "res_partner":  # each copy is its own commercial entity, not the seed's
        env.cr.execute(
            SQL(
                "UPDATE res_partner SET commercial_partner_id = id"
                " WHERE commercial_partner_id = %s AND id != %s",
                record.id,
                record.id,
            )
        )
    env.cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))


def main():
    args = parse_args(__doc__)
    factor = SIZES[args.size]
    results_path(args)  # the load test below writes its figures to the same file
    with environment(args) as env:
        total = max(int(VOLUME * factor), 500)
        fr = env.ref("base.fr")
        partner = env["res.partner"].create(
            {"name": "Seed", "email": "seed@bench.example", "country_id": fr.id}
        )
        lead = env["crm.lead"].create({"name": "Seed lead", "email_from": "seedlead@x.example"})
        show = env["adv.trade.show"].create(
            {
                "name": "Bench show",
                "country_id": fr.id,
                "date_begin": "2026-11-02",
                "date_end": "2026-11-05",
                "state": "running",
            }
        )
        Capture = env["adv.trade.show.capture"]
        timer = Timer(f"Trade show capture against {total} partners and {total} leads")

        def process(label, **values):
            capture = Capture.create(
                dict(
                    {"show_id": show.id, "name": label, "informed": True, "next_step": "call"},
                    **values,
                )
            )
            with timer.measure(label, env):
                capture.action_process()
            return capture

        # Warm the caches (views of the template, rules, sequences) before measuring.
        Capture.create(
            {"show_id": show.id, "name": "Warm-up", "email": "warm@up.example", "informed": True}
        ).action_process()
        results = {}
        for size, tag in ((total // 10, "small"), (total, "full")):
            start = 1 if tag == "small" else total // 10 + 1
            count = size if tag == "small" else total - total // 10
            clone(env, partner, count, "Partner", start)
            clone(env, lead, count, "Lead", start + total)
            probe = start + count - 1  # the last copy: exists at this volume
            results[tag] = [
                process(f"{tag}: new visitor", email=f"new-{tag}@visitor.example"),
                process(f"{tag}: known partner by e-mail", email=f"  PARTNER{probe}@Bench.example"),
                process(
                    f"{tag}: known partner by phone",
                    email=f"other-{tag}@visitor.example",
                    phone="06 1" + f"{probe - 1:07d}"[:1] + " " + f"{probe - 1:07d}"[1:],
                ),
                process(f"{tag}: same visitor again", email=f"new-{tag}@visitor.example"),
            ]
        with timer.measure("plain crm.lead creation (reference)", env):
            env["crm.lead"].create({"name": "Plain", "email_from": "plain@visitor.example"})
        start = time.perf_counter()
        batch = Capture.create(
            [
                {
                    "show_id": show.id,
                    "name": f"Batch {i}",
                    "email": f"b{i}@v.example",
                    "informed": True,
                }
                for i in range(50)
            ]
        )
        batch.action_process()
        env.flush_all()
        per_capture = (time.perf_counter() - start) / 50 * 1000
        # The salesperson's e-mail about each new lead's follow-up, sent by the job each
        # capture triggers (not by the capture request): measured here, since the load test's
        # server runs no job.
        start = time.perf_counter()
        announced = Capture._cron_notify_follow_ups()
        env.flush_all()
        per_email = (time.perf_counter() - start) / max(len(announced), 1) * 1000
        timer.print()
        print(f"  50 captures created and processed: {per_capture:.1f} ms per capture")
        print(f"  then {len(announced)} follow-up e-mails sent by the job: {per_email:.1f} ms each")
        figure("in-process: ms per follow-up e-mail sent by the job", round(per_email, 1))
        queries = {
            tag: [q for label, _t, q in timer.rows if label.startswith(tag)] for tag in results
        }
        small, full = queries["small"], queries["full"]
        print(f"  queries per capture at {total // 10} vs {total}: {small} vs {full}")
        figure("in-process: ms per capture, 50 created and processed", round(per_capture, 1))
        figure(f"in-process: queries per capture at {total // 10}", small)
        figure(f"in-process: queries per capture at {total}", full)
        for tag, (new, by_email, by_phone, again) in results.items():
            assert new.matched_by == "new", tag
            assert by_email.matched_by == "email" and by_email.partner_id, tag
            assert by_phone.matched_by == "phone" and by_phone.partner_id, tag
            assert again.lead_id == new.lead_id, tag
        env.cr.execute(
            SQL(
                """SELECT count(*) FROM (SELECT email_normalized FROM crm_lead
                    WHERE adv_show_id = %s GROUP BY email_normalized HAVING count(*) > 1) d""",
                show.id,
            )
        )
        duplicates = env.cr.fetchone()[0]
        print(f"  duplicate show leads: {duplicates}")
        figure("in-process: duplicate show leads", duplicates)
        assert duplicates == 0

    try:
        met = load_test(args, factor)
    finally:
        write_results(args)
    if not met:
        print("\nA target was missed.", file=sys.stderr)
        sys.exit(1)


# ----------------------------------------------------------------------------------------------
# Capture under load, over HTTP
# ----------------------------------------------------------------------------------------------


@contextlib.contextmanager
def committed_env(registry):
    """A superuser environment on a new cursor, committed at exit."""
    with registry.cursor() as cr:
        yield api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True, "active_test": False})


def build_load_data(env, total):
    """Committed: the bulk partners and leads, the show, its booth staff (one per client)."""
    fr = env.ref("base.fr")
    partner = env["res.partner"].create(
        {"name": f"Seed {MARK}", "email": f"seed@{MARK}.example", "country_id": fr.id}
    )
    lead = env["crm.lead"].create({"name": f"Seed lead {MARK}", "email_from": f"seed@{MARK}.lead"})
    clone(env, partner, total, "HttpPartner", 1, domain=f"{MARK}.example", prefix="+3362")
    clone(env, lead, total, "HttpLead", 1, domain=f"{MARK}.example", prefix="+3363")
    groups = env.ref("adv_trade_show.group_booth_staff") | env.ref("sales_team.group_sale_salesman")
    users = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [
                {
                    "name": f"Booth {MARK} {i}",
                    "login": f"adv_{MARK}_{i}",
                    "password": PASSWORD,
                    "groups_id": [Command.set(groups.ids)],
                }
                for i in range(CLIENTS)
            ]
        )
    )
    show = env["adv.trade.show"].create(
        {
            "name": f"Show {MARK}",
            "country_id": fr.id,
            "date_begin": "2026-11-02",
            "date_end": "2026-11-05",
            "state": "running",
            "user_id": env.ref("base.user_admin").id,
            "staff_ids": [Command.set(users.ids)],
        }
    )
    # Statistics as a live database has them once autovacuum has seen the bulk load, the
    # booth users included (their contacts come after the copies: with the statistics of the
    # copies alone, PostgreSQL reads every partner to find the show's staff).
    env.flush_all()
    env.cr.execute(SQL("ANALYZE res_partner, res_users, crm_lead"))
    return show, users


# Rows the server writes on the side (login log, devices, bus notifications, cron triggers of
# the lead enrichment or the mail queue): those added after the run started are removed.
VISITOR_LOCK_SCOPE = "adv_trade_show.visitor"
SIDE_TABLES = ("res_users_log", "res_device_log", "res_device", "bus_bus", "ir_cron_trigger")


def side_tables_high_water(env):
    marks = {}
    for table in SIDE_TABLES:
        env.cr.execute(SQL("SELECT to_regclass(%s)", table))
        if env.cr.fetchone()[0]:
            env.cr.execute(SQL("SELECT COALESCE(max(id), 0) FROM %s", SQL.identifier(table)))
            marks[table] = env.cr.fetchone()[0]
    return marks


def remove_side_rows(env, marks):
    for table, high_water in marks.items():
        env.cr.execute(SQL("DELETE FROM %s WHERE id > %s", SQL.identifier(table), high_water))


def remove_load_data(env):
    """Everything the load test created, found by its mark: also what an interrupted run left."""
    shows = env["adv.trade.show"].search([("name", "=", f"Show {MARK}")])
    users = env["res.users"].search([("login", "=like", f"adv_{MARK}_%")])
    captures = env["adv.trade.show.capture"].search([("show_id", "in", shows.ids)])
    keys = [k for k in captures.mapped("email_normalized") + captures.mapped("phone_e164") if k]
    leads = env["crm.lead"].search(
        ["|", ("adv_show_id", "in", shows.ids), ("name", "=like", f"Plain {MARK}%")]
    )
    env["mail.mail"].search(
        [
            ("model", "in", ("adv.trade.show.capture", "crm.lead")),
            ("res_id", "in", leads.ids + captures.ids),
        ]
    ).unlink()
    # Consent evidence cannot be deleted by anyone: the benchmark's own is removed in SQL.
    env.flush_all()
    env.cr.execute(SQL("DELETE FROM adv_trade_show_consent WHERE show_id = ANY(%s)", shows.ids))
    leads.unlink()
    captures.unlink()
    campaigns, sources = shows.campaign_id, shows.source_id
    shows.unlink()
    campaigns.unlink()
    sources.unlink()
    # the visitors' matching lock rows (adv_base's adv.lock, keyed by e-mail and phone)
    env["adv.lock"].search([("scope", "=", VISITOR_LOCK_SCOPE), ("key", "in", keys)]).unlink()
    partners = users.partner_id
    env.cr.execute(SQL("DELETE FROM res_users_log WHERE create_uid = ANY(%s)", users.ids))
    env.cr.execute(SQL("DELETE FROM res_device_log WHERE user_id = ANY(%s)", users.ids))
    users.unlink()
    partners.unlink()
    domain = f"%@{MARK}.example"
    env.cr.execute(SQL("DELETE FROM crm_lead WHERE email_normalized LIKE %s", domain))
    env.cr.execute(SQL("DELETE FROM crm_lead WHERE email_from = %s", f"seed@{MARK}.lead"))
    env.cr.execute(SQL("DELETE FROM res_partner WHERE email_normalized LIKE %s", domain))
    env.invalidate_all()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


RETRY_LINE = re.compile(r"(\w+), \d+ tries left, try again in")


class Server:
    """A running Odoo server: its base ``url`` and its log."""

    def __init__(self, url, log):
        self.url, self.log = url, log

    def retries(self):
        """``{error: count}`` of the requests retried so far after a concurrency error."""
        self.log.flush()
        with open(self.log.name) as log:
            found = RETRY_LINE.findall(log.read())
        return {error: found.count(error) for error in set(found)}


@contextlib.contextmanager
def odoo_server(args):
    """An Odoo HTTP server on ``args.database`` and a free localhost port (a :class:`Server`)."""
    port = free_port()
    log = tempfile.NamedTemporaryFile("w+", prefix="bench_trade_show_", suffix=".log")  # noqa: SIM115
    command = [
        sys.executable,
        "-m",
        "odoo",
        "server",
        f"--database={args.database}",
        f"--addons-path={args.addons_path}",
        f"--db-filter=^{args.database}$",
        "--http-interface=127.0.0.1",
        f"--http-port={port}",
        f"--gevent-port={free_port()}",
        "--workers=0",
        "--max-cron-threads=0",
        "--log-level=warn",
        # the retries after a serialization failure ("..., N tries left, try again in ...")
        "--log-handler=odoo.service.model:INFO",
        "--no-database-list",
    ]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"the Odoo server stopped (exit {server.returncode})")
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{url}/web/health", timeout=5).ok:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("the Odoo server did not answer within 120 s")
            time.sleep(0.3)
        yield Server(url, log)
    except BaseException:
        log.seek(0)
        print(log.read()[-4000:], file=sys.stderr)
        raise
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


class Client:
    """One phone: its own HTTP session, logged in as one booth staff user."""

    def __init__(self, url, database, login):
        self.url = url
        self.session = requests.Session()
        self.context = self.rpc(
            "/web/session/authenticate", db=database, login=login, password=PASSWORD
        )["user_context"]

    def rpc(self, path, **params):
        response = self.session.post(
            f"{self.url}{path}",
            json={"jsonrpc": "2.0", "method": "call", "params": params},
            timeout=300,
        )
        response.raise_for_status()
        body = response.json()
        if "error" in body:
            raise RuntimeError(body["error"]["data"].get("message") or body["error"]["message"])
        return body["result"]

    def call(self, model, method, *args):
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            model=model,
            method=method,
            args=list(args),
            kwargs={"context": self.context},
        )

    def capture(self, values):
        # the phone's Save & process on a new visitor: one request
        self.call("adv.trade.show.capture", "action_capture", values)

    def plain_lead(self, index):
        self.call(
            "crm.lead",
            "create",
            {"name": f"Plain {MARK} {index}", "email_from": f"plain{index}@lead.{MARK}"},
        )


def run_clients(clients, job):
    """``job(client_index, client)`` yields ``(kind, seconds or exception)``; run in one thread
    per client, all started together. Returns ``({kind: [seconds]}, [errors], wall time)``."""
    latencies, errors = {}, []
    start_line = threading.Barrier(len(clients))

    def work(index, client):
        try:
            start_line.wait(timeout=120)
            for kind, timing in job(index, client):
                if isinstance(timing, Exception):
                    errors.append(timing)
                else:
                    latencies.setdefault(kind, []).append(timing)
        except Exception as error:  # noqa: BLE001 (a broken barrier: reported, not hanging)
            errors.append(error)

    threads = [threading.Thread(target=work, args=item) for item in enumerate(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - start


def timed(call, *args):
    start = time.perf_counter()
    try:
        call(*args)
    except Exception as error:  # noqa: BLE001 (counted and printed, not fatal to the thread)
        return error
    return time.perf_counter() - start


def p95(values):
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def summary(label, times):
    """Print and record the count, median and p95 (ms) of ``times`` (seconds)."""
    median = statistics.median(times) * 1000 if times else float("nan")
    high = p95(times) * 1000
    print(f"  {label:<40} {len(times):>4} requests   median {median:7.1f} ms   p95 {high:7.1f} ms")
    figure(f"{label.strip()}: requests", len(times))
    figure(f"{label.strip()}: median ms", round(median, 1))
    figure(f"{label.strip()}: p95 ms", round(high, 1))
    return high


def load_test(args, factor):
    """The capture under load; return whether its targets are met (always at tiny size)."""
    registry = odoo.modules.registry.Registry(args.database)
    total = max(int(VOLUME * factor), 500)
    per_client, rounds = PER_CLIENT[args.size], ROUNDS[args.size]
    with committed_env(registry) as env:
        remove_load_data(env)  # what an interrupted run may have left
        marks = side_tables_high_water(env)
    try:
        with committed_env(registry) as env:
            show, users = build_load_data(env, total)
            show_id, logins = show.id, users.mapped("login")
        with odoo_server(args) as server:
            clients = [Client(server.url, args.database, login) for login in logins]
            shared = {
                (group, i): threading.Barrier(SHARED_BY)
                for group in range(CLIENTS // SHARED_BY)
                for i in range(per_client)
            }

            def visitor(index, i):
                """``(kind, values)`` of client ``index``'s ``i``-th capture."""
                values = {"show_id": show_id, "informed": True, "next_step": "call"}
                if i % 3 == 0:  # the same visitor at four phones at once
                    group = index // SHARED_BY
                    shared[group, i].wait(timeout=120)
                    email = f"shared{group}-{i}@v.{MARK}.example"
                    return "same", dict(values, name=f"Shared {group}-{i}", email=email)
                if i % 3 == 1:  # a known partner, by e-mail
                    number = (index * per_client + i) % total + 1
                    email = f"HttpPartner{number}@{MARK}.example"
                    return "known", dict(values, name=f"Known {number}", email=email)
                return "new", dict(
                    values,
                    name=f"New {index}-{i}",
                    email=f"new{index}-{i}@v.{MARK}.example",
                    phone=f"07 {index:02d} {i // 100:02d} {i % 100:02d} 00",
                )

            def warm_up(index, client):
                values = {"show_id": show_id, "informed": True, "name": f"Warm {index}"}
                yield "plain", timed(client.plain_lead, f"warm-{index}")
                email = f"warm{index}@v.{MARK}.example"
                yield "new", timed(client.capture, dict(values, email=email))

            def plain(part):
                def job(index, client):
                    for i in part:
                        yield "plain", timed(client.plain_lead, f"{index}-{i}")

                return job

            def capture(part):
                def job(index, client):
                    for i in part:
                        kind, values = visitor(index, i)
                        yield kind, timed(client.capture, values)

                return job

            run_clients(clients, warm_up)
            warm_retries = server.retries()
            times, failures, capture_wall = {}, [], 0.0
            size = -(-per_client // rounds)
            for start in range(0, per_client, size):
                part = range(start, min(start + size, per_client))
                for job in (plain(part), capture(part)):
                    latencies, errors, wall = run_clients(clients, job)
                    for kind, values in latencies.items():
                        times.setdefault(kind, []).extend(values)
                    failures += errors
                    capture_wall += wall if "plain" not in latencies else 0.0
            retries = server.retries()
        with committed_env(registry) as env:
            env.cr.execute(
                SQL(
                    """SELECT count(*) FROM (SELECT email_normalized FROM crm_lead
                        WHERE adv_show_id = %s GROUP BY email_normalized HAVING count(*) > 1) d""",
                    show_id,
                )
            )
            duplicates = env.cr.fetchone()[0]
            env.cr.execute(SQL("SELECT count(*) FROM crm_lead WHERE adv_show_id = %s", show_id))
            show_leads = env.cr.fetchone()[0]
    finally:
        with committed_env(registry) as env:
            remove_load_data(env)
        with committed_env(registry) as env:  # after the bus notifications sent at commit
            remove_side_rows(env, marks)
    return report_load(args, total, times, failures, capture_wall, retries, warm_retries) & (
        check_counts(per_client, duplicates, show_leads, failures)
    )


def report_load(args, total, times, failures, capture_wall, retries, warm_retries):
    """Print and record the figures of the load test; return whether its targets are met."""
    load = os.getloadavg()
    print(
        f"\nCapture under load: {CLIENTS} JSON-RPC clients on a local Odoo HTTP server "
        f"(threaded, --workers=0), {total} partners and {total} leads committed; "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} ({os.cpu_count()} CPUs)"
    )
    figure("volume: partners, and leads", total)
    figure("load average (1, 5, 15 min) at the end", [round(x, 2) for x in load])
    figure("CPUs", os.cpu_count())
    distinct = times.get("new", []) + times.get("known", [])
    same = times.get("same", [])
    plain_p95 = summary("plain crm.lead create (reference)", times.get("plain", []))
    summary("capture, all", distinct + same)
    distinct_p95 = summary("  distinct visitors (new, known)", distinct)
    same_p95 = summary(f"  same visitor at {SHARED_BY} phones at once", same)
    print(f"  captures per second: {len(distinct + same) / capture_wall:.1f}")
    figure("captures per second", round(len(distinct + same) / capture_wall, 1))
    retried = {error: count - warm_retries.get(error, 0) for error, count in retries.items()}
    print(f"  requests retried after a concurrency error: {sum(retried.values())} {retried}")
    figure("requests retried after a concurrency error", retried)
    print(f"  failed requests: {len(failures)}")
    for error in failures[:5]:
        print(f"    {error!r}")
    met = True
    for label, value, limit in (
        ("capture p95 / plain lead p95, distinct visitors", distinct_p95, TARGET_DISTINCT),
        (
            f"capture p95 / plain lead p95, same visitor at {SHARED_BY} phones",
            same_p95,
            TARGET_SAME,
        ),
    ):
        ratio = round(value / plain_p95, 2)
        ok = target(label, ratio, limit)
        print(f"  {label}: {ratio:.2f} (target: at most {limit}) {'met' if ok else 'MISSED'}")
        met &= ok
    if not met and args.size != "real":
        print(f"  (size {args.size}: the timings are not asserted, only at real size)")
        return True
    return met


def check_counts(per_client, duplicates, show_leads, failures):
    """At any size: no failed request, no duplicate, one show lead per distinct visitor."""
    shared_rounds = len(range(0, per_client, 3))
    visitors = (CLIENTS // SHARED_BY) * shared_rounds + CLIENTS * (per_client - shared_rounds)
    print(f"  show leads: {show_leads} for {visitors} distinct visitors and {CLIENTS} warm-ups")
    print(f"  duplicate show leads: {duplicates}")
    figure("duplicate show leads", duplicates)
    figure("failed requests", len(failures))
    met = target("duplicate show leads", duplicates, 0)
    met &= target("failed requests", len(failures), 0)
    met &= target("show leads missing or extra", abs(show_leads - visitors - CLIENTS), 0)
    return met


if __name__ == "__main__":
    main()
