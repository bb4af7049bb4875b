# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "ADV Order Control",
    "summary": "Credit control before a sale order is confirmed, on every path, race-safe",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Administration",
    "website": "https://github.com/adv-suite/adv-suite",
    "author": "ADV Suite contributors",
    "maintainers": ["adv-suite"],
    "development_status": "Beta",
    "license": "LGPL-3",
    "depends": [
        "adv_base",
        "sale_management",
        "sale_stock",
        "account",
        "report_xlsx",
    ],
    "data": [
        "security/adv_order_control_security.xml",
        "security/ir.model.access.csv",
        "data/mail_activity_type_data.xml",
        "data/adv_credit_delegation_data.xml",
        "data/ir_cron_data.xml",
        "views/adv_credit_delegation_views.xml",
        "wizard/adv_order_check_decision_views.xml",
        "views/adv_order_check_views.xml",
        "views/adv_credit_hold_views.xml",
        "views/sale_order_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/adv_order_control_menus.xml",
        "report/adv_order_control_reports.xml",
    ],
    "uninstall_hook": "uninstall_hook",
    "demo": [
        "demo/adv_order_control_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "adv_order_control/static/tests/tours/*.js",
        ],
    },
}
