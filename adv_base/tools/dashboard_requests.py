# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The data requests behind a dashboard of Odoo's Dashboards app, run on the server.

A dashboard (``spreadsheet.dashboard``) is a JSON spreadsheet whose figures read Odoo data: each
pivot and each Odoo chart is one grouped read (``read_group``) of one model, with the global
filters (period, company, salesperson, sales team) added to its domain through its field
matching. The ADV suite's tests compute the figures a dashboard shows with these requests, and
its benchmark times them (``tests/benchmarks/bench_dashboards.py``).
"""

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

# The global filters of the ADV dashboards, by the model they choose records of.
FILTER_KEYS = {"res.company": "company", "res.users": "salesperson", "crm.team": "team"}
DEFAULT_DAYS = 90  # "last_three_months": the ADV dashboards' default period


@dataclass
class Request:
    """One grouped read of a dashboard: a pivot or a chart."""

    label: str
    model: str
    domain: list
    groupby: list
    measures: list
    matching: dict  # filter key -> (field chain, field type)

    def aggregates(self, env):
        model = env[self.model]
        return [
            "__count" if m == "__count" else f"{m}:{model._fields[m].aggregator or 'sum'}"
            for m in self.measures
        ]

    def full_domain(self, period=None, **filters):
        """The request's domain with the global filters: ``period`` (two dates, both included;
        default the last 90 days) and ``company`` / ``salesperson`` / ``team`` (lists of ids)."""
        domain = list(self.domain)
        if "period" in self.matching:
            chain, kind = self.matching["period"]
            start, end = period or (date.today() - timedelta(days=DEFAULT_DAYS), date.today())
            if kind == "datetime":
                start, end = datetime.combine(start, time.min), datetime.combine(end, time.max)
            domain += [(chain, ">=", start), (chain, "<=", end)]
        for key, ids in filters.items():
            if ids and key in self.matching:
                domain.append((self.matching[key][0], "in", list(ids)))
        return domain

    def run(self, env, period=None, **filters):
        """The rows of this request as the web client reads them: ``read_group`` (access rights
        and record rules of ``env``'s user apply)."""
        groupby = self.groupby
        return env[self.model].read_group(
            self.full_domain(period, **filters),
            self.aggregates(env),
            groupby,
            lazy=False,
        )


def _filter_keys(snapshot):
    keys = {}
    for spec in snapshot.get("globalFilters", []):
        if spec["type"] == "date":
            keys[spec["id"]] = "period"
        elif spec.get("modelName") in FILTER_KEYS:
            keys[spec["id"]] = FILTER_KEYS[spec["modelName"]]
    return keys


def _matching(keys, field_matching):
    return {
        keys[fid]: (spec["chain"], spec["type"])
        for fid, spec in field_matching.items()
        if fid in keys and spec.get("chain")
    }


def dashboard_requests(snapshot):
    """The :class:`Request` list of a dashboard's spreadsheet (a dict, or its JSON text)."""
    if isinstance(snapshot, str | bytes):
        snapshot = json.loads(snapshot)
    keys = _filter_keys(snapshot)
    requests = []
    for pivot in snapshot.get("pivots", {}).values():
        groupby = [
            f"{g['fieldName']}:{g['granularity']}" if g.get("granularity") else g["fieldName"]
            for g in pivot.get("rows", []) + pivot.get("columns", [])
        ]
        requests.append(
            Request(
                pivot["name"],
                pivot["model"],
                pivot["domain"],
                groupby,
                [m["fieldName"] for m in pivot["measures"]],
                _matching(keys, pivot.get("fieldMatching", {})),
            )
        )
    for sheet in snapshot.get("sheets", []):
        for figure in sheet.get("figures", []):
            data = figure.get("data", {})
            if not data.get("type", "").startswith("odoo_"):
                continue
            meta = data["metaData"]
            requests.append(
                Request(
                    data["title"]["text"],
                    meta["resModel"],
                    data["searchParams"]["domain"],
                    list(meta["groupBy"]),
                    [meta["measure"]],
                    _matching(keys, data.get("fieldMatching", {})),
                )
            )
    return requests


def dashboard_figures(dashboard, period=None, **filters):
    """``{figure title: rows}`` of a ``spreadsheet.dashboard`` record, read as its user: a
    chart's rows, or the one row of the pivot behind a scorecard (scorecards reading the same
    rows share a pivot named after them, joined by " / ")."""
    figures = {}
    for request in dashboard_requests(dashboard.spreadsheet_data):
        rows = request.run(dashboard.env, period, **filters)
        for title in request.label.split(" / "):
            figures[title] = rows
    return figures
