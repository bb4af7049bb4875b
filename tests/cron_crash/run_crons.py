# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Process some cron jobs of a database the way Odoo's cron worker does, and only them.

Started as a separate process by ``tests/test_cron_crash.py``, which kills it with SIGKILL and
starts it again. For each job named by ``--cron`` (an XML id), in order: acquire it as the cron
worker does (``ir.cron._acquire_one_job``: only if it is due, row locked) and process it
(``ir.cron._process_job``: the job's server action called up to 10 times while it reports
remaining work, a commit after each call, then rescheduled). The other jobs of the database are
left alone, so that they do not interfere with the test.

    python run_crons.py --cron adv_dunning.ir_cron_dunning --cron mail.ir_cron_mail_scheduler_action
        [--set odoo.addons.x.models.y:NAME=3] -- <odoo options: -d DB --addons-path ...>

``--set`` overrides a module constant (an integer) once the registry is loaded: the test's small
batches where the batch size is a constant. ``--wait``: once the registry is loaded, wait for a
line on the standard input before processing the jobs (the test loads a restart's registry while
the first process runs).

Prints one line per job: ``ran <xmlid>`` or ``not due <xmlid>``.
"""

import argparse
import importlib
import sys
import threading

import odoo
from odoo.modules.registry import Registry


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--cron", action="append", required=True, help="XML id of a job")
    parser.add_argument("--set", action="append", default=[], help="module:NAME=integer")
    parser.add_argument("--wait", action="store_true", help="wait for a line on stdin")
    args, odoo_args = parser.parse_known_args(argv)
    odoo.tools.config.parse_config([a for a in odoo_args if a != "--"])
    db_name = odoo.tools.config["db_name"]
    threading.current_thread().dbname = db_name
    registry = Registry(db_name)
    for assignment in args.set:
        target, value = assignment.split("=", 1)
        module, name = target.split(":", 1)
        setattr(importlib.import_module(module), name, int(value))
    if args.wait:
        print("ready", flush=True)
        sys.stdin.readline()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        job_ids = [(xmlid, env.ref(xmlid).id) for xmlid in args.cron]
    db = odoo.sql_db.db_connect(db_name)
    IrCron = registry["ir.cron"]
    with db.cursor() as cron_cr:
        IrCron._check_version(cron_cr)
        for xmlid, job_id in job_ids:
            job = IrCron._acquire_one_job(cron_cr, job_id)
            if not job:
                cron_cr.rollback()
                print("not due", xmlid, flush=True)
                continue
            IrCron._process_job(db, cron_cr, job)
            print("ran", xmlid, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
