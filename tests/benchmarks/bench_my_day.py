# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""My Day on a busy ADV team: the user's first screen must open fast whatever the team's volume.

Builds ``20 000 x size`` activities for 20 users, one per user and customer, then times
what the web client asks when the user opens My Day (list and kanban, first page, and the count).
"""

from _harness import SIZES, Timer, environment, parse_args

from odoo import Command
from odoo.tools.safe_eval import safe_eval

LIST_FIELDS = {
    "res_name": {},
    "activity_type_id": {"fields": {"display_name": {}}},
    "user_id": {"fields": {"display_name": {}}},
    "summary": {},
    "date_deadline": {},
}


def main():
    args = parse_args(__doc__)
    factor = SIZES[args.size]
    with environment(args) as env:
        n_activities = max(int(20000 * factor), 100)
        n_partners = n_activities // 20
        adv_user = env.ref("adv_base.group_user")
        users = env["res.users"].create(
            [
                {
                    "name": f"ADV {i}",
                    "login": f"bench_my_day_{i}",
                    "groups_id": [Command.set(adv_user.ids)],
                }
                for i in range(20)
            ]
        )
        partners = env["res.partner"].create([{"name": f"Customer {i}"} for i in range(n_partners)])
        call = env.ref("mail.mail_activity_data_call")
        model_id = env["ir.model"]._get_id("res.partner")
        env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": partners[i // 20].id,
                    "activity_type_id": call.id,
                    "summary": f"Call {i}",
                    "user_id": users[i % 20].id,
                }
                for i in range(n_activities)
            ]
        )
        user = users[0]
        action = env.ref("adv_base.my_day_action")
        domain = safe_eval(action.domain, {"uid": user.id})
        activities = env["mail.activity"].with_user(user)
        timer = Timer(f"My Day: {n_activities} activities, {n_partners} customers, 20 users")
        with timer.measure("list, first page of 80 (web_search_read)", env):
            page = activities.web_search_read(domain, LIST_FIELDS, limit=80, order="date_deadline")
        with timer.measure("count (search_count)", env):
            count = activities.search_count(domain)
        timer.print()
        assert count == len(range(0, n_activities, len(users))), count
        assert len(page["records"]) == min(80, count)


if __name__ == "__main__":
    main()
