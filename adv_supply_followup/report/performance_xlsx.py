# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


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

    def generate_xlsx_report(self, workbook, data, partners):
        sheet = workbook.add_worksheet(self.env._("Performance"))
        bold = workbook.add_format({"bold": True, "bg_color": "#DDE4EE", "border": 1})
        percent = workbook.add_format({"num_format": "0.0%"})
        number = workbook.add_format({"num_format": "0.0"})
        title = workbook.add_format({"bold": True, "font_size": 14})
        sheet.write(
            0,
            0,
            self.env._(
                "Vendor and carrier performance: %(company)s", company=self.env.company.name
            ),
            title,
        )
        headers = [
            self.env._("Partner"),
            self.env._("Role"),
            self.env._("Deliveries"),
            self.env._("On-time rate"),
            self.env._("Average delay (days)"),
            self.env._("Chases"),
            self.env._("Response time (days)"),
        ]
        for col, header in enumerate(headers):
            sheet.write(2, col, header, bold)
        rows = self._performance_rows(partners)
        for r, row in enumerate(rows, start=3):
            sheet.write(r, 0, row["name"])
            sheet.write(r, 1, row["role"])
            sheet.write_number(r, 2, row["deliveries"])
            sheet.write_number(r, 3, row["on_time"], percent)
            sheet.write_number(r, 4, row["delay"], number)
            sheet.write_number(r, 5, row["chases"])
            sheet.write_number(r, 6, row["response"], number)
        sheet.set_column(0, 0, 32)
        sheet.set_column(1, 6, 16)
        sheet.freeze_panes(3, 1)
        if rows:
            last = 2 + len(rows)
            chart = workbook.add_chart({"type": "bar"})
            chart.add_series(
                {
                    "name": self.env._("On-time rate"),
                    "categories": [sheet.name, 3, 0, last, 0],
                    "values": [sheet.name, 3, 3, last, 3],
                }
            )
            chart.set_title({"name": self.env._("On-time rate by vendor and carrier")})
            chart.set_x_axis({"num_format": "0%", "min": 0, "max": 1})
            chart.set_size({"width": 720, "height": max(320, 22 * len(rows))})
            sheet.insert_chart(2, 8, chart)
