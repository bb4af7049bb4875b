# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "ADV Claims",
    "summary": "Customer claims qualified, decided by delegation, repaired with native documents",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Administration",
    "website": "https://github.com/adv-suite/adv-suite",
    "author": "ADV Suite contributors",
    "maintainers": ["adv-suite"],
    "development_status": "Alpha",
    "license": "LGPL-3",
    "depends": [
        "adv_base",
        "sale_stock",
        "account",
        "stock_delivery",
        "purchase",
        "portal",
        "report_xlsx",
    ],
    "data": [
        "security/adv_claims_security.xml",
        "security/ir.model.access.csv",
        "data/adv_claims_data.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "views/adv_claim_views.xml",
        "views/adv_claim_config_views.xml",
        "views/document_views.xml",
        "views/portal_templates.xml",
        "views/adv_claims_menus.xml",
        "report/adv_claims_reports.xml",
    ],
    "demo": [
        "demo/adv_claims_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "adv_claims/static/tests/tours/*.js",
        ],
    },
}
