# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The file handed over to litigation or a collection agency, as CSV (one line per open item).

Agencies import CSV; each line carries the customer's identity so that the file stands alone.
"""

import csv
import io

from odoo import fields

from .late_payment import FIXED_INDEMNITY


def _header(env):
    return [
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


def _customer_columns(partner):
    """The customer's identity, repeated on each line so that the file stands alone."""
    address = ", ".join(
        part
        for part in (partner.street, partner.zip, partner.city, partner.country_id.name)
        if part
    )
    return [
        partner.name,
        partner.vat or "",
        partner.company_registry or "",
        address,
        partner.email or "",
        partner.phone or partner.mobile or "",
    ]


def _history_text(notice):
    """The customer's sent notices, oldest first: "2026-04-05 First reminder; ..."."""
    history = notice.env["adv.dunning.notice"].search(
        [
            ("partner_id", "=", notice.partner_id.id),
            ("company_id", "=", notice.company_id.id),
            ("state", "=", "sent"),
        ],
        order="date_sent, id",
    )
    return "; ".join(f"{fields.Date.to_string(n.date_sent)} {n.level_id.name}" for n in history)


def litigation_file(notice):
    """CSV text of ``notice``: customer, each listed item with its penalties (the fixed
    indemnity once per late invoice), and the dunning history of the customer."""
    customer = _customer_columns(notice.partner_id)
    history = _history_text(notice)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(_header(notice.env))
    indemnified = set()
    for line in notice.line_ids:
        indemnity = 0.0
        if line.days_overdue > 0 and line.move_id not in indemnified:
            indemnified.add(line.move_id)
            indemnity = FIXED_INDEMNITY
        writer.writerow(
            [
                *customer,
                line.move_id.name,
                fields.Date.to_string(line.move_id.invoice_date) or "",
                fields.Date.to_string(line.date_maturity) or "",
                line.days_overdue,
                line.currency_id.name,
                f"{line.amount_residual:.2f}",
                f"{line.penalty:.2f}",
                f"{indemnity:.2f}",
                history,
            ]
        )
    return out.getvalue()
