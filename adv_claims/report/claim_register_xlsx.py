# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

PARETO_CUT = 80.0


class ClaimRegisterXlsx(models.AbstractModel):
    """Claims register, from the Print menu of the claims list (OCA report_xlsx).

    Sheet 1: the selected claims. Then one Pareto sheet per dimension (cause, responsible party,
    carrier, customer, product) with the cumulative-% line and the 80 % cut-off, each from one
    grouped query; and the indicators (average resolution time, claim rate).
    """

    _name = "report.adv_claims.claim_register_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Claims register workbook"

    def _pareto_dimensions(self):
        return [
            ("adv.claim", "type_id", self.env._("Cause")),
            ("adv.claim", "responsible_party", self.env._("Responsible party")),
            ("adv.claim", "carrier_id", self.env._("Carrier")),
            ("adv.claim", "commercial_partner_id", self.env._("Customer")),
            ("adv.claim.line", "product_id", self.env._("Product")),
        ]

    def _pareto_rows(self, model, field, claims):
        if model == "adv.claim":
            rows = claims._adv_pareto(field, [("id", "in", claims.ids)])
        else:
            groups = self.env[model]._read_group(
                [("claim_id", "in", claims.ids)],
                [field],
                ["amount:sum", "__count"],
                order="amount:sum desc",
            )
            total = sum(value for __, value, __ in groups) or 1.0
            rows, cumulative = [], 0.0
            for group, value, count in groups:
                before = cumulative
                cumulative += value * 100.0 / total
                rows.append((group, value, count, round(cumulative, 2), before < PARETO_CUT))
        labels = (
            dict(self.env[model]._fields[field]._description_selection(self.env))
            if (self.env[model]._fields[field].type == "selection")
            else {}
        )
        return [
            (
                labels.get(group, group) if labels else (group.display_name or "-"),
                value,
                count,
                cumulative,
                cut,
            )
            for group, value, count, cumulative, cut in rows
        ]

    def generate_xlsx_report(self, workbook, data, claims):
        bold = workbook.add_format({"bold": True, "bg_color": "#DDE4EE", "border": 1})
        money = workbook.add_format({"num_format": "#,##0.00"})
        percent = workbook.add_format({"num_format": "0.0"})
        date = workbook.add_format({"num_format": "yyyy-mm-dd"})
        self._write_register(
            workbook.add_worksheet(self.env._("Register")), claims, bold, money, date
        )
        for model, field, label in self._pareto_dimensions():
            sheet = workbook.add_worksheet(self.env._("Pareto %(dimension)s", dimension=label)[:31])
            self._write_pareto(
                workbook,
                sheet,
                label,
                self._pareto_rows(model, field, claims),
                bold,
                money,
                percent,
            )
        self._write_indicators(workbook.add_worksheet(self.env._("Indicators")), claims, bold)

    def _write_register(self, sheet, claims, bold, money, date):
        states = dict(claims._fields["state"]._description_selection(self.env))
        parties = dict(claims._fields["responsible_party"]._description_selection(self.env))
        headers = [
            self.env._("Reference"),
            self.env._("Received"),
            self.env._("Customer"),
            self.env._("Subject"),
            self.env._("Cause"),
            self.env._("Responsible party"),
            self.env._("Severity"),
            self.env._("Stage"),
            self.env._("Claimed value"),
            self.env._("Remedy cost"),
            self.env._("Stake"),
            self.env._("Days to resolve"),
        ]
        for col, header in enumerate(headers):
            sheet.write(0, col, header, bold)
        for row, claim in enumerate(claims, start=1):
            sheet.write(row, 0, claim.name)
            sheet.write_datetime(row, 1, claim.date_claim, date)
            sheet.write(row, 2, claim.commercial_partner_id.name or "")
            sheet.write(row, 3, claim.subject)
            sheet.write(row, 4, claim.type_id.name or "")
            sheet.write(row, 5, parties.get(claim.responsible_party, ""))
            sheet.write(row, 6, claim.severity or "")
            sheet.write(row, 7, states[claim.state])
            sheet.write_number(row, 8, claim.amount_claimed, money)
            sheet.write_number(row, 9, claim.amount_remedy, money)
            sheet.write_number(row, 10, claim.amount_stake, money)
            sheet.write_number(row, 11, claim.resolution_days)
        sheet.set_column(0, 0, 18)
        sheet.set_column(1, 1, 12)
        sheet.set_column(2, 7, 22)
        sheet.set_column(8, 11, 14)
        sheet.freeze_panes(1, 1)

    def _write_pareto(self, workbook, sheet, label, rows, bold, money, percent):
        headers = [
            label,
            self.env._("Cost"),
            self.env._("Claims"),
            self.env._("Cumulative %"),
            self.env._("In the 80 %"),
        ]
        for col, header in enumerate(headers):
            sheet.write(0, col, header, bold)
        for row, (name, value, count, cumulative, cut) in enumerate(rows, start=1):
            sheet.write(row, 0, name)
            sheet.write_number(row, 1, value, money)
            sheet.write_number(row, 2, count)
            sheet.write_number(row, 3, cumulative, percent)
            sheet.write(row, 4, self.env._("yes") if cut else "")
        sheet.set_column(0, 0, 30)
        sheet.set_column(1, 4, 14)
        if not rows:
            return
        last = len(rows)
        columns = workbook.add_chart({"type": "column"})
        columns.add_series(
            {
                "name": self.env._("Cost"),
                "categories": [sheet.name, 1, 0, last, 0],
                "values": [sheet.name, 1, 1, last, 1],
            }
        )
        line = workbook.add_chart({"type": "line"})
        line.add_series(
            {
                "name": self.env._("Cumulative %"),
                "categories": [sheet.name, 1, 0, last, 0],
                "values": [sheet.name, 1, 3, last, 3],
                "y2_axis": True,
                "marker": {"type": "circle"},
            }
        )
        columns.combine(line)
        columns.set_title({"name": self.env._("Pareto by %(dimension)s", dimension=label)})
        columns.set_y2_axis({"min": 0, "max": 100})
        sheet.insert_chart(1, 6, columns, {"x_scale": 1.4, "y_scale": 1.3})

    def _write_indicators(self, sheet, claims, bold):
        resolved = claims.filtered("date_resolved")
        average = sum(resolved.mapped("resolution_days")) / len(resolved) if resolved else 0.0
        start = min(claims.mapped("date_claim")) if claims else fields.Datetime.now()
        delivered = claims._adv_claim_rate_data(claims.commercial_partner_id.ids, start)
        lines = sum(delivered.values())
        rows = [
            (self.env._("Claims"), len(claims)),
            (self.env._("Cost of non-quality (stake)"), sum(claims.mapped("amount_stake"))),
            (self.env._("Average resolution time (days)"), round(average, 2)),
            (self.env._("Delivered order lines over the period"), lines),
            (self.env._("Claim rate (%)"), round(100.0 * len(claims) / lines, 2) if lines else 0.0),
        ]
        for row, (label, value) in enumerate(rows):
            sheet.write(row, 0, label, bold)
            sheet.write_number(row, 1, value)
        sheet.set_column(0, 0, 40)
