# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue 19 (My Day): the partner and the priority of the open activities.

Run at the end of the update ("end-" script), once every addon is loaded: each document model's
``_adv_day_partner`` and ``_adv_day_stake`` then answer (while adv_base's own fields are
created, the addons that extend them are not loaded yet), and the priorities are computed for
today in one statement.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    Activity = env["mail.activity"]
    activities = Activity.search([])
    activities.modified(["res_id"])
    activities.flush_recordset()
    Activity._cron_adv_day_priority()
