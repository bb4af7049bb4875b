# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import zipfile

from odoo.tests import tagged

from .common import OrderControlCommon


@tagged("post_install", "-at_install")
class TestExposureWorkbook(OrderControlCommon):
    def test_workbook_has_figures_and_a_chart(self):
        self.make_invoice(1000.0)
        self.customer.with_user(self.controller)._adv_set_credit_hold("Returned cheque")
        report = self.env.ref("adv_order_control.action_report_exposure_xlsx")
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.controller)
            ._render(report.report_name, self.customer.ids, data={})
        )
        self.assertEqual(kind, "xlsx")
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            names = book.namelist()
            strings = book.read("xl/sharedStrings.xml").decode()
            sheet = book.read("xl/worksheets/sheet1.xml").decode()
        self.assertIn("xl/charts/chart1.xml", names)
        self.assertIn("Dupont Distribution", strings)
        self.assertIn("Returned cheque", strings)
        self.assertIn("<v>1200</v>", sheet)  # exposure, tax included
        self.assertIn("<v>0.12</v>", sheet)  # utilisation of the 10 000 limit
