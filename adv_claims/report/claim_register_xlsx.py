# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from odoo.addons.adv_base.tools.xlsx import Column, formats, write_cell, write_table

from ..tools.pareto import pareto_rows


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
        """The Pareto rows of ``claims`` by ``field`` of ``model``, the group as a label."""
        if model == "adv.claim":
            rows = claims._adv_pareto(field, [("id", "in", claims.ids)])
        else:
            rows = pareto_rows(
                self.env[model]._read_group(
                    [("claim_id", "in", claims.ids)],
                    [field],
                    ["amount:sum", "__count"],
                    order="amount:sum desc",
                )
            )
        definition = self.env[model]._fields[field]
        if definition.type == "selection":
            labels = dict(definition._description_selection(self.env))
            return [(labels.get(group, group), *row) for group, *row in rows]
        return [(group.display_name or "-", *row) for group, *row in rows]

    def generate_xlsx_report(self, workbook, data, claims):
        fmt = formats(workbook)
        self._write_register(workbook.add_worksheet(self.env._("Register")), fmt, claims)
        for model, field, label in self._pareto_dimensions():
            sheet = workbook.add_worksheet(self.env._("Pareto %(dimension)s", dimension=label)[:31])
            rows = self._pareto_rows(model, field, claims)
            self._write_pareto(workbook, sheet, fmt, label, rows)
        self._write_indicators(workbook.add_worksheet(self.env._("Indicators")), fmt, claims)

    def _write_register(self, sheet, fmt, claims):
        states = dict(claims._fields["state"]._description_selection(self.env))
        parties = dict(claims._fields["responsible_party"]._description_selection(self.env))
        columns = [
            Column(self.env._("Reference"), 18),
            Column(self.env._("Received"), 12, "date"),
            Column(self.env._("Customer"), 22),
            Column(self.env._("Subject"), 22),
            Column(self.env._("Cause"), 22),
            Column(self.env._("Responsible party"), 22),
            Column(self.env._("Severity"), 22),
            Column(self.env._("Stage"), 22),
            Column(self.env._("Claimed value"), 14, "money"),
            Column(self.env._("Remedy cost"), 14, "money"),
            Column(self.env._("Stake"), 14, "money"),
            Column(self.env._("Days to resolve"), 14),
        ]
        rows = (
            (
                claim.name,
                claim.date_claim,
                claim.commercial_partner_id.name,
                claim.subject,
                claim.type_id.name,
                parties.get(claim.responsible_party),
                claim.severity,
                states[claim.state],
                claim.amount_claimed,
                claim.amount_remedy,
                claim.amount_stake,
                claim.resolution_days,
            )
            for claim in claims
        )
        write_table(sheet, fmt, columns, rows)

    def _write_pareto(self, workbook, sheet, fmt, label, rows):
        columns = [
            Column(label, 30),
            Column(self.env._("Cost"), 14, "money"),
            Column(self.env._("Claims"), 14),
            Column(self.env._("Cumulative %"), 14, "number"),
            Column(self.env._("In the 80 %"), 14),
        ]
        yes = self.env._("yes")
        last = write_table(
            sheet,
            fmt,
            columns,
            ((*row, yes if cut else None) for *row, cut in rows),
            freeze=False,
        )
        if rows:
            self._insert_pareto_chart(workbook, sheet, label, last)

    def _insert_pareto_chart(self, workbook, sheet, label, last):
        """Costs as columns, the cumulative % as a line on a second axis."""
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

    def _write_indicators(self, sheet, fmt, claims):
        resolved = claims.filtered("date_resolved")
        average = sum(resolved.mapped("resolution_days")) / len(resolved) if resolved else 0.0
        start = min(claims.mapped("date_claim")) if claims else fields.Datetime.now()
        delivered = claims._adv_delivered_line_counts(claims.commercial_partner_id.ids, start)
        lines = sum(delivered.values())
        rows = [
            (self.env._("Claims"), len(claims)),
            (self.env._("Cost of non-quality (stake)"), sum(claims.mapped("amount_stake"))),
            (self.env._("Average resolution time (days)"), round(average, 2)),
            (self.env._("Delivered order lines over the period"), lines),
            (self.env._("Claim rate (%)"), round(100.0 * len(claims) / lines, 2) if lines else 0.0),
        ]
        for row, (label, value) in enumerate(rows):
            write_cell(sheet, row, 0, label, fmt["bold"])
            write_cell(sheet, row, 1, value)
        sheet.set_column(0, 0, 40)
