# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The suite's workbooks look alike: one set of cell formats and one way to write a table.

Used by every ADV workbook (OCA ``report_xlsx`` reports, written with xlsxwriter)::

    from odoo.addons.adv_base.tools.xlsx import Column, formats, write_table, write_title

    fmt = formats(workbook)
    write_title(sheet, fmt, env._("Customer exposure"))
    columns = [Column(env._("Customer"), 32), Column(env._("Exposure"), 16, "money")]
    last = write_table(sheet, fmt, columns, ((p.name, p.total) for p in partners), top=2)
"""

import datetime
from collections import namedtuple

Column = namedtuple("Column", ["label", "width", "fmt"], defaults=(None, None))

HEADER_COLOR = "#DDE4EE"


def formats(workbook):
    """The suite's cell formats, by name."""
    add = workbook.add_format
    return {
        "title": add({"bold": True, "font_size": 14}),
        "header": add({"bold": True, "bg_color": HEADER_COLOR, "border": 1, "text_wrap": True}),
        "bold": add({"bold": True}),
        "money": add({"num_format": "#,##0.00"}),
        "percent": add({"num_format": "0.0%"}),
        "number": add({"num_format": "0.0"}),
        "integer": add({"num_format": "0"}),
        "date": add({"num_format": "yyyy-mm-dd"}),
        "text": add({}),
        "wrap": add({"text_wrap": True, "valign": "top"}),
    }


def write_title(sheet, fmt, text, row=0):
    sheet.write(row, 0, text, fmt["title"])


def write_cell(sheet, row, col, value, cell_format=None):
    """Write ``value`` with its type (numbers as numbers, dates as dates); None or False (an
    empty Odoo value) writes nothing."""
    if value is None or value is False:
        return
    if isinstance(value, int | float):
        sheet.write_number(row, col, value, cell_format)
    elif isinstance(value, datetime.date):
        if not isinstance(value, datetime.datetime):
            value = datetime.datetime.combine(value, datetime.time())
        sheet.write_datetime(row, col, value, cell_format)
    else:
        sheet.write(row, col, value, cell_format)


def write_table(sheet, fmt, columns, rows, top=0, left=0, freeze=True):
    """Write a header row of ``columns`` at row ``top``, then ``rows``; return the last row.

    ``columns``: ``Column(label, width, fmt)``; ``fmt`` names a format of ``formats()``.
    ``rows``: sequences of cell values, one per column. The header is frozen (with the first
    column) so that a long table stays readable while scrolling.
    """
    for col, column in enumerate(columns, start=left):
        sheet.write(top, col, column.label, fmt["header"])
        if column.width:
            sheet.set_column(col, col, column.width)
    row = top
    for row, values in enumerate(rows, start=top + 1):
        for col, (column, value) in enumerate(zip(columns, values, strict=False), start=left):
            write_cell(sheet, row, col, value, fmt[column.fmt] if column.fmt else None)
    if freeze:
        sheet.freeze_panes(top + 1, left + 1)
    return row
