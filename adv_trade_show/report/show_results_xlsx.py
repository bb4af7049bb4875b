# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.tools import html2plaintext

from odoo.addons.adv_base.tools.xlsx import Column, formats, write_table, write_title


class ShowResultsXlsx(models.AbstractModel):
    """Show results workbook, from the Print menu of the shows (OCA report_xlsx).

    One row per show (visitors, leads, opportunities, pipeline, won revenue, planned and actual
    cost, cost per lead, ROI, objective), the qualitative notes, and a chart of leads and won
    revenue per show. The figures are the shows' own computed fields (grouped queries).
    """

    _name = "report.adv_trade_show.show_results_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Trade show results workbook"

    def _result_columns(self):
        """The results table: ``(column, key of the result row)``."""
        return [
            (Column(self.env._("Show"), 26), "name"),
            (Column(self.env._("Dates"), 26), "dates"),
            (Column(self.env._("Visitors"), 14), "captures"),
            (Column(self.env._("Leads"), 14), "leads"),
            (Column(self.env._("Lead objective"), 14), "objective"),
            (Column(self.env._("Opportunities"), 14), "opportunities"),
            (Column(self.env._("Pipeline"), 14, "money"), "pipeline"),
            (Column(self.env._("Won revenue"), 14, "money"), "won"),
            (Column(self.env._("Planned budget"), 14, "money"), "planned"),
            (Column(self.env._("Actual cost"), 14, "money"), "actual"),
            (Column(self.env._("Cost per lead"), 14, "money"), "cost_per_lead"),
            (Column(self.env._("ROI"), 14, "percent"), "roi"),
        ]

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
        fmt = formats(workbook)
        sheet = workbook.add_worksheet(self.env._("Results"))
        title = self.env._(
            "Trade show results (%(currency)s)", currency=self.env.company.currency_id.name
        )
        write_title(sheet, fmt, title)
        columns = self._result_columns()
        rows = self._result_rows(shows)
        keys = [key for _column, key in columns]
        last = write_table(
            sheet,
            fmt,
            [column for column, _key in columns],
            ([row[key] for key in keys] for row in rows),
            top=2,
        )
        if rows:
            self._add_results_chart(workbook, sheet, first=3, last=last)
        self._write_notes(workbook, fmt, shows)

    def _add_results_chart(self, workbook, sheet, first, last):
        """Leads (columns) and won revenue (a line on a second axis) per show."""
        chart = workbook.add_chart({"type": "column"})
        chart.add_series(
            {
                "name": self.env._("Leads"),
                "categories": [sheet.name, first, 0, last, 0],
                "values": [sheet.name, first, 3, last, 3],
            }
        )
        revenue = workbook.add_chart({"type": "line"})
        revenue.add_series(
            {
                "name": self.env._("Won revenue"),
                "categories": [sheet.name, first, 0, last, 0],
                "values": [sheet.name, first, 7, last, 7],
                "y2_axis": True,
            }
        )
        chart.combine(revenue)
        chart.set_title({"name": self.env._("Leads and won revenue per show")})
        sheet.insert_chart(last + 2, 0, chart, {"x_scale": 1.6, "y_scale": 1.3})

    def _write_notes(self, workbook, fmt, shows):
        """The objectives and qualitative results of each show, on their own sheet."""
        notes = workbook.add_worksheet(self.env._("Notes"))
        columns = [
            Column(self.env._("Show"), 26),
            Column(self.env._("Objectives"), 60),
            Column(self.env._("Qualitative results"), 60),
        ]
        rows = (
            (show.name, show.objectives or "", html2plaintext(show.notes or ""))
            for show in shows.sorted("date_begin")
        )
        write_table(notes, fmt, columns, rows)
