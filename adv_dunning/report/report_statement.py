# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ReportStatement(models.AbstractModel):
    """The statements of account of the printed customers, read with one search for all of
    them (a batch of statements is one query, not one per customer)."""

    _name = "report.adv_dunning.report_statement"
    _description = "Statement of account"

    @api.model
    def _get_report_values(self, docids, data=None):
        partners = self.env["res.partner"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "res.partner",
            "docs": partners,
            "statements": partners._adv_statements(),
        }
