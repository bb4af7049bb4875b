#!/usr/bin/env python3
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Write the ADV dashboards (Odoo's Dashboards app, ``spreadsheet_dashboard``) from their
description in ``scripts/dashboards/``.

Odoo Community has no spreadsheet editor: each dashboard is a JSON spreadsheet that this script
writes, one figure at a time, from a Python description (scorecards over pivots, charts bound to
Odoo models), with the suite's global filters (period, company, salesperson, sales team) matched
on each data source. The output is committed (``<addon>/data/files/<name>_dashboard.json``) and
loaded by the addon's ``data/spreadsheet_dashboard_data.xml``.

    python scripts/make_dashboards.py            # write every dashboard
    python scripts/make_dashboards.py --check    # exit 1 when a committed file differs

The output is deterministic (ids derived from names), so ``--check`` compares byte for byte.
"""

import argparse
import json
import math
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

NAMESPACE = uuid.UUID("6f1c1d3e-4a0b-4c55-9d0e-ad0000000022")

# The four global filters of every ADV dashboard: (key, label, type, model).
FILTERS = [
    ("period", "Period", "date", None),
    ("company", "Company", "relation", "res.company"),
    ("salesperson", "Salesperson", "relation", "res.users"),
    ("team", "Sales Team", "relation", "crm.team"),
]
DEFAULT_PERIOD = "last_three_months"  # 90 days: 13 weeks of trend
COLORS = {"blue": "#EFF6FF", "orange": "#FFF7ED", "green": "#ECFDF5", "red": "#FEF2F2"}
SCORECARD_SIZE = (240, 110)
CHART_SIZE = (495, 330)
GAP = 10
PER_ROW = 4
DEFAULT_COL_WIDTH = 96  # px, o-spreadsheet's default column width


def _id(*parts):
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


@dataclass
class Source:
    """An Odoo model read by figures, with the fields the global filters apply to."""

    model: str
    date: str | None = None
    date_type: str = "datetime"
    company: str | None = "company_id"
    salesperson: str | None = "user_id"
    team: str | None = "team_id"

    def matching(self, dashboard):
        chains = {
            "period": self.date,
            "company": self.company,
            "salesperson": self.salesperson,
            "team": self.team,
        }
        result = {}
        for key, *__ in FILTERS:
            chain = chains[key]
            if not chain:
                continue
            if key == "period":
                spec = {"chain": chain, "type": self.date_type, "offset": 0}
            else:
                spec = {"chain": chain, "type": "many2one"}
            result[_id(dashboard, "filter", key)] = spec
        return result

    def with_date(self, date, date_type=None):
        """The same source, its period filter on another date field."""
        return Source(
            self.model,
            date,
            date_type or self.date_type,
            self.company,
            self.salesperson,
            self.team,
        )


@dataclass
class Scorecard:
    """One number: ``measure`` aggregated over ``source`` rows matching ``domain``."""

    title: str
    source: Source
    measure: str
    domain: list = field(default_factory=list)
    number_format: str = "#,##0"
    color: str = "blue"


@dataclass
class Chart:
    """An Odoo chart (bar, line or pie) of ``measure`` grouped by ``group_by``."""

    title: str
    source: Source
    measure: str
    group_by: list
    domain: list = field(default_factory=list)
    mode: str = "bar"
    stacked: bool = False
    order: str | None = None  # "DESC" sorts the bars by value: a Pareto
    wide: bool = False
    cumulative: bool = False


@dataclass
class Dashboard:
    """A dashboard: its scorecards on top, then its charts, two per row (phones stack them)."""

    addon: str
    name: str
    title: str
    scorecards: list
    charts: list

    @property
    def path(self):
        return ROOT / self.addon / "data" / "files" / f"{self.name}_dashboard.json"


# Scorecards reading the same rows share one pivot (one request), one measure each; the pivot
# is named after its scorecards, joined by PIVOT_NAME_SEPARATOR.
PIVOT_NAME_SEPARATOR = " / "


def _pivot_groups(dashboard):
    """``[(cards, measures)]``: the scorecards grouped by the rows they read."""
    groups = {}
    for card in dashboard.scorecards:
        key = (card.source.model, repr(card.source), json.dumps(card.domain))
        groups.setdefault(key, []).append(card)
    return [
        (cards, list(dict.fromkeys(card.measure for card in cards))) for cards in groups.values()
    ]


def _scorecard_pivot(dashboard, number, cards, measures):
    source = cards[0].source
    return {
        "type": "ODOO",
        "id": str(number),
        "formulaId": str(number),
        "name": PIVOT_NAME_SEPARATOR.join(card.title for card in cards),
        "model": source.model,
        "domain": cards[0].domain,
        "context": {},
        "measures": [{"id": m, "fieldName": m} for m in measures],
        "columns": [],
        "rows": [],
        "sortedColumn": None,
        "fieldMatching": source.matching(dashboard.name),
    }


def _chart_figure(dashboard, chart, x, y, width):
    group_by = list(chart.group_by)
    data = {
        "type": f"odoo_{chart.mode}",
        "title": {"text": chart.title, "bold": True, "color": "#434343"},
        "background": "#FFFFFF",
        "legendPosition": "top" if len(group_by) > 1 or chart.mode == "pie" else "none",
        "metaData": {
            "groupBy": group_by,
            "measure": chart.measure,
            "order": chart.order,
            "resModel": chart.source.model,
            "mode": chart.mode,
        },
        "searchParams": {
            "comparison": None,
            "context": {},
            "domain": chart.domain,
            "groupBy": group_by,
            "orderBy": [],
        },
        "fieldMatching": chart.source.matching(dashboard.name),
    }
    if chart.mode != "pie":
        data |= {"verticalAxisPosition": "left", "stacked": chart.stacked}
    if chart.mode == "line":
        data |= {"fillArea": False, "cumulative": chart.cumulative}
    return {
        "id": _id(dashboard.name, "chart", chart.title),
        "x": x,
        "y": y,
        "width": width,
        "height": CHART_SIZE[1],
        "tag": "chart",
        "data": data,
    }


def _scorecard_figure(dashboard, card, row, x, y):
    return {
        "id": _id(dashboard.name, "scorecard", card.title),
        "x": x,
        "y": y,
        "width": SCORECARD_SIZE[0],
        "height": SCORECARD_SIZE[1],
        "tag": "chart",
        "data": {
            "type": "scorecard",
            "title": {"text": card.title, "bold": True, "color": "#434343"},
            "background": COLORS[card.color],
            "keyValue": f"Data!B{row}",
            "baselineMode": "text",
            "baselineColorDown": "#DC6965",
            "baselineColorUp": "#00A04A",
            "humanize": False,
        },
    }


def _data_sheet(dashboard, formats, pivot_of):
    cells = {"A1": {"content": '=_t("Figure")'}, "B1": {"content": '=_t("Value")'}}
    cell_formats = {}
    for index, card in enumerate(dashboard.scorecards, start=1):
        row = index + 1
        cells[f"A{row}"] = {"content": f'=_t("{card.title}")'}
        pivot = pivot_of[id(card)]
        cells[f"B{row}"] = {"content": f'=PIVOT.VALUE({pivot},"{card.measure}")'}
        if card.number_format not in formats:
            formats[card.number_format] = str(len(formats) + 1)
        cell_formats[f"B{row}"] = int(formats[card.number_format])
    return _sheet("data", "Data", cells, [], cell_formats, cols={"0": {"size": 300}}, visible=False)


def _sheet(sheet_id, name, cells, figures, cell_formats, cols=None, visible=True):
    # A dashboard shows its sheet's columns, centred, and clips what lies beyond them: enough
    # columns (of Odoo's default width) to hold the widest row of figures.
    right = max((figure["x"] + figure["width"] for figure in figures), default=0) + GAP
    return {
        "id": sheet_id,
        "name": name,
        "colNumber": max(8, math.ceil(right / DEFAULT_COL_WIDTH)),
        "rowNumber": max(40, len(cells) + 2),
        "rows": {},
        "cols": cols or {},
        "merges": [],
        "cells": cells,
        "styles": {},
        "formats": cell_formats,
        "borders": {},
        "conditionalFormats": [],
        "figures": figures,
        "tables": [],
        "areGridLinesVisible": False,
        "isVisible": visible,
        "headerGroups": {"ROW": [], "COL": []},
        "dataValidationRules": [],
        "comments": {},
    }


def _figures(dashboard):
    figures, y = [], GAP
    for start in range(0, len(dashboard.scorecards), PER_ROW):
        for offset, card in enumerate(dashboard.scorecards[start : start + PER_ROW]):
            x = GAP + offset * (SCORECARD_SIZE[0] + GAP)
            figures.append(_scorecard_figure(dashboard, card, start + offset + 2, x, y))
        y += SCORECARD_SIZE[1] + GAP
    column = 0
    for chart in dashboard.charts:
        if chart.wide and column:
            y += CHART_SIZE[1] + GAP
            column = 0
        width = 2 * CHART_SIZE[0] + GAP if chart.wide else CHART_SIZE[0]
        x = GAP + column * (CHART_SIZE[0] + GAP)
        figures.append(_chart_figure(dashboard, chart, x, y, width))
        column = 0 if chart.wide or column else 1
        if not column:
            y += CHART_SIZE[1] + GAP
    return figures


def build(dashboard):
    """The spreadsheet (a dict) of ``dashboard``."""
    formats = {}
    groups = _pivot_groups(dashboard)
    pivot_of = {
        id(card): number for number, (cards, __) in enumerate(groups, start=1) for card in cards
    }
    data_sheet = _data_sheet(dashboard, formats, pivot_of)
    main = _sheet("dashboard", "Dashboard", {}, _figures(dashboard), {})
    global_filters = []
    for key, label, kind, model in FILTERS:
        spec = {"id": _id(dashboard.name, "filter", key), "type": kind, "label": label}
        if kind == "date":
            spec |= {"rangeType": "relative", "defaultValue": DEFAULT_PERIOD}
        else:
            spec |= {"modelName": model, "defaultValue": [], "defaultValueDisplayNames": []}
        global_filters.append(spec)
    pivots = {
        str(number): _scorecard_pivot(dashboard, number, cards, measures)
        for number, (cards, measures) in enumerate(groups, start=1)
    }
    return {
        "version": 21,
        "odooVersion": 12,
        "sheets": [main, data_sheet],
        "styles": {},
        "formats": {number: fmt for fmt, number in formats.items()},
        "borders": {},
        "revisionId": "START_REVISION",
        "uniqueFigureIds": True,
        "settings": {},
        "pivots": pivots,
        "pivotNextId": len(pivots) + 1,
        "customTableStyles": {},
        "globalFilters": global_filters,
        "lists": {},
        "listNextId": 1,
        "chartOdooMenusReferences": {},
    }


def render(dashboard):
    return json.dumps(build(dashboard), indent=1, ensure_ascii=False) + "\n"


def dashboards():
    """Every ADV dashboard, from the descriptions in ``scripts/dashboards/``."""
    from dashboards import DASHBOARDS  # after sys.path is set

    return DASHBOARDS


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args()
    stale = []
    for dashboard in dashboards():
        text = render(dashboard)
        if args.check:
            if not dashboard.path.is_file() or dashboard.path.read_text() != text:
                stale.append(str(dashboard.path.relative_to(ROOT)))
            continue
        dashboard.path.parent.mkdir(parents=True, exist_ok=True)
        dashboard.path.write_text(text)
        print(f"written {dashboard.path.relative_to(ROOT)}")
    if stale:
        print("not what scripts/make_dashboards.py writes:\n" + "\n".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
