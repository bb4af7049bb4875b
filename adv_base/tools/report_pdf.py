# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""PDF documents of a QWeb report for many records: one wkhtmltopdf run per batch, whatever
wkhtmltopdf build is installed, then one PDF per record.

Odoo renders a batch by giving wkhtmltopdf one HTML file per record and splits the result by
the PDF's outline. A wkhtmltopdf built without its patched Qt (Debian's package) prints one
HTML file per run ("Exit with code 1": no PDF at all) and writes no outline, so Odoo's batch
fails there and each record costs a wkhtmltopdf run (about a second: start, assets, the
report's one-second JavaScript delay).

Here the records' ``div.article`` become the pages of one HTML document (each record starting
on a new page, behind a marker: a white image of 11 x 3 pixels drawn on one pixel, which the
PDF lists among the images of the page it is on), rendered in one run and split at the pages
that carry a marker (no text extraction: a page drawn with a web font holds no text, and
parsing its curves costs half a second). This holds for documents without a wkhtmltopdf header
or footer (``web.basic_layout``, the suite's letters) on every build, and for the others on a
build without the patched Qt (which does not print headers and footers anyway); a report with
a header or footer on a patched build goes through Odoo's own batch. When a batch cannot be
split, its records are rendered one by one.

Several batches (of one report or of several, ``render_many``) print at once, two wkhtmltopdf
runs per CPU, while the next batch's HTML is prepared: wkhtmltopdf runs outside the database, in
a thread of a pool. In an HTTP request, a batch goes through Odoo's own run (with the user's
session cookie); in a test, each run ends before the next batch's HTML is prepared (the test's
HTTP server serves wkhtmltopdf on the test's own cursor).

The same fonts, installed: a wkhtmltopdf without the patched Qt draws a report's web font (Odoo's
Lato, or the company's font from Document Layout) as curves, 300 KB and 68 ms a page of an
invoice, with no text to select or search. Our runs give wkhtmltopdf a fontconfig file that
adds Odoo's own font files (``web/static/fonts``) under an alias per report font ("ADV Report
Lato"), and the batch's HTML names the alias first for the company's layout: the same glyphs,
drawn as text (a few KB and 12 ms an invoice page). Where the alias is unknown (Odoo's own run, in
an HTTP request), the next family is the web font, as before.
"""

import collections
import concurrent.futures
import functools
import io
import logging
import os
import re
import subprocess
import tempfile
from xml.sax.saxutils import escape

import lxml.html
from lxml import etree

from odoo.http import request
from odoo.tools import config, file_path, split_every
from odoo.tools.pdf import PdfFileReader, PdfFileWriter

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

_logger = logging.getLogger(__name__)

BATCH_SIZE = 250  # records per wkhtmltopdf run (letters: 20 ms a letter by 100, 13 by 250)
MAX_WORKERS = 4  # wkhtmltopdf runs at once, at most
# a white PNG of 11 x 3 pixels: the PDF lists it among the images of each page it is on
MARKER_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAsAAAADCAIAAADKnWIcAAAAFUlEQVR42mP8//8/"
    "A17AxEAIEFYBACx7AwPzBY5bAAAAAElFTkSuQmCC"
)
MARKER_SIZE = (11, 3)
MARKER_STYLE = "position: absolute; top: 0; left: 0; width: 1px; height: 1px;"
CLASS_XPATH = "//div[contains(concat(' ', normalize-space(@class), ' '), ' {} ')]"
# the report fonts of Odoo's Document Layout (``res.company.font``): CSS family -> the family
# of its font files in ``web/static/fonts``
REPORT_FONTS = {
    "Lato": "Lato",
    "Roboto": "Roboto",
    "Open_Sans": "Open Sans",
    "Montserrat": "Montserrat",
    "Oswald": "Oswald",
    "Raleway": "Raleway",
    "Tajawal": "Tajawal",
    "Fira_Mono": "Fira Mono",
}
FONT_ALIAS = "ADV Report {}"
COMPANY_LAYOUT = re.compile(r"\bo_company_(\d+)_layout\b")


@functools.cache
def wkhtmltopdf_patched():
    """Whether the installed wkhtmltopdf is built with its patched Qt (headers, footers,
    several HTML files per run, outlines)."""
    binary = _get_wkhtmltopdf_bin()
    try:
        out = subprocess.run(
            [binary, "--version"], capture_output=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return b"patched qt" in out.lower()


@functools.cache
def report_fonts_config():
    """The path of a fontconfig file for our wkhtmltopdf runs: the server's configuration,
    plus Odoo's report font files under an alias per font (``FONT_ALIAS``), written in Odoo's
    data directory; None when Odoo's font files are not found."""
    try:
        fonts = file_path("web/static/fonts")
    except (FileNotFoundError, ValueError):
        return None
    system = os.environ.get("FONTCONFIG_FILE") or "/etc/fonts/fonts.conf"
    folder = os.path.join(config["data_dir"], "adv_report_fonts")
    aliases = "".join(
        f'  <alias binding="same"><family>{escape(FONT_ALIAS.format(css))}</family>'
        f"<prefer><family>{escape(family)}</family></prefer></alias>\n"
        for css, family in REPORT_FONTS.items()
    )
    content = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f'  <include ignore_missing="yes">{escape(system)}</include>\n'
        f"  <dir>{escape(fonts)}</dir>\n"
        f"{aliases}</fontconfig>\n"
    )
    path = os.path.join(folder, "fonts.conf")
    tmp = None
    try:
        os.makedirs(folder, exist_ok=True)
        # written whole then renamed: another process may read it meanwhile
        with tempfile.NamedTemporaryFile("w", dir=folder, delete=False, encoding="utf-8") as tmp:
            tmp.write(content)
        os.replace(tmp.name, path)
    except OSError as error:  # a read-only data directory: the web fonts, as before
        _logger.warning("Report fonts not installed for wkhtmltopdf (%s): web fonts used", error)
        if tmp is not None and os.path.exists(tmp.name):
            os.unlink(tmp.name)
        return None
    return path


def _with_installed_fonts(reports, html):
    """``html`` naming each company layout's font alias first (see ``report_fonts_config``);
    the web font stays next, for a run without our fontconfig file."""
    company_ids = {int(cid) for cid in COMPANY_LAYOUT.findall(html)}
    companies = reports.env["res.company"].sudo().browse(sorted(company_ids))
    rules = [
        f".o_company_{company.id}_layout {{ font-family: '{FONT_ALIAS.format(font)}', '{font}'; }}"
        for company in companies
        for font in [company.font or "Lato"]
        if font in REPORT_FONTS
    ]
    if not rules or "</head>" not in html:
        return html
    style = '<style type="text/css">' + " ".join(rules) + "</style>"
    head_end = html.index("</head>")
    return html[:head_end] + style + html[head_end:]


def default_workers():
    """How many wkhtmltopdf runs go at once: two per CPU (a run also waits: it loads the
    report's assets from the server and waits for the report's JavaScript), at most
    ``MAX_WORKERS``. Measured on 2 CPUs, 6 000 dunning documents: 102 s with 2 runs at once,
    94 s with 3, 92 s with 4."""
    return min(MAX_WORKERS, 2 * (os.cpu_count() or 1))


def render_pdfs(reports, report_ref, res_ids, batch_size=BATCH_SIZE, workers=None):
    """{res id: content} of the report ``report_ref`` for ``res_ids``: see ``render_many``."""
    requests = [(report_ref, res_ids)]
    documents = render_many(reports, requests, batch_size=batch_size, workers=workers)
    return {rid: content for (__, rid), content in documents.items()}


def render_many(reports, requests, batch_size=BATCH_SIZE, workers=None):
    """{(report, res id): content} of ``requests``, a list of ``(report_ref, res_ids)``: a
    wkhtmltopdf run per ``batch_size`` records of a report, up to ``workers`` runs at once
    (default: ``default_workers()``, whatever their report) while the next
    batch's HTML is prepared. ``reports`` is the ``ir.actions.report`` model in the environment
    to render with (user, language). In Odoo's test mode, without ``force_report_rendering`` in
    the context, the content is each record's HTML, as Odoo's own PDF rendering gives."""
    chunks = [
        (report_ref, chunk)
        for report_ref, res_ids in requests
        for chunk in split_every(batch_size, res_ids, list)
    ]
    documents = {}
    if not _real_pdf(reports):
        for report_ref, chunk in chunks:
            documents |= _keyed(report_ref, _html_documents(reports, report_ref, chunk))
        return documents
    workers = workers or default_workers()
    pending = collections.deque()
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        for report_ref, chunk in chunks:
            # at most ``workers`` runs in flight: the oldest collected before preparing more
            while len(pending) >= workers:
                documents |= _collect(reports, *pending.popleft())
            job = _prepare_batch(reports, report_ref, chunk) if len(chunk) > 1 else None
            if isinstance(job, dict):  # printed already (Odoo's own batch)
                documents |= _keyed(report_ref, job)
            elif job is None:
                documents |= _keyed(report_ref, _one_by_one(reports, report_ref, chunk))
            else:
                pending.append((report_ref, chunk, _start(pool, reports, report_ref, job)))
                if reports.env.registry.test_cr is not None:
                    # a test's HTTP server serves wkhtmltopdf on the test's own cursor and
                    # environment: no ORM work may run meanwhile
                    documents |= _collect(reports, *pending.popleft())
        while pending:
            documents |= _collect(reports, *pending.popleft())
    return documents


def _keyed(report_ref, documents):
    return {(report_ref, rid): content for rid, content in documents.items()}


def _start(pool, reports, report_ref, job):
    """The run of a prepared batch: in the pool, or, in an HTTP request, Odoo's own run now
    (wkhtmltopdf then gets the user's session cookie, to load what only the user may see)."""
    binary, arguments, html, paper_args = job
    if not (request and request.db):
        return pool.submit(_run_wkhtmltopdf, binary, arguments, html)
    future = concurrent.futures.Future()
    try:
        future.set_result(
            reports._run_wkhtmltopdf(
                [html],
                report_ref=report_ref,
                landscape=reports.env.context.get("landscape"),
                specific_paperformat_args=paper_args,
                set_viewport_size=reports.env.context.get("set_viewport_size"),
            )
        )
    except Exception as error:  # noqa: BLE001  # pylint: disable=broad-except
        future.set_exception(error)
    return future


def _one_by_one(reports, report_ref, ids):
    return {rid: reports._render_qweb_pdf(report_ref, [rid])[0] for rid in ids}


def _collect(reports, report_ref, ids, future):
    """{(report, res id): PDF} of a batch run, or one by one when it cannot be split."""
    try:
        documents = _split(future.result(), ids)
    except Exception as error:  # noqa: BLE001  # pylint: disable=broad-except
        _logger.info("%s: batch rendering failed (%s), one by one", report_ref, error)
        documents = None
    if documents is None:
        documents = _one_by_one(reports, report_ref, ids)
    return _keyed(report_ref, documents)


def _real_pdf(reports):
    """Odoo renders HTML instead of PDF in test mode, unless told to render (see
    ``ir.actions.report._pre_render_qweb_pdf``)."""
    testing = config["test_enable"] or config["test_file"]
    return not testing or reports.env.context.get("force_report_rendering")


def _html_documents(reports, report_ref, ids):
    html = reports._render_qweb_html(report_ref, ids)[0]
    report = reports._get_report(report_ref)
    bodies, html_ids, *__ = report._prepare_html(html, report_model=report.model)
    if html_ids == ids:
        return {rid: str(body).encode() for rid, body in zip(ids, bodies, strict=True)}
    return {rid: reports._render_qweb_pdf(report_ref, [rid])[0] for rid in ids}


def _prepare_batch(reports, report_ref, ids):
    """What wkhtmltopdf needs to print one batch in one run, ``(binary, arguments, HTML,
    paper format arguments)``;
    the documents themselves when Odoo's own batch printed them; None when the batch cannot
    be split per record."""
    report = reports._get_report(report_ref)
    reports = reports.with_context(debug=False)
    html = reports._render_qweb_html(report_ref, ids)[0]
    root = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(encoding="utf-8"))
    articles = root.xpath(CLASS_XPATH.format("article"))
    found = [(a.get("data-oe-model"), int(a.get("data-oe-id") or 0)) for a in articles]
    if found != [(report.model, rid) for rid in ids]:
        return None
    try:
        with reports.env.cr.savepoint(flush=False):
            if wkhtmltopdf_patched() and _has_header_or_footer(root):
                return _odoo_batch(reports, report_ref, ids)
            _merge_articles(articles)
            bodies, __, __, __, paper_args = report.with_context(debug=False)._prepare_html(
                lxml.html.tostring(root, encoding="unicode"), report_model=report.model
            )
            arguments = reports._build_wkhtmltopdf_args(
                report.get_paperformat(),
                reports.env.context.get("landscape"),
                specific_paperformat_args=paper_args,
                set_viewport_size=reports.env.context.get("set_viewport_size"),
            )
        if len(bodies) != 1:
            return None
        html = _with_installed_fonts(reports, str(bodies[0]))
        return _get_wkhtmltopdf_bin(), arguments, html, paper_args
    except Exception as error:  # noqa: BLE001  # pylint: disable=broad-except
        _logger.info("%s: batch rendering failed (%s), one by one", report_ref, error)
        return None


def _run_wkhtmltopdf(binary, arguments, html):
    """The PDF of ``html`` printed by wkhtmltopdf: a subprocess and two temporary files, no
    database (it runs in a thread of the pool)."""
    with tempfile.TemporaryDirectory(prefix="adv_report.") as folder:
        source, target = os.path.join(folder, "body.html"), os.path.join(folder, "report.pdf")
        with open(source, "w", encoding="utf-8") as body:
            body.write(html)
        environ = dict(os.environ)
        if fonts_config := report_fonts_config():
            environ["FONTCONFIG_FILE"] = fonts_config
        process = subprocess.run(
            [binary, *arguments, source, target], capture_output=True, check=False, env=environ
        )
        if process.returncode not in (0, 1):
            raise RuntimeError(
                f"wkhtmltopdf exited with {process.returncode}: "
                f"{process.stderr.decode(errors='replace')[-500:]}"
            )
        with open(target, "rb") as pdf:
            return pdf.read()


def _has_header_or_footer(root):
    nodes = root.xpath(CLASS_XPATH.format("header")) + root.xpath(CLASS_XPATH.format("footer"))
    return any(len(node) or (node.text or "").strip() for node in nodes)


def _merge_articles(articles):
    """The articles become the pages of one article: each starts on a new page behind its
    marker; their headers and footers, if any, are not printed."""
    merged = etree.Element("div", {"class": "article"})
    if articles[0].get("data-oe-lang"):
        merged.set("data-oe-lang", articles[0].get("data-oe-lang"))
    articles[0].addprevious(merged)
    for rank, article in enumerate(articles):
        article.getparent().remove(article)
        classes = (article.get("class") or "").split()
        article.set("class", " ".join(c for c in classes if c != "article"))
        style = "position: relative;" + (" page-break-before: always;" if rank else "")
        article.set("style", f"{style} {article.get('style') or ''}".strip())
        marker = etree.Element(
            "img", {"src": f"data:image/png;base64,{MARKER_PNG}", "style": MARKER_STYLE, "alt": ""}
        )
        article.insert(0, marker)
        merged.append(article)


def _split(content, ids):
    """One PDF per record, cut at the pages that carry a marker (one per record)."""
    reader = PdfFileReader(io.BytesIO(content), strict=False)
    starts = [number for number, page in enumerate(reader.pages) if _has_marker(page)]
    if len(starts) != len(ids) or starts[0] != 0:
        return None
    bounds = [*starts, len(reader.pages)]
    documents = {}
    for rank, rid in enumerate(ids):
        writer = PdfFileWriter()
        for number in range(bounds[rank], bounds[rank + 1]):
            writer.add_page(reader.pages[number])
        stream = io.BytesIO()
        writer.write(stream)
        documents[rid] = stream.getvalue()
    return documents


def _has_marker(page):
    resources = page.get("/Resources")
    images = resources.get_object().get("/XObject") if resources else None
    images = images.get_object() if images else {}
    return any(
        (image.get_object().get("/Width"), image.get_object().get("/Height")) == MARKER_SIZE
        for image in images.values()
    )


def _odoo_batch(reports, report_ref, ids):
    """Odoo's own batch (a patched wkhtmltopdf with headers and footers): None when it could
    not split the result per record."""
    streams, kind = reports._pre_render_qweb_pdf(report_ref, res_ids=ids)
    if kind != "pdf" or not all(streams.get(rid, {}).get("stream") for rid in ids):
        return None
    return {rid: streams[rid]["stream"].getvalue() for rid in ids}
