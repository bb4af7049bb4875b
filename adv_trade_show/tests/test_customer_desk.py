# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import TradeShowCommon


@tagged("post_install", "-at_install")
class TestDeskShowLeads(TradeShowCommon):
    """The customer desk's trade-show section; booth staff see no financial section."""

    def test_show_leads_and_no_financial_data_for_booth_staff(self):
        customer = self.env["res.partner"].create(
            {"name": "Visitor Company", "is_company": True, "mobile": "+33 6 11 22 33 44"}
        )
        lead = self.env["crm.lead"].create(
            {"name": "Met at the show", "partner_id": customer.id, "adv_show_id": self.show.id}
        )
        desk = self.env["adv.customer.desk"].with_user(self.staff)
        self.assertEqual([r["partner_id"] for r in desk.find("06 11 22 33 44")], customer.ids)
        screen = desk.sections(customer.id)
        keys = {s["key"] for s in screen["sections"]}
        self.assertFalse(keys & {"credit", "invoices", "orders"}, keys)
        manager = self.env["adv.customer.desk"].with_user(self.adv_manager)
        leads = next(
            s for s in manager.sections(customer.id)["sections"] if s["key"] == "show_leads"
        )
        self.assertEqual([row["id"] for row in leads["rows"]], lead.ids)
