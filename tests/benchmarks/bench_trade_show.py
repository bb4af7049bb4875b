# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Booth capture against a big CRM: 50 000 partners and 50 000 leads (real size).

Prints the time and SQL queries of processing one capture (match on the normalised e-mail, then
the E.164 phone; lead, consent, follow-up activity) for a new visitor, a known partner found by
e-mail, one found by phone and a visitor seen twice at the show, at the full volume and at a
tenth of it (the query count must not change: indexed exact lookups), next to a plain
``crm.lead`` creation; and checks that no duplicate lead or partner was created.
The bulk partners and leads are copied with SQL from one real record each.
"""

import time

from _harness import SIZES, Timer, environment, parse_args

from odoo.tools import SQL


def _columns(env, table, skip):
    env.cr.execute(
        SQL(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
            table,
        )
    )
    return [c for (c,) in env.cr.fetchall() if c not in skip]


def clone(env, record, count, tag, start=0):
    """``count`` copies of ``record`` with their own name, e-mail and E.164 phone."""
    env.flush_all()
    table = record._table
    keys = {"id", "name", "email", "email_normalized", "phone", "adv_phone_e164"}
    if table == "res_partner":
        keys |= {"complete_name"}
    else:
        keys |= {"email_from"}
    cols = _columns(env, table, keys)
    extra_cols = ["name", "email_normalized", "phone", "adv_phone_e164"]
    mail = tag.lower()
    extra_vals = [
        SQL("%s || ' ' || g", tag),
        SQL("%s || g || '@bench.example'", mail),
        SQL("'+3361' || lpad(g::text, 7, '0')"),
        SQL("'+3361' || lpad(g::text, 7, '0')"),
    ]
    if table == "res_partner":
        extra_cols += ["complete_name", "email"]
        extra_vals += [SQL("%s || ' ' || g", tag), SQL("%s || g || '@bench.example'", mail)]
    else:
        extra_cols += ["email_from"]
        extra_vals += [SQL("%s || g || '@bench.example'", mail)]
    env.cr.execute(
        SQL(
            """INSERT INTO %(table)s (%(cols)s, %(extra_cols)s)
               SELECT %(cols)s, %(extra_vals)s
                 FROM %(table)s, generate_series(%(start)s, %(stop)s) g WHERE id = %(id)s""",
            table=SQL.identifier(table),
            cols=SQL(", ").join(SQL.identifier(c) for c in cols),
            extra_cols=SQL(", ").join(SQL.identifier(c) for c in extra_cols),
            extra_vals=SQL(", ").join(extra_vals),
            start=start,
            stop=start + count - 1,
            id=record.id,
        )
    )
    env.cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))


def main():
    args = parse_args(__doc__)
    factor = SIZES[args.size]
    with environment(args) as env:
        total = max(int(50000 * factor), 500)
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
        timer.print()
        print(f"  50 captures created and processed: {per_capture:.1f} ms per capture")
        queries = {
            tag: [q for label, _t, q in timer.rows if label.startswith(tag)] for tag in results
        }
        small, full = queries["small"], queries["full"]
        print(f"  queries per capture at {total // 10} vs {total}: {small} vs {full}")
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
        assert duplicates == 0


if __name__ == "__main__":
    main()
