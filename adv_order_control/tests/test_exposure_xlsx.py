# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.adv_base.tests.common import new_english_user, render_xlsx

from .common import OrderControlCommon


@tagged("post_install", "-at_install")
class TestExposureWorkbook(OrderControlCommon):
    def test_workbook_has_figures_and_a_chart(self):
        self.make_invoice(1000.0)
        self.customer.with_user(self.controller)._adv_set_credit_hold("Returned cheque")
        book = render_xlsx(
            self, "adv_order_control.action_report_exposure_xlsx", self.customer, self.controller
        )
        self.assertIn("xl/charts/chart1.xml", book.names)
        self.assertIn("Dupont Distribution", book.strings)
        self.assertIn("Returned cheque", book.strings)
        self.assertIn("<v>1200</v>", book.sheet)  # exposure, tax included
        self.assertIn("<v>0.12</v>", book.sheet)  # utilisation of the 10 000 limit

    def test_workbook_checks_the_rights_on_its_data(self):
        """Not only the menu: a user who may not read the figures gets no workbook of them."""
        booth = new_english_user(self.env, "xlsx_booth", "Bea Booth", "adv_base.group_user")
        with self.assertRaises(AccessError):
            render_xlsx(self, "adv_order_control.action_report_exposure_xlsx", self.customer, booth)
