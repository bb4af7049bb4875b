# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A dunning run on 20 000 overdue invoices over 2 000 customers (real size), and on a tenth of
it, each size on its own data (the small run is not made inside the big database).

The run is timed as the daily cron does it, batch by batch: select the customers, then for each
batch of 500 customers compute and create the notices ("compute") and send them ("send": the
levels written, the channels of each notice's level run; here the litigation level, reached by
every customer: a CSV file, an activity and the fees). Best of two, each on the same data.

Then the cost of sending notices with their PDFs: second reminders, each an e-mail from the
level's template with the invoice's PDF and the statement of account attached, queued (no mail
transport), and a letter to post: three PDFs per notice, rendered by wkhtmltopdf in batches of
250 documents per run (adv_base's ``render_many``: one HTML document per batch, split per
record; one run per CPU at once while the next batch's HTML is prepared), timed together.

Asserted at size real (exit status 1 when a target is missed; other sizes print the figures):
- compute 20 000 lines / 2 000 customers in at most 2.5 s;
- the queries of a batch's compute do not grow with the data, once Odoo's own statements of
  100 rows are set aside (a batch's notices are inserted, then written, 100 rows per statement:
  a batch of 500 customers makes eight more queries than one of 100): the first batch of a run
  (which also reads the levels, policies and rates) the same at both sizes, the later ones all
  equal; counted on the second of the two runs of each size (the first also fills Odoo's
  process caches, e.g. the field defaults);
- the time ratio of the run (compute) for 10x the data is at most 11;
- sending 2 000 notices with their PDFs takes at most 120 s.

The invoices are copied with SQL from one real posted invoice, spread over the customers with
due dates over the last 90 days (every level is reached), then the tables are analysed, as
autovacuum does on a live database; all is rolled back at the end.
"""

import importlib
import math
import socket
import time

from _harness import SIZES, Timer, clone_move, conclude, environment, figure, parse_args, target

import odoo
from odoo import Command
from odoo.service.server import ThreadedServer
from odoo.tools import SQL, config

RUN_DATE = "2026-11-22"
BATCH = 500
COMPUTE_LIMIT = 2.5  # s, 20 000 lines / 2 000 customers
RATIO_LIMIT = 11.0  # compute time for 10x the data
SEND_LIMIT = 120.0  # s, 2 000 notices with their PDFs (scaled at smaller sizes)
SEND_NOTICES = 2000


class Rollback(Exception):
    """Raised to roll a savepoint back (each size and each repetition on its own data)."""


def serve_report_assets(env):
    """An HTTP server in this process, for wkhtmltopdf to load the report's assets (as the
    server it runs in does): without it, wkhtmltopdf fails and writes no PDF."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config["http_interface"], config["http_port"] = "127.0.0.1", port
    ThreadedServer(odoo.http.root).http_spawn()
    env["ir.config_parameter"].set_param("report.url", f"http://127.0.0.1:{port}")


def customers_and_template(env, n_customers, tag, due="2026-02-04"):
    """The customers and one posted invoice to copy (posted before any copy is made)."""
    partners = env["res.partner"].create(
        [
            {
                "name": f"Dunning customer {tag} {i}",
                "is_company": True,
                "email": f"ap{i}@customer-{tag}.example.com",
            }
            for i in range(n_customers)
        ]
    )
    template = env["account.move"].create(
        {
            "move_type": "out_invoice",
            "partner_id": partners[0].id,
            "invoice_date": "2026-01-05",
            "invoice_date_due": due,
            "invoice_line_ids": [
                Command.create({"name": "Tiles", "price_unit": 250.0, "tax_ids": []})
            ],
        }
    )
    template.action_post()
    return partners, template


def build(env, n_invoices, partners, template, spread=90, last="2026-11-20"):
    """``n_invoices`` posted invoices spread over ``partners`` (the template is one of them),
    due over the ``spread`` days up to ``last``."""
    env.cr.execute(SQL("SELECT max(id) FROM account_move"))
    before = env.cr.fetchone()[0]
    clone_move(env, template, n_invoices - 1)
    env.cr.execute(
        SQL(
            """WITH m AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM account_move
                       WHERE id > %(before)s OR id = %(template)s),
                p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k
                        FROM res_partner WHERE id IN %(partners)s),
                target AS (SELECT m.id, p.id AS partner_id, m.rn FROM m
                             JOIN p ON p.k = mod(m.rn, %(n)s)),
                moves AS (UPDATE account_move am SET partner_id = t.partner_id,
                                 commercial_partner_id = t.partner_id,
                                 invoice_date_due = %(last)s::date - mod(t.rn, %(spread)s)::int
                            FROM target t WHERE am.id = t.id)
           UPDATE account_move_line aml SET partner_id = t.partner_id,
                  date_maturity = %(last)s::date - mod(t.rn, %(spread)s)::int
             FROM target t WHERE aml.move_id = t.id""",
            before=before,
            template=template.id,
            partners=tuple(partners.ids),
            n=len(partners),
            spread=spread,
            last=last,
        )
    )
    env.invalidate_all()


def on_own_data(env, make, measure, repeat=1):
    """``measure()`` ``repeat`` times on the data ``make()`` creates, each time on the same
    data, then everything rolled back: [results]."""
    results = []
    try:
        with env.cr.savepoint():
            make()
            for _i in range(repeat):
                try:
                    with env.cr.savepoint():
                        results.append(measure())
                        raise Rollback
                except Rollback:  # noqa: PERF203
                    env.invalidate_all()
            raise Rollback
    except Rollback:
        env.invalidate_all()
    return results


def timed_run(env, partners):
    """A run over ``partners`` as the cron does it, batch by batch: {total, select, compute,
    send (s), compute and send s and queries per batch, notices, sent}."""
    run = env["adv.dunning.run"].create({"date": RUN_DATE})
    env.flush_all()
    env.invalidate_all()
    start = time.perf_counter()
    mine = set(partners.ids)
    todo = [pid for pid in run._partners_to_notice() if pid in mine]
    result = {"select": time.perf_counter() - start, "notices": 0, "sent": 0}
    result |= {"compute_s": [], "compute_q": [], "compute_n": [], "send_s": [], "send_q": []}
    for batch in run._split(todo, BATCH):
        result["compute_n"].append(len(batch))
        count, started = env.cr.sql_log_count, time.perf_counter()
        notices = run._process_batch(batch)
        env.flush_all()
        result["compute_s"].append(round(time.perf_counter() - started, 3))
        result["compute_q"].append(env.cr.sql_log_count - count)
        count, started = env.cr.sql_log_count, time.perf_counter()
        sent = notices._send()
        env.flush_all()
        result["send_s"].append(round(time.perf_counter() - started, 3))
        result["send_q"].append(env.cr.sql_log_count - count)
        result["notices"] += len(notices)
        result["sent"] += len(sent)
    result["total"] = time.perf_counter() - start
    result["compute"] = result["select"] + sum(result["compute_s"])
    result["send"] = sum(result["send_s"])
    # what the run did: every customer one notice, every line levelled
    env.cr.execute(
        SQL(
            """SELECT count(*) FILTER (WHERE aml.adv_dunning_level_id IS NULL), count(*)
                 FROM account_move_line aml JOIN account_account a ON a.id = aml.account_id
                WHERE a.account_type = 'asset_receivable' AND aml.partner_id IN %s""",
            tuple(partners.ids),
        )
    )
    result["unlevelled"], result["lines"] = env.cr.fetchone()
    return result


def statements_aside(result):
    """The queries of each batch's compute less Odoo's statements of 100 rows (the notices
    inserted, then written: two statements per 100 notices)."""
    return [
        queries - 2 * math.ceil(customers / 100)
        for queries, customers in zip(result["compute_q"], result["compute_n"], strict=True)
    ]


def timed_send(env, count):
    """Send the notices of ``count`` customers at the second-reminder level (e-mail with the
    invoice and the statement attached, and a letter): {s, queries, e-mails queued, PDF
    attachments, s per kind of document}."""
    run = env["adv.dunning.run"].create({"date": RUN_DATE})
    partners = env["res.partner"].search([("name", "=like", "Mailed customer %")])
    notices = run._process_batch(partners.ids)
    assert set(notices.level_id.mapped("name")) == {"Second reminder"}, notices.level_id
    assert len(notices) == count, (len(notices), count)
    mails_before = env["mail.mail"].search_count([])
    env.flush_all()
    env.invalidate_all()
    documents = importlib.import_module(
        "odoo.addons.adv_dunning.models.adv_dunning_notice_documents"
    )
    render, kinds = documents.render_many, {}

    def timed_render(reports, requests, *args, **kwargs):
        started = time.perf_counter()
        try:
            return render(reports, requests, *args, **kwargs)
        finally:
            kinds["all documents"] = time.perf_counter() - started
            kinds.update({ref: len(ids) for ref, ids in requests})

    documents.render_many = timed_render
    try:
        queries, started = env.cr.sql_log_count, time.perf_counter()
        sent = notices._send()
        env.flush_all()
        elapsed = time.perf_counter() - started
    finally:
        documents.render_many = render
    queries = env.cr.sql_log_count - queries
    mails = env["mail.mail"].search([], order="id desc", limit=len(notices))
    queued = env["mail.mail"].search_count([]) - mails_before
    assert len(sent) == count and set(sent.mapped("email_state")) == {"sent"}, sent.email_state
    # each e-mail carries the invoice's PDF and the statement of account, each notice its
    # letter: all real PDFs
    pdfs = mails.attachment_ids.filtered(lambda a: a.mimetype == "application/pdf")
    pdfs |= sent.letter_attachment_id
    assert all(len(m.attachment_ids) == 2 for m in mails), mails.mapped("attachment_ids")
    assert len(sent.letter_attachment_id) == count, "a notice has no letter"
    assert all(a.raw[:5] == b"%PDF-" for a in pdfs), "an attachment is not a PDF"
    workers = importlib.import_module(documents.render_many.__module__).default_workers()
    return {
        "s": elapsed,
        "queries": queries,
        "queued": queued,
        "pdfs": len(pdfs),
        "kinds": kinds,
        "workers": workers,
    }


def make_mailed(env, count):
    """``count`` customers with one invoice each, 16 days overdue on the run's day (second
    reminder), with a postal address (their letters go into a window envelope)."""
    partners = env["res.partner"].create(
        [
            {
                "name": f"Mailed customer {i}",
                "is_company": True,
                "email": f"ap{i}@mailed.example",
                "street": f"{i + 1} rue de la Gare",
                "zip": "69003",
                "city": "Lyon",
            }
            for i in range(count)
        ]
    )
    template = env["account.move"].create(
        {
            "move_type": "out_invoice",
            "partner_id": partners[0].id,
            "invoice_date": "2026-10-07",
            "invoice_date_due": "2026-11-06",
            "invoice_line_ids": [
                Command.create({"name": "Tiles", "price_unit": 480.0, "tax_ids": []})
            ],
        }
    )
    template.action_post()
    build(env, count, partners, template, spread=1, last="2026-11-06")
    env.flush_all()


def main():
    args = parse_args(__doc__)
    factor = SIZES[args.size]
    big, customers = max(int(20000 * factor), 200), max(int(2000 * factor), 20)
    sizes = ((big // 10, customers // 10), (big, customers))
    to_send = {"tiny": 3, "small": 50}.get(args.size, SEND_NOTICES)
    repeat = 1 if args.size == "tiny" else 2  # tiny: the test command's run, kept short
    with environment(args) as env:
        env.company.adv_dunning_policy_id = env.ref("adv_dunning.policy_fr_b2b")
        serve_report_assets(env)
        runs = {}
        for n_inv, n_cust in sizes:
            data = {}

            def make(n_inv=n_inv, n_cust=n_cust, data=data):
                data["partners"], template = customers_and_template(env, n_cust, f"{n_cust}")
                build(env, n_inv, data["partners"], template)
                env.flush_all()
                # the statistics of a live database, where autovacuum analyses a table once a
                # tenth of it changed (with stale ones, the planner read the new invoices by a
                # nested loop over a scan of every journal entry: 5 to 7 s a batch)
                env.cr.execute(SQL("ANALYZE account_move_line, account_move, res_partner"))

            results = on_own_data(
                env, make, lambda data=data: timed_run(env, data["partners"]), repeat
            )
            runs[n_inv] = min(results, key=lambda r: r["compute"])
            runs[n_inv]["warm_q"] = statements_aside(results[-1])
            for r in results:
                assert r["notices"] == n_cust == r["sent"], (r["notices"], r["sent"], n_cust)
                assert r["lines"] == n_inv and not r["unlevelled"], (r["lines"], r["unlevelled"])
        sending = on_own_data(
            env, lambda: make_mailed(env, to_send), lambda: timed_send(env, to_send)
        )[0]

        # ---------------- report ----------------
        timer = Timer(
            "Dunning run (as the cron: compute, then send, batch by batch), best of 2 (tiny: 1)"
        )
        print(f"\n{timer.title}")
        for n_inv, n_cust in sizes:
            r = runs[n_inv]
            timer.rows += [
                (f"{n_inv} invoices: select customers", r["select"], 0),
                *(
                    (f"{n_inv} invoices: compute batch {i + 1}", s, q)
                    for i, (s, q) in enumerate(zip(r["compute_s"], r["compute_q"], strict=True))
                ),
                *(
                    (f"{n_inv} invoices: send batch {i + 1}", s, q)
                    for i, (s, q) in enumerate(zip(r["send_s"], r["send_q"], strict=True))
                ),
            ]
            print(
                f"  {n_inv:>6} invoices / {n_cust:>5} customers: compute {r['compute']:6.2f} s "
                f"(select {r['select']:.2f} s, batches of {BATCH} customers {r['compute_s']} s, "
                f"queries {r['compute_q']}); send {r['send']:6.2f} s (batches {r['send_s']} s, "
                f"queries {r['send_q']}); {r['notices']} notices, {r['lines']} lines levelled"
            )
            figure(f"compute s, {n_inv} invoices", round(r["compute"], 3))
            figure(f"send s, {n_inv} invoices", round(r["send"], 3))
            figure(f"compute queries per batch, {n_inv} invoices", r["compute_q"])
            figure(f"send queries per batch, {n_inv} invoices", r["send_q"])
        small, large = runs[sizes[0][0]], runs[sizes[1][0]]
        ratio = large["compute"] / small["compute"]
        figure("compute ratio for 10x the data", round(ratio, 2))
        print(f"  compute ratio {ratio:.1f} for 10x the invoices (target at most {RATIO_LIMIT:g})")
        send_limit = SEND_LIMIT * to_send / SEND_NOTICES
        print(
            f"  sending {to_send} second reminders (e-mail with the invoice and the statement "
            f"attached, and a letter): {sending['s']:.2f} s ({sending['s'] / to_send:.3f} s and "
            f"{sending['queries'] / to_send:.0f} queries per notice), {sending['queued']} "
            f"e-mails queued, {sending['pdfs']} PDF attachments; rendering them "
            f"{sending['kinds']['all documents']:.1f} s ("
            + ", ".join(
                f"{n} {ref}" for ref, n in sending["kinds"].items() if ref != "all documents"
            )
            + f"; {sending['workers']} wkhtmltopdf runs at once)"
        )
        figure(f"send with PDFs s, {to_send} notices", round(sending["s"], 3))
        figure(f"send with PDFs queries, {to_send} notices", sending["queries"])
        figure("send with PDFs, rendering s", round(sending["kinds"]["all documents"], 3))

        # ---------------- targets ----------------
        missed = []
        limit = COMPUTE_LIMIT
        if not target(f"compute {big} lines / {customers} customers (s)", large["compute"], limit):
            missed.append(f"compute {large['compute']:.2f} s (target at most {limit:.2f} s)")
        if not target("compute time ratio for 10x the data", ratio, RATIO_LIMIT):
            missed.append(f"ratio {ratio:.2f} (target at most {RATIO_LIMIT:g})")
        # the first batch of a run also reads the levels, policies and rates once
        firsts = {small["warm_q"][0], large["warm_q"][0]}
        later = set(small["warm_q"][1:]) | set(large["warm_q"][1:])
        if not target("distinct query counts of a run's first batch", len(firsts), 1) or (
            later and not target("distinct query counts of the later batches", len(later), 1)
        ):
            missed.append(
                f"queries per batch vary: {small['compute_q']} for {small['compute_n']} "
                f"customers / {large['compute_q']} for {large['compute_n']}"
            )
        if not target(f"send {to_send} notices with their PDFs (s)", sending["s"], send_limit):
            missed.append(f"sending {sending['s']:.1f} s (target at most {send_limit:.1f} s)")
        conclude(args.size, missed)


if __name__ == "__main__":
    main()
