# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The file handed over to litigation or a collection agency, as CSV (one line per open item).

Agencies import CSV; each line carries the customer's identity so that the file stands alone.
"""

import csv
import io

from odoo import fields


def litigation_file(notice):
    """CSV text of ``notice``: customer, each listed item with its penalties, and the dunning
    history of the customer (levels and dates)."""
    env = notice.env
    partner = notice.partner_id
    history = env["adv.dunning.notice"].search(
        [
            ("partner_id", "=", partner.id),
            ("company_id", "=", notice.company_id.id),
            ("state", "=", "sent"),
        ],
        order="date_sent, id",
    )
    history_text = "; ".join(
        f"{fields.Date.to_string(n.date_sent)} {n.level_id.name}" for n in history
    )
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(
        [
            env._("Customer"),
            env._("VAT number"),
            env._("Company registry"),
            env._("Address"),
            env._("E-mail"),
            env._("Phone"),
            env._("Invoice"),
            env._("Invoice date"),
            env._("Due date"),
            env._("Days overdue"),
            env._("Currency"),
            env._("Amount due"),
            env._("Penalties to date"),
            env._("Fixed indemnity (EUR)"),
            env._("Dunning history"),
        ]
    )
    address = ", ".join(
        part
        for part in (partner.street, partner.zip, partner.city, partner.country_id.name)
        if part
    )
    indemnified = set()
    for line in notice.line_ids:
        indemnity = 0.0
        if line.days_overdue > 0 and line.move_id not in indemnified:
            indemnified.add(line.move_id)
            indemnity = 40.0
        writer.writerow(
            [
                partner.name,
                partner.vat or "",
                partner.company_registry or "",
                address,
                partner.email or "",
                partner.phone or partner.mobile or "",
                line.move_id.name,
                fields.Date.to_string(line.move_id.invoice_date) or "",
                fields.Date.to_string(line.date_maturity) or "",
                line.days_overdue,
                line.currency_id.name,
                f"{line.amount_residual:.2f}",
                f"{line.penalty:.2f}",
                f"{indemnity:.2f}",
                history_text,
            ]
        )
    return out.getvalue()
