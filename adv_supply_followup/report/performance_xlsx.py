# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

from odoo.addons.adv_base.tools.xlsx import Column, formats, write_table, write_title

# The keys of a performance row, in the order of the workbook's columns.
COLUMN_KEYS = ("name", "role", "deliveries", "on_time", "delay", "chases", "response")


class PerformanceXlsx(models.AbstractModel):
    """Vendor and carrier performance workbook, from the Print menu of the contacts (OCA
    report_xlsx): one row per selected vendor or carrier, and a chart of the on-time rates."""

    _name = "report.adv_supply_followup.performance_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Vendor and carrier performance workbook"

    def _performance_rows(self, partners):
        """One grouped query for all partners."""
        groups = (
            self.env["adv.supply.performance"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", partners.ids),
                    ("company_id", "in", self.env.companies.ids),
                ],
                ["partner_id", "partner_role"],
                [
                    "delivery_count:sum",
                    "on_time_count:sum",
                    "delay_days:avg",
                    "chase_count:sum",
                    "response_days:avg",
                ],
            )
        )
        roles = dict(
            self.env["adv.supply.performance"]
            ._fields["partner_role"]
            ._description_selection(self.env)
        )
        rows = [
            {
                "name": partner.display_name,
                "role": roles.get(role, ""),
                "deliveries": deliveries,
                "on_time": on_time / deliveries if deliveries else 0.0,
                "delay": delay or 0.0,
                "chases": chases,
                "response": response or 0.0,
            }
            for partner, role, deliveries, on_time, delay, chases, response in groups
        ]
        return sorted(rows, key=lambda r: (r["role"], r["name"]))

    def _performance_columns(self):
        return [
            Column(self.env._("Partner"), 32),
            Column(self.env._("Role"), 16),
            Column(self.env._("Deliveries"), 16, "integer"),
            Column(self.env._("On-time rate"), 16, "percent"),
            Column(self.env._("Average delay (days)"), 16, "number"),
            Column(self.env._("Chases"), 16, "integer"),
            Column(self.env._("Response time (days)"), 16, "number"),
        ]

    def generate_xlsx_report(self, workbook, data, partners):
        sheet = workbook.add_worksheet(self.env._("Performance"))
        fmt = formats(workbook)
        write_title(
            sheet,
            fmt,
            self.env._(
                "Vendor and carrier performance: %(company)s", company=self.env.company.name
            ),
        )
        rows = self._performance_rows(partners)
        last = write_table(
            sheet,
            fmt,
            self._performance_columns(),
            ([row[key] for key in COLUMN_KEYS] for row in rows),
            top=2,
        )
        if rows:
            self._insert_on_time_chart(workbook, sheet, first=3, last=last)

    def _insert_on_time_chart(self, workbook, sheet, first, last):
        """A bar chart of the on-time rates of the table's rows ``first`` to ``last``."""
        chart = workbook.add_chart({"type": "bar"})
        chart.add_series(
            {
                "name": self.env._("On-time rate"),
                "categories": [sheet.name, first, 0, last, 0],
                "values": [sheet.name, first, 3, last, 3],
            }
        )
        chart.set_title({"name": self.env._("On-time rate by vendor and carrier")})
        chart.set_x_axis({"num_format": "0%", "min": 0, "max": 1})
        chart.set_size({"width": 720, "height": max(320, 22 * (last - first + 1))})
        sheet.insert_chart(2, 8, chart)
