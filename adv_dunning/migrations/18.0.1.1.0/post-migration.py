# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Notice lines keep a snapshot of what they listed: the invoice's number, and the penalties
each line invoiced (the journal item's total, put on its latest sent line with a fees
invoice), so that a penalty is never invoiced twice once the item is rebuilt."""

from odoo.tools import SQL


def migrate(cr, version):
    cr.execute(
        SQL(
            """UPDATE adv_dunning_notice_line l SET invoice_name = m.name
                 FROM account_move m
                WHERE m.id = l.move_id AND l.invoice_name IS NULL"""
        )
    )
    cr.execute(
        SQL(
            """UPDATE adv_dunning_notice_line l SET penalty_invoiced = aml.adv_penalty_invoiced
                 FROM account_move_line aml
                WHERE aml.id = l.move_line_id AND aml.adv_penalty_invoiced > 0
                  AND l.id = (SELECT MAX(l2.id) FROM adv_dunning_notice_line l2
                                JOIN adv_dunning_notice n ON n.id = l2.notice_id
                               WHERE l2.move_line_id = aml.id AND n.date_sent IS NOT NULL
                                 AND n.fees_move_id IS NOT NULL)"""
        )
    )
