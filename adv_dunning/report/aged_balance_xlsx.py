# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from odoo.addons.adv_base.tools.xlsx import Column, formats, write_table, write_title

AMOUNTS = ["not_due", "overdue_1_30", "overdue_31_60", "overdue_61_90", "overdue_90", "total"]
HEADER_ROW = 2
FIRST_AMOUNT = 4  # column of the first amount


class AgedBalanceXlsx(models.AbstractModel):
    """Aged balance with the dunning level of each customer, and a chart of the amounts by age
    (OCA report_xlsx), from the Print menu of *Customers by dunning level*."""

    _name = "report.adv_dunning.aged_balance_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Aged balance with dunning levels"

    def _columns(self):
        return [
            Column(self.env._("Customer"), 32),
            Column(self.env._("Dunning level"), 18),
            Column(self.env._("Salesperson"), 18),
            Column(self.env._("Last dunned on"), 18, "date"),
            Column(self.env._("Not due"), 14, "money"),
            Column(self.env._("1-30 days"), 14, "money"),
            Column(self.env._("31-60 days"), 14, "money"),
            Column(self.env._("61-90 days"), 14, "money"),
            Column(self.env._("Over 90 days"), 14, "money"),
            Column(self.env._("Total"), 14, "money"),
        ]

    def _rows(self, balances):
        """One row per customer, the highest levels first."""
        return [
            [
                b.partner_id.name,
                b.level_id.name or "",
                b.user_id.name or "",
                b.last_dunning_date or None,
                *(b[key] or 0.0 for key in AMOUNTS),
            ]
            for b in balances.sorted(lambda b: (-(b.level_days or -999), b.partner_id.name or ""))
        ]

    def generate_xlsx_report(self, workbook, data, balances):
        company = self.env.company
        fmt = formats(workbook)
        sheet = workbook.add_worksheet(self.env._("Aged balance"))
        write_title(
            sheet,
            fmt,
            self.env._(
                "Aged balance with dunning levels: %(company)s, %(date)s (%(currency)s)",
                company=company.name,
                date=fields.Date.to_string(fields.Date.context_today(self)),
                currency=company.currency_id.name,
            ),
        )
        rows = self._rows(balances)
        last = write_table(sheet, fmt, self._columns(), rows, top=HEADER_ROW)
        if rows:
            self._write_totals(workbook, sheet, fmt, rows, last + 1)

    def _write_totals(self, workbook, sheet, fmt, rows, total_row):
        """The total of each amount column, and a chart of the totals by age."""
        total_fmt = workbook.add_format({"num_format": "#,##0.00", "bold": True, "top": 1})
        sheet.write(total_row, 0, self.env._("Total"), fmt["header"])
        for col in range(FIRST_AMOUNT, FIRST_AMOUNT + len(AMOUNTS)):
            sheet.write_number(total_row, col, sum(row[col] for row in rows), total_fmt)
        chart = workbook.add_chart({"type": "column"})
        ages = [HEADER_ROW, FIRST_AMOUNT, HEADER_ROW, FIRST_AMOUNT + 4]
        chart.add_series(
            {
                "name": self.env._("Open receivables by age"),
                "categories": [sheet.name, *ages],
                "values": [sheet.name, total_row, FIRST_AMOUNT, total_row, FIRST_AMOUNT + 4],
            }
        )
        chart.set_title({"name": self.env._("Open receivables by age")})
        chart.set_legend({"none": True})
        sheet.insert_chart(total_row + 2, 0, chart)
