# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

from odoo.addons.adv_base.tools.xlsx import Column, formats, write_table, write_title

MONEY_KEYS = [
    "limit",
    "receivables",
    "draft_invoices",
    "uninvoiced_orders",
    "exposure",
    "overdue",
]


class ExposureXlsx(models.AbstractModel):
    """Exposure workbook, from the Print menu of the customer list (OCA report_xlsx).

    One sheet of figures per customer (limit, each component, overdue, utilisation) computed with
    the same set-based engine as the control, and a chart of exposure against limit.
    """

    _name = "report.adv_order_control.exposure_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Customer exposure workbook"

    def _exposure_rows(self, partners):
        # The figures are read with sudo: the workbook asks the same rights as the customer form,
        # on the very customers it was asked for (not only on its menu).
        partners.check_access("read")
        partners.check_field_access_rights("read", ["adv_exposure"])
        company = self.env.company
        customers = partners.commercial_partner_id
        Exposure = self.env["adv.credit.exposure"].sudo()
        exposure = Exposure._get_exposure(set(customers.ids), company)
        data = Exposure._get_partner_credit_data(customers, company, exposure)
        rows = []
        for customer in customers.sorted("name"):
            expo, pdata = exposure[customer.id], data[customer.id]
            total = expo["receivables"] + expo["draft_invoices"] + expo["uninvoiced_orders"]
            limit = pdata["limit"]
            rows.append(
                {
                    "name": customer.name,
                    "limit": limit,
                    "receivables": expo["receivables"],
                    "draft_invoices": expo["draft_invoices"],
                    "uninvoiced_orders": expo["uninvoiced_orders"],
                    "exposure": total,
                    "overdue": expo["overdue_amount"],
                    "utilisation": total / limit if limit > 0 else 0.0,
                    "hold": pdata["hold"]["reason"] if pdata["hold"] else "",
                }
            )
        return rows

    def generate_xlsx_report(self, workbook, data, partners):
        company = self.env.company
        sheet = workbook.add_worksheet(self.env._("Exposure"))
        fmt = formats(workbook)
        write_title(
            sheet,
            fmt,
            self.env._(
                "Customer exposure: %(company)s (%(currency)s, tax included)",
                company=company.name,
                currency=company.currency_id.name,
            ),
        )
        columns = [Column(self.env._("Customer"), 32)]
        columns += [
            Column(label, 16, "money")
            for label in (
                self.env._("Credit limit"),
                self.env._("Open receivables"),
                self.env._("Draft invoices"),
                self.env._("Orders not invoiced"),
                self.env._("Exposure"),
                self.env._("Overdue"),
            )
        ]
        columns += [
            Column(self.env._("Utilisation"), 16, "percent"),
            Column(self.env._("Credit hold"), 30),
        ]
        rows = self._exposure_rows(partners)
        keys = ["name", *MONEY_KEYS, "utilisation", "hold"]
        last = write_table(sheet, fmt, columns, ([row[k] for k in keys] for row in rows), top=2)
        if rows:
            self._add_chart(workbook, sheet, last)

    def _add_chart(self, workbook, sheet, last):
        chart = workbook.add_chart({"type": "bar"})
        for col, name in ((5, self.env._("Exposure")), (1, self.env._("Credit limit"))):
            chart.add_series(
                {
                    "name": name,
                    "categories": [sheet.name, 3, 0, last, 0],
                    "values": [sheet.name, 3, col, last, col],
                }
            )
        chart.set_title({"name": self.env._("Exposure against credit limit")})
        chart.set_size({"width": 720, "height": max(320, 22 * (last - 2))})
        sheet.insert_chart(2, 10, chart)
