# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Shared set-up of the ADV suite's tests: every adv addon's ``common.py`` builds on it."""

import contextlib
import functools
import io
import json
import threading
import zipfile
from unittest.mock import patch

from lxml import etree
from openpyxl import load_workbook
from psycopg2.extensions import TransactionRollbackError

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tests import new_test_user
from odoo.tests.common import BaseCase, TransactionCase, get_db_name
from odoo.tools.pdf import PdfFileReader
from odoo.tools.safe_eval import safe_eval

from odoo.addons.adv_base.tools import report_pdf
from odoo.addons.adv_base.tools.report_pdf import render_pdfs
from odoo.addons.base.models.ir_actions_report import IrActionsReport

PT_MM = 25.4 / 72  # millimetres in a PDF point


class AdvUsersMixin:
    """Users of the three kinds every ADV test needs, and nothing else (no demo data).

    - ``adv_user``: an ADV assistant (Sales Administration / User);
    - ``adv_manager``: an ADV manager (Sales Administration / Administrator);
    - ``internal_user``: an employee without any ADV right.

    Mixed into test classes that have another base (e.g. ``AccountTestInvoicingCommon``):
    call :meth:`setup_adv_users` from their ``setUpClass``.
    """

    @classmethod
    def setup_adv_users(cls):
        cls.adv_user = new_test_user(
            cls.env, login="adv_user", name="Adèle ADV", groups="adv_base.group_user"
        )
        cls.adv_manager = new_test_user(
            cls.env, login="adv_manager", name="Marc Manager", groups="adv_base.group_manager"
        )
        cls.internal_user = new_test_user(
            cls.env, login="adv_outsider", name="Oscar Outsider", groups="base.group_user"
        )

    @staticmethod
    def switch_off_order_control(company):
        """When adv_order_control is installed too (the suite's test database), its conformity
        and new-customer solvency checks would hold the fixtures' orders of new customers without
        an address: tests about another addon turn these company switches off (the fields exist
        only then). Order control's own tests never call this."""
        switches = {"adv_conformity_check": False, "adv_solvency_new_customer": False}
        company.write({k: v for k, v in switches.items() if k in company._fields})

    @classmethod
    def visible_menu_xmlids(cls, user, module="adv_base"):
        """XML ids of ``module``'s menus that ``user`` sees, as the web client loads them."""
        menus = cls.env["ir.ui.menu"].with_user(user).load_menus(debug=False)
        menu_ids = {m["id"] for key, m in menus.items() if key != "root"}
        data = (
            cls.env["ir.model.data"]
            .sudo()
            .search(
                [
                    ("model", "=", "ir.ui.menu"),
                    ("module", "=", module),
                    ("res_id", "in", list(menu_ids)),
                ]
            )
        )
        return {f"{d.module}.{d.name}" for d in data}


class AdvCommon(AdvUsersMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.setup_adv_users()


class RaceCase(BaseCase):
    """Two transactions doing the same thing at the same moment, on the committed database.

    Real cursors in real threads: the fixtures are committed by the test (and removed by it),
    each thread runs its own transaction, and every thread of a round takes its snapshot before
    any of them acts (a barrier): the worst case under REPEATABLE READ. A serialization failure
    is retried as Odoo's HTTP layer would (up to 5 times).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def _attempt(self, action, record_id, barrier, outcome):
        for attempt in range(5):
            try:
                with self.registry.cursor() as cr:
                    cr.execute("SELECT 1")  # the snapshot is taken here
                    if attempt == 0:
                        barrier.wait(timeout=30)
                    action(self._env(cr), record_id)
                return
            except TransactionRollbackError:  # noqa: PERF203 (a retry loop)
                outcome.setdefault("retries", []).append(record_id)
        outcome.setdefault("gave_up", []).append(record_id)

    def race(self, action, rounds):
        """Run ``action(env, id)`` for the ids of each round at once; return the outcome
        (``retries``: the ids that were retried; ``gave_up``: those that never passed)."""
        outcome = {}
        for ids in rounds:
            barrier = threading.Barrier(len(ids))
            threads = [
                threading.Thread(target=self._attempt, args=(action, rid, barrier, outcome))
                for rid in ids
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
        self.assertFalse(outcome.get("gave_up"))
        return outcome


def new_english_user(env, login, name, groups, **values):
    """A test user whose language is English: the messages and labels the test reads are."""
    return new_test_user(env, login=login, name=name, lang="en_US", groups=groups, **values)


def new_web_user(env, login, name, groups, **values):
    """An English user who logs in to the web client (a browser tour, an HTTP session): their
    password is their login."""
    return new_english_user(env, login, name, groups, password=login, **values)


class PhoneTourMixin:
    """Mixed in first into a browser tour's test class (an ``HttpCase``): its tours run on a
    phone, a 375 x 667 viewport with touch events, where the web client shows its mobile layout
    (kanban views, burger menu, header buttons in the cog menu)."""

    browser_size = "375x667"
    touch_enabled = True


class RenderedXlsx:
    """An XLSX report as rendered: the names of its parts (``names``), a part's XML text
    (:meth:`part`), the shared strings (``strings``), the first sheet (``sheet``), and the
    ``workbook`` read by openpyxl for cell values."""

    def __init__(self, content):
        self.content = content
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            self.parts = {name: archive.read(name) for name in archive.namelist()}

    @property
    def names(self):
        return list(self.parts)

    def part(self, name):
        return self.parts[name].decode()

    @property
    def strings(self):
        return self.part("xl/sharedStrings.xml")

    @property
    def sheet(self):
        return self.part("xl/worksheets/sheet1.xml")

    @functools.cached_property
    def workbook(self):
        return load_workbook(io.BytesIO(self.content))


def render_xlsx(case, report_xmlid, records, user=None):
    """Render the XLSX report ``report_xmlid`` of ``records`` (as ``user`` if given) in the test
    ``case``, check that it is a workbook and return it as a :class:`RenderedXlsx`."""
    Report = case.env["ir.actions.report"]
    if user:
        Report = Report.with_user(user)
    report_name = case.env.ref(report_xmlid).report_name
    content, kind = Report._render(report_name, records.ids, data={})
    case.assertEqual(kind, "xlsx")
    return RenderedXlsx(content)


class RenderedPdf:
    """A PDF as wkhtmltopdf drew it: its text runs with their place on the page. ``lines`` are
    (page, x, y, text): x from the page's left edge and y of the baseline from its top, in
    millimetres, the text's spaces folded to one (non-breaking and narrow ones included);
    ``text`` is all of it, page after page."""

    def __init__(self, content):
        self.content = content
        self.reader = PdfFileReader(io.BytesIO(content), strict=False)
        self.lines = [
            line for number in range(len(self.reader.pages)) for line in self._page(number)
        ]

    @property
    def pages(self):
        return len(self.reader.pages)

    @property
    def text(self):
        return " ".join(line[3] for line in self.lines)

    def line(self, start):
        """The run whose text is ``start``, else the first that starts with it (None when
        there is none)."""
        exact = [line for line in self.lines if line[3] == start]
        return next(iter(exact), None) or next(
            (line for line in self.lines if line[3].startswith(start)), None
        )

    def _page(self, number):
        """The page's text runs: a run is a BT ... ET block, placed by its first Td."""
        page = self.reader.pages[number]
        height = float(page.mediabox.height)
        runs, start = [], []

        def after(operator, args, cm, tm):
            if operator == b"BT":
                start.clear()
            elif operator in (b"Td", b"TD") and not start:
                start.append(
                    (cm[0] * tm[4] + cm[2] * tm[5] + cm[4], cm[1] * tm[4] + cm[3] * tm[5] + cm[5])
                )

        def text(value, cm, tm, font, size):
            value = " ".join(value.replace("\u200b", "").split())
            if value and start:
                x, y = start[0]
                runs.append((number, round(x * PT_MM, 1), round((height - y) * PT_MM, 1), value))

        page.extract_text(visitor_operand_after=after, visitor_text=text)
        return runs


def partner_report(env, name, body, **values):
    """A QWeb PDF report on partners made for a test: its template ``adv_base.<name>`` is
    ``body`` in Odoo's HTML container, for each partner ``o``; ``values`` go to the report
    action (a paper format...)."""
    key = f"adv_base.{name}"
    env["ir.ui.view"].create(
        {
            "name": name,
            "type": "qweb",
            "key": key,
            "arch": f"""<t t-name="{key}"><t t-call="web.html_container">
                <t t-foreach="docs" t-as="o">{body}</t></t></t>""",
        }
    )
    return env["ir.actions.report"].create(
        {"name": name, "model": "res.partner", "report_type": "qweb-pdf", "report_name": key}
        | values
    )


def render_pdf(report, res_ids):
    """{res id: :class:`RenderedPdf`} of the report ``report`` (an ``ir.actions.report``
    record, in the environment to render with), rendered for real by wkhtmltopdf in batches
    (adv_base's ``render_pdfs``) in an ``HttpCase`` (wkhtmltopdf loads the report's assets
    from the test's server)."""
    Report = report.env["ir.actions.report"].with_context(force_report_rendering=True)
    documents = render_pdfs(Report, report.report_name, res_ids)
    return {rid: RenderedPdf(content) for rid, content in documents.items()}


@contextlib.contextmanager
def count_wkhtmltopdf_runs():
    """Yields the list of the wkhtmltopdf runs made inside the block (adv_base's batches and
    Odoo's own runs), each as the report it printed (None for a batch)."""
    runs = []
    batch, single = report_pdf._run_wkhtmltopdf, IrActionsReport._run_wkhtmltopdf

    def counted_batch(*args):
        runs.append(None)
        return batch(*args)

    def counted_single(report, bodies, **kwargs):
        runs.append(kwargs.get("report_ref"))
        return single(report, bodies, **kwargs)

    with (
        patch.object(report_pdf, "_run_wkhtmltopdf", counted_batch),
        patch.object(IrActionsReport, "_run_wkhtmltopdf", counted_single),
    ):
        yield runs


class RpcMixin:
    """Mixed into an ``HttpCase``: calls as a remote client makes them, ``/web/dataset/call_kw``
    in the test's HTTP session (``authenticate`` first), with any arguments and context."""

    def rpc(self, model, method, *args, **kwargs):
        """The JSON-RPC response of ``model.method(*args, **kwargs)``: ``result`` or ``error``."""
        params = {"model": model, "method": method, "args": list(args), "kwargs": kwargs}
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def call(self, model, method, *args, **kwargs):
        """The result of a call that must succeed."""
        response = self.rpc(model, method, *args, **kwargs)
        self.assertNotIn("error", response, response.get("error"))
        return response.get("result")  # Odoo leaves out a None result

    def refusal(self, model, method, *args, **kwargs):
        """The error a call ends with (``None``: it was not refused)."""
        failure = self.rpc(model, method, *args, **kwargs).get("error")
        return failure and failure["data"]

    def assertRefusedCall(self, error, model, method, *args, says=None, **kwargs):
        """The call fails with ``error`` (and, given ``says``, the guard's own message)."""
        failure = self.refusal(model, method, *args, **kwargs)
        self.assertTrue(failure, f"{model}.{method} was not refused")
        self.assertEqual(failure["name"], f"odoo.exceptions.{error}")
        if says:
            self.assertIn(says, failure["message"])


class CommittedCase(TransactionCase):
    """A test that reads what a refused call left on the committed database: the fixtures are
    committed through cursors of their own (and removed by the test), each step runs in a fresh
    cursor, so that what is read after a refusal is what another user would see (not the test
    cursor's savepoint, which rolls the cache back to before the call)."""

    def _env(self, cr, uid=SUPERUSER_ID):
        return api.Environment(cr, uid, {"lang": "en_US"})


class SetupChecklistMixin:
    """Reads the setup checklist (``adv.setup.step``) of the current company on a known set of
    customers: the data-quality counts of :meth:`checklist` and the worklists of
    :meth:`worklist` are restricted to ``customers`` (the database's other customers left
    out), everything else is the real computation."""

    @staticmethod
    def new_customers(env, *values):
        """Company customers (customers for Invoicing, when installed) with a complete address
        in Lyon, France, each updated with its ``values``."""
        rank = {"customer_rank": 1} if "customer_rank" in env["res.partner"]._fields else {}
        complete = {
            "is_company": True,
            "street": "18 rue de Marseille",
            "zip": "69007",
            "city": "Lyon",
            "country_id": env.ref("base.fr").id,
            **rank,
        }
        return env["res.partner"].create([{**complete, **vals} for vals in values])

    def _restricted(self, customers):
        Step = self.env["adv.setup.step"]
        domain = Step._adv_customer_domain() + [("id", "in", customers.ids)]
        return patch.object(type(Step), "_adv_customer_domain", lambda self: domain)

    def checklist(self, customers, user=None):
        """{key: step dict} of ``_adv_setup_steps()`` (as ``user`` if given), counting among
        ``customers`` only."""
        Step = self.env["adv.setup.step"].with_user(user or self.env.user)
        with self._restricted(customers):
            return {step["key"]: step for step in Step._adv_setup_steps()}

    def worklist(self, key, customers):
        """The customers among ``customers`` that the line ``key`` opens (its action's domain)."""
        with self._restricted(customers):
            action = self.env["adv.setup.step"].create({"key": key}).action_open()
        self.assertEqual(action["res_model"], "res.partner")
        return self.env["res.partner"].search(action["domain"])


def my_day(env, user):
    """``user``'s My Day as the web client loads it: the action's domain (one line per
    document) in the order of the list view's ``default_order`` (the priority)."""
    action = env.ref("adv_base.my_day_action")
    Activity = env["mail.activity"].with_user(user)
    views = Activity.get_views([(env.ref("adv_base.my_day_view_list").id, "list")])
    order = etree.fromstring(views["views"]["list"]["arch"]).get("default_order")
    return Activity.search(safe_eval(action.domain, {"uid": user.id}), order=order)
