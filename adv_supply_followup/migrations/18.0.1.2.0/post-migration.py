# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""18.0.1.2.0: the chase e-mail templates read plain field paths (rendered without compiling
the template for each e-mail). The templates are ``noupdate``: reset from the module's file
those nobody edited (last written by the superuser, as the module's data); an edited template
keeps its text and still works, rendered the slow way."""

from odoo import SUPERUSER_ID, api

CHASE_TEMPLATES = ("ack", "due_soon", "late", "pod")


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for name in CHASE_TEMPLATES:
        template = env.ref(f"adv_supply_followup.mail_template_chase_{name}", False)
        if template and template.write_uid.id == SUPERUSER_ID:
            template.reset_template()
