# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The ADV suite's story across its addons, played on the demo database relative to today.

    python scripts/demo_story.py -d DB --addons-path PATH

The story of tests/story.py (the one tests/test_adv_day.py plays and checks), played up to today
by admin, who holds every ADV role (log in as admin / admin). The days before today are played
with freezegun, about nine weeks back; today's state is left open:

- at the show *Bâti-Sud Marseille*, admin captures Jeanne Martin of Carrelages Martin
  (Marseille) on the booth's phone; two days later the lead becomes a customer (full address,
  SIRET, VAT, 30 days, credit limit 10 000) and its first order is held by the credit control,
  released by admin and confirmed; the tiles and the skirting are bought from Grès du Sud;
- the glue ships at once and is invoiced; the tiles' receipt is late: a chase, the supplier's new
  date, the customer warned in French; the tiles arrive and ship with Transports Berthier; one
  pallet is broken: a transport-damage claim, qualified, a credit note issued, the tiles invoice
  in dispute; the dunning reminds the glue invoice;
- today: the glue invoice reaches the phone-call level (Today's calls), the disputed tiles
  invoice is skipped; the customer's second order waits in Blocked orders; the skirting for it
  is late at Grès du Sud (chase open); each of these, and tomorrow's showroom visit of another
  visitor of the show, is in admin's My Day.

Before the story, the company's past months (``scripts/demo_history.py``, once: its own marker
``adv.demo_history``): 13 weeks of orders, credit holds, deliveries, invoices, payments, dunning,
claims, chases and two trade shows, on customers and products of their own, so that every chart
of the ADV dashboards has a shape; none of it is left in anyone's My Day.

Played once: a second run prints a line and does nothing (``ir.config_parameter``
``adv.demo_story``). One transaction: if a step fails, nothing is committed and the step is
named (exit 1).
"""

import argparse
import sys
import time
import traceback
from datetime import date, timedelta
from pathlib import Path

import odoo
from odoo.tools import config

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from demo_history import play_history

from tests.story import ROLES, TODAY, Story

MARKER = "adv.demo_story"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", "-d", required=True)
    parser.add_argument("--addons-path", required=True)
    return parser.parse_args()


def demo_env(env):
    """admin's environment, in English (admin holds every ADV role)."""
    return env(user=env.ref("base.user_admin"), context=dict(env.context, lang="en_US"))


def demo_story(env):
    """The story played by admin up to today, on this database's own documents only."""
    env = demo_env(env)
    admin = env.user
    return Story(
        env,
        dict.fromkeys(ROLES, admin),
        date.today() - timedelta(days=TODAY),
        isolated=True,
        live_from=TODAY,
        credit_limit=10000.0,
    )


def summary(story):
    admin = story.user("salesman")
    admin_day = story.env["mail.activity"].search([("user_id", "=", admin.id)])
    lines = [
        f"customer: {story.customer.display_name} (id {story.customer.id})",
        f"held today: {story.order2.name}; first order {story.order.name} confirmed",
        (
            f"claim {story.claim.name} ({story.claim.state}), tiles invoice "
            f"{story.tiles_invoice.name}: dunning suspended "
            f"({story.tiles_invoice.adv_dunning_suspension})"
        ),
        f"dunning call today: {story.notice.display_name}",
        f"open chase: {story.skirting_chase.display_name}",
    ]
    for record in (
        story.order2,
        story.notice,
        story.claim,
        story.skirting_chase,
        story.visitor_lead,
    ):
        acts = admin_day.filtered(lambda a, r=record: (a.res_model, a.res_id) == (r._name, r.id))
        lines.append(
            f"My Day of admin, {record._name}: "
            + ", ".join(f"{a.activity_type_id.name} ({a.date_deadline})" for a in acts)
        )
    return lines


def main():
    args = parse_args()
    config.parse_config(
        ["-d", args.database, "--addons-path", args.addons_path, "--log-level=warn"]
    )
    registry = odoo.modules.registry.Registry(args.database)
    start = time.perf_counter()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        if not env.ref("base.user_admin", raise_if_not_found=False):
            print("demo story: no admin user in this database", file=sys.stderr)
            return 1
        played = env["ir.config_parameter"].sudo().get_param(MARKER)
        label = "the past months (scripts/demo_history.py)"
        try:
            # the past months first, played once (their own marker), then the story
            began = time.perf_counter()
            history = play_history(demo_env(env), date.today())
            spent = time.perf_counter() - began
            lines = [f"past months ({spent:.1f} s): {history}"] if history else []
            if played:
                if not history:
                    print(f"demo story: already played ({played}); nothing to do")
                    return 0
            else:
                story = demo_story(env)
                for name, step in Story.UNTIL_TODAY:
                    label = name
                    step(story)
                    env.flush_all()
                label = "summary"
                lines += summary(story)
                customer = story.customer
                env["ir.config_parameter"].sudo().set_param(
                    MARKER, f"{date.today()} {customer.display_name} (id {customer.id})"
                )
        except Exception:  # noqa: BLE001 - whatever fails, name the step and commit nothing
            cr.rollback()
            traceback.print_exc()
            print(f"demo story: step '{label}' failed; nothing was committed", file=sys.stderr)
            return 1
        cr.commit()
    print(f"demo story played in {time.perf_counter() - start:.1f} s:")
    for line in lines:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
