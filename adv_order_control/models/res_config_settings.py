# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from odoo.addons.adv_base.tools.settings import company_setting


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    adv_exposure_receivables = company_setting(fields.Boolean, "adv_exposure_receivables")
    adv_exposure_draft_invoices = company_setting(fields.Boolean, "adv_exposure_draft_invoices")
    adv_exposure_orders = company_setting(fields.Boolean, "adv_exposure_orders")
    adv_overdue_grace_days = company_setting(fields.Integer, "adv_overdue_grace_days")
    adv_overdue_max_days = company_setting(fields.Integer, "adv_overdue_max_days")
    adv_overdue_max_amount = company_setting(fields.Monetary, "adv_overdue_max_amount")
    adv_overdue_outcome = company_setting(fields.Selection, "adv_overdue_outcome")
    adv_over_limit_outcome = company_setting(fields.Selection, "adv_over_limit_outcome")
    adv_credit_review_months = company_setting(fields.Integer, "adv_credit_review_months")
    adv_limit_expired_outcome = company_setting(fields.Selection, "adv_limit_expired_outcome")
    adv_solvency_new_customer = company_setting(fields.Boolean, "adv_solvency_new_customer")
    adv_solvency_order_amount = company_setting(fields.Monetary, "adv_solvency_order_amount")
    adv_solvency_outcome = company_setting(fields.Selection, "adv_solvency_outcome")
    adv_insurer_outcome = company_setting(fields.Selection, "adv_insurer_outcome")
    adv_release_validity_days = company_setting(fields.Integer, "adv_release_validity_days")
    adv_recheck_delivery = company_setting(fields.Boolean, "adv_recheck_delivery")
    adv_recheck_invoice = company_setting(fields.Boolean, "adv_recheck_invoice")
    adv_conformity_check = company_setting(fields.Boolean, "adv_conformity_check")
    adv_min_order_amount = company_setting(fields.Monetary, "adv_min_order_amount")
