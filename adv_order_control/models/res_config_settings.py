# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    adv_exposure_receivables = fields.Boolean(
        related="company_id.adv_exposure_receivables", readonly=False
    )
    adv_exposure_draft_invoices = fields.Boolean(
        related="company_id.adv_exposure_draft_invoices", readonly=False
    )
    adv_exposure_orders = fields.Boolean(related="company_id.adv_exposure_orders", readonly=False)
    adv_overdue_grace_days = fields.Integer(
        related="company_id.adv_overdue_grace_days", readonly=False
    )
    adv_overdue_max_days = fields.Integer(related="company_id.adv_overdue_max_days", readonly=False)
    adv_overdue_max_amount = fields.Monetary(
        related="company_id.adv_overdue_max_amount", readonly=False
    )
    adv_overdue_outcome = fields.Selection(related="company_id.adv_overdue_outcome", readonly=False)
    adv_over_limit_outcome = fields.Selection(
        related="company_id.adv_over_limit_outcome", readonly=False
    )
    adv_credit_review_months = fields.Integer(
        related="company_id.adv_credit_review_months", readonly=False
    )
    adv_limit_expired_outcome = fields.Selection(
        related="company_id.adv_limit_expired_outcome", readonly=False
    )
    adv_solvency_new_customer = fields.Boolean(
        related="company_id.adv_solvency_new_customer", readonly=False
    )
    adv_solvency_order_amount = fields.Monetary(
        related="company_id.adv_solvency_order_amount", readonly=False
    )
    adv_solvency_outcome = fields.Selection(
        related="company_id.adv_solvency_outcome", readonly=False
    )
    adv_insurer_outcome = fields.Selection(related="company_id.adv_insurer_outcome", readonly=False)
    adv_release_validity_days = fields.Integer(
        related="company_id.adv_release_validity_days", readonly=False
    )
    adv_recheck_delivery = fields.Boolean(related="company_id.adv_recheck_delivery", readonly=False)
    adv_recheck_invoice = fields.Boolean(related="company_id.adv_recheck_invoice", readonly=False)
    adv_conformity_check = fields.Boolean(related="company_id.adv_conformity_check", readonly=False)
    adv_min_order_amount = fields.Monetary(
        related="company_id.adv_min_order_amount", readonly=False
    )
