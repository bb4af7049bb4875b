# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "ADV Supply Follow-up",
    "summary": "Chase suppliers and carriers before it is late; warn customers before they call",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Administration",
    "website": "https://github.com/adv-suite/adv-suite",
    "author": "ADV Suite contributors",
    "maintainers": ["adv-suite"],
    "development_status": "Alpha",
    "license": "LGPL-3",
    "depends": [
        "adv_base",
        "purchase_stock",
        "sale_stock",
        "stock_delivery",
        "report_xlsx",
    ],
    "data": [
        "security/adv_supply_followup_security.xml",
        "security/ir.model.access.csv",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "data/adv_supply_followup_data.xml",
        "views/adv_supply_chase_views.xml",
        "views/adv_stock_risk_views.xml",
        "views/adv_supply_performance_views.xml",
        "views/document_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/adv_supply_followup_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "adv_supply_followup/static/tests/tours/*.js",
        ],
    },
}
