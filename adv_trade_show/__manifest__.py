# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "ADV Trade Show",
    "version": "18.0.1.2.0",
    "category": "Sales/Sales Administration",
    "summary": "Capture booth visitors on a phone, lawfully, without duplicates; measure the show",
    "website": "https://github.com/adv-suite/adv-suite",
    "author": "ADV Suite contributors",
    "maintainers": ["adv-suite"],
    "depends": [
        "adv_base",
        "crm",
        "product",
        "utm",
        "report_xlsx",
    ],
    "license": "LGPL-3",
    "development_status": "Beta",
    "data": [
        "security/adv_trade_show_security.xml",
        "security/ir.model.access.csv",
        "data/adv_trade_show_data.xml",
        "data/ir_cron_data.xml",
        "data/mail_template_data.xml",
        "views/adv_trade_show_capture_views.xml",
        "views/adv_trade_show_views.xml",
        "views/adv_trade_show_consent_views.xml",
        "views/adv_trade_show_assign_rule_views.xml",
        "views/adv_trade_show_consent_text_views.xml",
        "views/crm_lead_views.xml",
        "views/res_partner_views.xml",
        "views/menus.xml",
        "report/adv_trade_show_reports.xml",
    ],
    "demo": [
        "demo/adv_trade_show_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "adv_trade_show/static/src/js/*.js",
            "adv_trade_show/static/src/xml/*.xml",
            "adv_trade_show/static/src/scss/*.scss",
        ],
        "web.assets_tests": [
            "adv_trade_show/static/tests/tours/*.js",
        ],
    },
}
