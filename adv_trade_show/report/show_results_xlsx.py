# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.tools import html2plaintext


class ShowResultsXlsx(models.AbstractModel):
    """Show results workbook, from the Print menu of the shows (OCA report_xlsx).

    One row per show (visitors, leads, opportunities, pipeline, won revenue, planned and actual
    cost, cost per lead, ROI, objective), the qualitative notes, and a chart of leads and won
    revenue per show. The figures are the shows' own computed fields (grouped queries).
    """

    _name = "report.adv_trade_show.show_results_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Trade show results workbook"

    def _result_rows(self, shows):
        return [
            {
                "name": show.name,
                "dates": f"{show.date_begin} - {show.date_end}",
                "captures": show.capture_count,
                "leads": show.lead_count,
                "objective": show.objective_leads,
                "opportunities": show.opportunity_count,
                "pipeline": show.pipeline_revenue,
                "won": show.won_revenue,
                "planned": show.budget_planned,
                "actual": show.budget_actual,
                "cost_per_lead": show.cost_per_lead,
                "roi": show.roi / 100.0,
            }
            for show in shows.sorted("date_begin")
        ]

    def generate_xlsx_report(self, workbook, data, shows):
        sheet = workbook.add_worksheet(self.env._("Results"))
        bold = workbook.add_format({"bold": True, "bg_color": "#DDE4EE", "border": 1})
        money = workbook.add_format({"num_format": "#,##0.00"})
        percent = workbook.add_format({"num_format": "0.0%"})
        title = workbook.add_format({"bold": True, "font_size": 14})
        sheet.write(
            0,
            0,
            self.env._(
                "Trade show results (%(currency)s)", currency=self.env.company.currency_id.name
            ),
            title,
        )
        headers = [
            (self.env._("Show"), "name", None),
            (self.env._("Dates"), "dates", None),
            (self.env._("Visitors"), "captures", None),
            (self.env._("Leads"), "leads", None),
            (self.env._("Lead objective"), "objective", None),
            (self.env._("Opportunities"), "opportunities", None),
            (self.env._("Pipeline"), "pipeline", money),
            (self.env._("Won revenue"), "won", money),
            (self.env._("Planned budget"), "planned", money),
            (self.env._("Actual cost"), "actual", money),
            (self.env._("Cost per lead"), "cost_per_lead", money),
            (self.env._("ROI"), "roi", percent),
        ]
        for col, (label, _key, _fmt) in enumerate(headers):
            sheet.write(2, col, label, bold)
        rows = self._result_rows(shows)
        for i, row in enumerate(rows, start=3):
            for col, (_label, key, fmt) in enumerate(headers):
                sheet.write(i, col, row[key], fmt)
        sheet.set_column(0, 1, 26)
        sheet.set_column(2, len(headers) - 1, 14)
        if rows:
            last = 2 + len(rows)
            chart = workbook.add_chart({"type": "column"})
            chart.add_series(
                {
                    "name": self.env._("Leads"),
                    "categories": [sheet.name, 3, 0, last, 0],
                    "values": [sheet.name, 3, 3, last, 3],
                }
            )
            revenue = workbook.add_chart({"type": "line"})
            revenue.add_series(
                {
                    "name": self.env._("Won revenue"),
                    "categories": [sheet.name, 3, 0, last, 0],
                    "values": [sheet.name, 3, 7, last, 7],
                    "y2_axis": True,
                }
            )
            chart.combine(revenue)
            chart.set_title({"name": self.env._("Leads and won revenue per show")})
            sheet.insert_chart(last + 2, 0, chart, {"x_scale": 1.6, "y_scale": 1.3})
        notes = workbook.add_worksheet(self.env._("Notes"))
        notes.write(0, 0, self.env._("Show"), bold)
        notes.write(0, 1, self.env._("Objectives"), bold)
        notes.write(0, 2, self.env._("Qualitative results"), bold)
        for i, show in enumerate(shows.sorted("date_begin"), start=1):
            notes.write(i, 0, show.name)
            notes.write(i, 1, show.objectives or "")
            notes.write(i, 2, html2plaintext(show.notes or ""))
        notes.set_column(0, 0, 26)
        notes.set_column(1, 2, 60)
