# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

COLUMNS = [
    ("not_due", "Not due"),
    ("overdue_1_30", "1-30 days"),
    ("overdue_31_60", "31-60 days"),
    ("overdue_61_90", "61-90 days"),
    ("overdue_90", "Over 90 days"),
    ("total", "Total"),
]


class AgedBalanceXlsx(models.AbstractModel):
    """Aged balance with the dunning level of each customer, and a chart of the amounts by age
    (OCA report_xlsx), from the Print menu of *Customers by dunning level*."""

    _name = "report.adv_dunning.aged_balance_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Aged balance with dunning levels"

    def _rows(self, balances):
        return [
            {
                "name": b.partner_id.name,
                "level": b.level_id.name or "",
                "salesperson": b.user_id.name or "",
                "last": fields.Date.to_string(b.last_dunning_date) or "",
                **{key: b[key] for key, __ in COLUMNS},
            }
            for b in balances.sorted(lambda b: (-(b.level_days or -999), b.partner_id.name or ""))
        ]

    def generate_xlsx_report(self, workbook, data, balances):
        company = self.env.company
        sheet = workbook.add_worksheet(self.env._("Aged balance"))
        bold = workbook.add_format({"bold": True, "bg_color": "#DDE4EE", "border": 1})
        money = workbook.add_format({"num_format": "#,##0.00"})
        total_fmt = workbook.add_format({"num_format": "#,##0.00", "bold": True, "top": 1})
        title = workbook.add_format({"bold": True, "font_size": 14})
        sheet.write(
            0,
            0,
            self.env._(
                "Aged balance with dunning levels: %(company)s, %(date)s (%(currency)s)",
                company=company.name,
                date=fields.Date.to_string(fields.Date.context_today(self)),
                currency=company.currency_id.name,
            ),
            title,
        )
        labels = {
            "not_due": self.env._("Not due"),
            "overdue_1_30": self.env._("1-30 days"),
            "overdue_31_60": self.env._("31-60 days"),
            "overdue_61_90": self.env._("61-90 days"),
            "overdue_90": self.env._("Over 90 days"),
            "total": self.env._("Total"),
        }
        headers = [
            self.env._("Customer"),
            self.env._("Dunning level"),
            self.env._("Salesperson"),
            self.env._("Last dunned on"),
        ] + [labels[key] for key, __ in COLUMNS]
        for col, header in enumerate(headers):
            sheet.write(2, col, header, bold)
        rows = self._rows(balances)
        first_amount = 4
        for r, row in enumerate(rows, start=3):
            sheet.write(r, 0, row["name"])
            sheet.write(r, 1, row["level"])
            sheet.write(r, 2, row["salesperson"])
            sheet.write(r, 3, row["last"])
            for c, (key, __) in enumerate(COLUMNS, start=first_amount):
                sheet.write_number(r, c, row[key] or 0.0, money)
        sheet.set_column(0, 0, 32)
        sheet.set_column(1, 3, 18)
        sheet.set_column(first_amount, first_amount + len(COLUMNS) - 1, 14)
        sheet.freeze_panes(3, 1)
        if not rows:
            return
        last = 2 + len(rows)
        total_row = last + 1
        sheet.write(total_row, 0, self.env._("Total"), bold)
        for c in range(first_amount, first_amount + len(COLUMNS)):
            sheet.write_number(
                total_row,
                c,
                sum(row[COLUMNS[c - first_amount][0]] or 0.0 for row in rows),
                total_fmt,
            )
        chart = workbook.add_chart({"type": "column"})
        chart.add_series(
            {
                "name": self.env._("Open receivables by age"),
                "categories": [sheet.name, 2, first_amount, 2, first_amount + 4],
                "values": [sheet.name, total_row, first_amount, total_row, first_amount + 4],
            }
        )
        chart.set_title({"name": self.env._("Open receivables by age")})
        chart.set_legend({"none": True})
        sheet.insert_chart(total_row + 2, 0, chart)
