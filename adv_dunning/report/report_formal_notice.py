# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ReportFormalNotice(models.AbstractModel):
    """The formal notice's rendering refuses a notice that may not give one (a courtesy
    reminder, no penalty rate), whatever prints it: the notice's button, the report's URL, an
    RPC client or another addon (``adv.dunning.notice._check_formal_notice_printable``)."""

    _name = "report.adv_dunning.report_formal_notice"
    _description = "Formal notice"

    @api.model
    def _get_report_values(self, docids, data=None):
        notices = self.env["adv.dunning.notice"].browse(docids)
        notices._check_formal_notice_printable()
        return {"doc_ids": docids, "doc_model": "adv.dunning.notice", "docs": notices}
