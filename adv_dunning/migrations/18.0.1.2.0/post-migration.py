# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Notice lines no longer record who created or changed them, and when (their notice does):
Odoo removed the fields, their columns and their two foreign keys go too (PostgreSQL checked
them for every line a dunning run inserted)."""

from odoo.tools import SQL


def migrate(cr, version):
    cr.execute(
        SQL(
            """ALTER TABLE adv_dunning_notice_line
                 DROP COLUMN IF EXISTS create_uid, DROP COLUMN IF EXISTS write_uid,
                 DROP COLUMN IF EXISTS create_date, DROP COLUMN IF EXISTS write_date"""
        )
    )
