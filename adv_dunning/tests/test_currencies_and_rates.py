# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from freezegun import freeze_time

from odoo.tests import tagged

from .common import DunningCommon

RUN_LOGGER = "odoo.addons.adv_dunning.models.adv_dunning_run"


def text(html):
    """The visible text of rendered HTML, spaces (non-breaking included) folded to one."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html).replace("&nbsp;", " ")).strip()


@tagged("post_install", "-at_install")
class TestNoticeInSeveralCurrencies(DunningCommon):
    """A customer who owes in EUR (the company's currency) and in a foreign currency: the
    notice shows one total per currency, and the levels weigh the amounts in EUR."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.eur = cls.company.currency_id
        cls.usd = cls.env.ref("base.USD")
        cls.chf = cls.env.ref("base.CHF")
        (cls.usd | cls.chf).active = True
        # 1 EUR = 4 USD: 160 USD are worth 40 EUR; 1 EUR = 0.25 CHF: 30 CHF are worth 120 EUR
        cls.env["res.currency.rate"].create(
            [
                {
                    "name": "2026-01-01",
                    "rate": rate,
                    "currency_id": currency.id,
                    "company_id": cls.company.id,
                }
                for currency, rate in ((cls.usd, 4.0), (cls.chf, 0.25))
            ]
        )

    def test_totals_per_currency_and_levels_in_company_currency(self):
        eur_invoice = self.invoice(50.0, "2026-03-01")
        usd_invoice = self.invoice(160.0, "2026-03-01", currency_id=self.usd.id)
        self.invoice(50.0, "2026-03-01", partner=self.customer_2)
        self.invoice(30.0, "2026-03-01", partner=self.customer_2, currency_id=self.chf.id)
        self.assertEqual(self.receivable(usd_invoice).amount_residual, 40.0)
        with freeze_time("2026-04-16"):  # 46 days late: formal notice, from 100 EUR owed
            run = self.dun()
        notice = run.notice_ids.filtered(lambda n: n.partner_id == self.customer)
        # 50 EUR + 160 USD = 90 EUR: below the formal notice's 100 (160 + 50 would reach it)
        self.assertEqual(notice.level_id.name, "Phone call")
        self.assertEqual(notice.line_ids.move_id, eur_invoice | usd_invoice)
        usd_line = notice.line_ids.filtered(lambda ln: ln.move_id == usd_invoice)
        self.assertEqual((usd_line.currency_id, usd_line.amount_residual), (self.usd, 160.0))
        self.assertEqual(notice._totals_by_currency(), [(self.eur, 50.0), (self.usd, 160.0)])
        self.assertEqual(notice.totals, f"{self.eur.format(50.0)} + {self.usd.format(160.0)}")
        self.assertEqual(notice.amount_due, 90.0)
        # 50 EUR + 30 CHF = 170 EUR: the formal notice (50 + 30 would stay below 100)
        notice_2 = run.notice_ids.filtered(lambda n: n.partner_id == self.customer_2)
        self.assertEqual(notice_2.level_id.name, "Formal notice")
        self.assertEqual(notice_2.amount_due, 170.0)
        self.assertEqual(notice_2.totals, f"{self.eur.format(50.0)} + {self.chf.format(30.0)}")
        # the documents show the same totals, one per currency
        for report, record, expected in (
            ("adv_dunning.report_letter", notice, (50.0, self.eur, 160.0, self.usd)),
            ("adv_dunning.report_formal_notice", notice_2, (50.0, self.eur, 30.0, self.chf)),
        ):
            content, __ = self.env["ir.actions.report"]._render_qweb_html(report, record.ids)
            html = content.decode()
            first, first_currency, second, second_currency = expected
            wanted = text(f"{first_currency.format(first)} + {second_currency.format(second)}")
            self.assertIn(wanted, text(html), report)
        total = re.search(r"Total due:(.*?)</p>", content.decode(), re.DOTALL).group(1)
        self.assertEqual(text(total), text(f"{self.eur.format(50.0)} + {self.chf.format(30.0)}"))


@tagged("post_install", "-at_install")
class TestMissingLatePaymentRate(DunningCommon):
    """The rate table stops at a half-year: a run needing a later one uses the latest known
    rate and says so, once per run, in the collector's language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        Rate = cls.env["adv.late.payment.rate"]
        # whatever the shipped table holds by now, the test's table stops at H1 2026
        Rate.search([("date_start", ">", "2026-01-01")]).unlink()
        cls.h1_2026 = Rate.search([("date_start", "=", "2026-01-01")])
        cls.company.adv_dunning_batch_size = 1  # one customer per batch

    def warnings_of_this_company(self, logs):
        return [line for line in logs.output if self.company.name in line]

    def test_run_uses_the_latest_rate_and_tells_the_collector_once(self):
        invoice = self.invoice(1000.0, "2026-09-30")
        self.invoice(500.0, "2026-10-01", partner=self.customer_2)
        with freeze_time("2026-12-10"), self.assertLogs(RUN_LOGGER, "WARNING") as logs:
            run = self.dun()  # 71 and 70 days late: litigation, with penalties; two batches
        warnings = self.warnings_of_this_company(logs)
        self.assertEqual(len(warnings), 1, warnings)
        self.assertIn("no late-payment rate for H2 2026, using H1 2026", warnings[0])
        self.assertIn(
            "Sales Administration > Configuration > Late-payment rates (Add a half-year, or "
            "import the published figures)",
            warnings[0],
        )
        self.assertEqual(run.rate_fallbacks, {"2026-07-01": "2026-01-01"})
        self.assertEqual(
            run.rate_warning,
            "No late-payment rate for H2 2026: the rate of H1 2026 is used. "
            "Add it in Sales Administration > Configuration > Late-payment rates (Add a "
            "half-year, or import the published figures; ADV administrators), then preview "
            "again.",
        )
        french = run.with_context(lang="fr_FR").rate_warning
        self.assertIn("S2 2026", french)
        self.assertIn("Taux des pénalités de retard", french)
        # the latest known rate is used: H1 2026, ECB 2.15 + 10 points
        self.assertEqual(self.h1_2026.penalty_rate, 12.15)
        notice = run.notice_ids.filtered(lambda n: n.partner_id == self.customer)
        self.assertEqual(notice.level_id.name, "Litigation")
        self.assertEqual(notice.penalty_rate, 12.15)
        # 1 000 x 12.15 % x 71 days (1 October - 10 December) / 365 = 23.63
        line = notice.line_ids.filtered(lambda ln: ln.move_id == invoice)
        self.assertAlmostEqual(line.penalty, 23.63)
        self.assertEqual(notice.rate_warning, run.rate_warning)  # shown on the notice too

    def test_daily_run_in_several_calls_tells_it_once(self):
        self.invoice(1000.0, "2026-09-30")
        self.invoice(500.0, "2026-10-01", partner=self.customer_2)
        Run = self.env["adv.dunning.run"].sudo()
        with freeze_time("2026-12-10"), self.assertLogs(RUN_LOGGER, "WARNING") as logs:
            Run._cron_run(batch_size=1)
            Run._cron_run(batch_size=1)
        self.assertEqual(len(self.warnings_of_this_company(logs)), 1, logs.output)
        run = Run.search([("company_id", "=", self.company.id), ("automatic", "=", True)])
        self.assertEqual(len(run.notice_ids), 2)
        self.assertIn("H2 2026", run.rate_warning)

    def test_a_half_year_in_the_table_says_nothing(self):
        self.invoice(1000.0, "2026-03-31")
        with freeze_time("2026-06-15"), self.assertNoLogs(RUN_LOGGER, "WARNING"):
            run = self.dun()  # 76 days late, all in H1 2026
        self.assertEqual(run.notice_ids.level_id.name, "Litigation")
        self.assertFalse(run.rate_fallbacks)
        self.assertFalse(run.rate_warning)
