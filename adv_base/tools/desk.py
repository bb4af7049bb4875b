# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The customer desk's sections as plain data: what every addon's ``_adv_desk_sections``
returns, and the desk's one screen renders without knowing the addon (a card per row, badges,
label/value details, lines, actions).

A section is ``{key, title, sequence, rows, figures, alerts, actions, empty}``; a row is
``{model, id, title, subtitle, badges, details, lines, actions, url}``. Values are already
formatted in the user's language (dates, amounts), so the screen only lays them out.
"""

from odoo.tools.misc import format_amount, format_date

# Tones of a badge or a figure (Bootstrap's text-bg-* classes).
TONES = {"success", "warning", "danger", "info", "secondary"}


def section(key, title, sequence, rows=(), **extra):
    """A section of the desk: ``extra`` may give ``figures``, ``alerts``, ``actions`` and
    ``empty`` (the text shown when there are no rows)."""
    return {
        "key": key,
        "title": title,
        "sequence": sequence,
        "rows": list(rows),
        "figures": list(extra.get("figures", ())),
        "alerts": list(extra.get("alerts", ())),
        "actions": list(extra.get("actions", ())),
        "empty": extra.get("empty", ""),
    }


def row(record, title, subtitle="", **extra):
    """A card of a section for ``record`` (opened when tapped): ``extra`` may give ``badges``,
    ``details`` (label, value), ``lines`` (sub-rows as dicts of the same shape), ``actions`` and
    ``url`` (an external link, e.g. a carrier's tracking page)."""
    return {
        "model": record._name,
        "id": record.id,
        "title": title or "",
        "subtitle": subtitle or "",
        "badges": list(extra.get("badges", ())),
        "details": [d for d in extra.get("details", ()) if d["value"]],
        "lines": list(extra.get("lines", ())),
        "actions": list(extra.get("actions", ())),
        "url": extra.get("url") or "",
    }


def badge(text, tone="secondary"):
    return {"text": text, "tone": tone if tone in TONES else "secondary"}


def detail(label, value):
    return {"label": label, "value": value or ""}


def figure(label, value, tone="secondary"):
    return {"label": label, "value": value, "tone": tone if tone in TONES else "secondary"}


def action(key, label, res_id=False, primary=False):
    """A button of the desk: runs ``adv.customer.desk.run_action(partner, key, res_id)``."""
    return {"key": key, "label": label, "res_id": res_id or False, "primary": primary}


def fdate(env, value):
    return format_date(env, value) if value else ""


def famount(env, amount, currency):
    return format_amount(env, amount or 0.0, currency)


def days_from(env, today, value):
    """``'D+10'`` / ``'D-3'`` / ``'D'``: ``value`` (a date) counted from ``today`` (``J+10`` in
    French)."""
    if not value:
        return ""
    days = (value - today).days
    delta = f"{days:+d}" if days else ""
    return env._("D%(delta)s", delta=delta)
