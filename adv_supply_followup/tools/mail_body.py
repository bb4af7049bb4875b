# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A mail template body made of plain field paths, parsed once and filled for many records.

Odoo renders a template body whose only dynamic parts are allowed field paths
(``<strong t-out="object.purchase_id.name"/>``) without QWeb, by substituting each element with
its value (``mail.render.mixin``'s "regex" mode). It parses and normalises the template's HTML
again for every record; at the volume of the daily chases that is most of the rendering. Here the
normalised body is split once into its static text and its placeholders, and each record only
fills its values, with the same result: the value (else the element's own text) escaped, inside
the element's tag without its attributes, bare for a ``<t>``.

Plain Python, no ORM: the caller gives the normalised body and the record (anything that reads
``record[field]``), and decides when this mode applies (Odoo's own check that the template needs
no QWeb).
"""

import re
from functools import reduce
from operator import getitem

from markupsafe import Markup, escape

# An element whose content is one field path, empty or with a default text:
# <tag t-out="object.a.b"/> or <tag t-out="object.a.b">default</tag>.
PLACEHOLDER = re.compile(
    r"""<(?P<tag>\w+)\s+t-out=\s*(?P<quote>['"])(?P<path>[\w.]+)(?P=quote)\s*"""
    r"""(?:/>|>\s*(?P<default>[^<>]*?)\s*</(?P=tag)>)""",
    re.DOTALL,
)


def compile_body(body):
    """``[text, (tag, path, default), text, ...]``: the static text of the normalised ``body``
    around its placeholders; ``path``: the field names after ``object``."""
    parts, start = [], 0
    for match in PLACEHOLDER.finditer(body):
        parts.append(body[start : match.start()])
        parts.append((match["tag"], match["path"].split(".")[1:], match["default"]))
        start = match.end()
    parts.append(body[start:])
    return parts


def placeholders(parts):
    """The expressions (``object.a.b``) the compiled ``parts`` read."""
    return {".".join(["object", *part[1]]) for part in parts if isinstance(part, tuple)}


def render_body(parts, record):
    """The body of the compiled ``parts`` for ``record``."""
    chunks = []
    for part in parts:
        if isinstance(part, str):
            chunks.append(part)
            continue
        tag, path, default = part
        try:
            value = reduce(getitem, path, record) or default
        except KeyError:
            value = default
        value = escape(value or "")
        chunks.append(value if tag.lower() == "t" else f"<{tag}>{value}</{tag}>")
    return Markup("".join(chunks))
