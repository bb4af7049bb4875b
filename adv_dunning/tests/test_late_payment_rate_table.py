# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Dated legal data stays current: the rates of a new half-year are added with a short form
(from the rate table, or from the run that missed them) or imported as CSV in the columns the
readme documents; only ADV administrators write the table, on every path."""

import re
from pathlib import Path

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, HttpCase, tagged

from odoo.addons.adv_base.tests.common import RpcMixin, new_web_user

from .common import DunningCommon

CONFIGURE = Path(__file__).resolve().parents[1] / "readme" / "CONFIGURE.md"


def documented_csv():
    """The example CSV of readme/CONFIGURE.md (the block after ```csv), as a file has it."""
    block = re.search(r"```csv\n(.*?)```", CONFIGURE.read_text(), re.DOTALL).group(1)
    return "".join(f"{line.strip()}\n" for line in block.splitlines() if line.strip())


@tagged("post_install", "-at_install")
class TestLatePaymentRateTable(DunningCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rate = cls.env["adv.late.payment.rate"]
        cls.Rate.search([("date_start", ">", "2026-01-01")]).unlink()

    def short_form(self, user, context=None):
        Wizard = self.env["adv.late.payment.rate.add"].with_user(user)
        return Form(Wizard.with_context(**(context or {})))

    def test_the_run_that_missed_a_half_year_opens_the_short_form(self):
        self.invoice(1000.0, "2026-09-30")
        with freeze_time("2026-12-10"):
            run = self.env["adv.dunning.run"].with_user(self.adv_manager).create({})
            run.action_compute()
            self.assertIn("H2 2026", run.rate_warning)
            action = run.action_add_missing_rate()
            self.assertEqual(action["res_model"], "adv.late.payment.rate.add")
            form = self.short_form(self.adv_manager, action["context"])
            self.assertEqual((form.year, form.half), (2026, "2"))
            form.ecb_rate, form.legal_rate = 2.4, 3.1
            self.assertAlmostEqual(form.penalty_rate, 12.4)
            form.save().action_add()
            added = self.Rate.search([("date_start", "=", "2026-07-01")])
            self.assertEqual((added.ecb_rate, added.legal_rate), (2.4, 3.1))
            run.action_compute()  # preview again: the new rate is used, no more warning
        self.assertFalse(run.rate_warning)
        self.assertEqual(run.notice_ids.penalty_rate, 12.4)

    def test_short_form_proposes_the_next_half_year_and_refuses_bad_input(self):
        form = self.short_form(self.adv_manager)
        self.assertEqual((form.year, form.half), (2026, "2"))  # after H1 2026, the last row
        form.half, form.ecb_rate, form.legal_rate = "1", 2.15, 2.62
        with self.assertRaisesRegex(UserError, "already in the table"):
            form.save().action_add()
        form.half, form.ecb_rate = "2", -0.5
        with self.assertRaisesRegex(ValidationError, "percentages between 0 and 100"):
            form.save().action_add()
        form.year, form.ecb_rate = 26, 2.15
        with self.assertRaisesRegex(UserError, "year of the half-year"):
            form.save().action_add()

    def test_the_documented_csv_imports_as_odoo_imports_it(self):
        """The readme's CSV through Odoo's own import (base_import, as the list's Import
        records does): the columns are recognised and the rows created."""
        importer = (
            self.env["base_import.import"]
            .with_user(self.adv_manager)
            .create(
                {
                    "res_model": "adv.late.payment.rate",
                    "file": documented_csv().encode(),
                    "file_name": "rates.csv",
                    "file_type": "text/csv",
                }
            )
        )
        options = {
            "quoting": '"',
            "separator": ",",
            "encoding": "utf-8",
            "has_headers": True,
            "date_format": "%Y-%m-%d",
            "import_skip_records": [],
            "import_set_empty_fields": [],
            "fallback_values": {},
            "name_create_enabled_fields": {},
        }
        preview = importer.parse_preview(options)
        self.assertNotIn("error", preview, preview)
        matches = [preview["matches"][i] for i in range(len(preview["headers"]))]
        self.assertEqual(matches, [["date_start"], ["ecb_rate"], ["legal_rate"]])
        result = importer.execute_import(
            ["date_start", "ecb_rate", "legal_rate"], preview["headers"], options
        )
        self.assertFalse(result["messages"], result["messages"])
        imported = self.Rate.browse(result["ids"])
        self.assertEqual(imported.mapped("date_start")[0].strftime("%m-%d"), "07-01")
        self.assertTrue(all(r.penalty_rate == r.ecb_rate + 10 for r in imported))


@tagged("post_install", "-at_install")
class TestLatePaymentRateTableOverRpc(RpcMixin, DunningCommon, HttpCase):
    """A collector runs the dunning but does not write the legal rates: neither the short form
    nor an import nor a plain create, through the real transport."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new_web_user(
            cls.env,
            "rate_rpc_collector",
            "Cora Collector",
            "adv_dunning.group_collector",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.env["adv.late.payment.rate"].search([("date_start", ">", "2026-01-01")]).unlink()

    def setUp(self):
        super().setUp()
        self.authenticate("rate_rpc_collector", "rate_rpc_collector")

    def test_a_collector_cannot_add_rates(self):
        values = {"year": 2026, "half": "2", "ecb_rate": 2.15, "legal_rate": 3.0}
        self.assertRefusedCall("AccessError", "adv.late.payment.rate.add", "create", values)
        self.assertRefusedCall(
            "AccessError",
            "adv.late.payment.rate",
            "create",
            {"date_start": "2026-07-01", "ecb_rate": 2.15, "legal_rate": 3.0},
        )
        result = self.call(
            "adv.late.payment.rate",
            "load",
            ["date_start", "ecb_rate", "legal_rate"],
            [["2026-07-01", "2.15", "3.0"]],
        )
        self.assertFalse(result["ids"])
        self.assertFalse(
            self.env["adv.late.payment.rate"].search_count([("date_start", "=", "2026-07-01")])
        )
        # the rates are read by everyone (the notices quote them)
        self.assertTrue(self.call("adv.late.payment.rate", "search_read", [], ["penalty_rate"]))
