# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Sales Administration",
    "version": "18.0.1.1.0",
    "category": "Sales/Sales Administration",
    "summary": "The ADV team's app: My day, worklists and the ADV user and manager groups",
    "website": "https://github.com/adv-suite/adv-suite",
    "author": "ADV Suite contributors",
    "maintainers": ["adv-suite"],
    "depends": ["mail", "spreadsheet_dashboard"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "uninstall_hook": "uninstall_hook",
    "data": [
        "security/adv_base_security.xml",
        "security/ir.model.access.csv",
        "data/spreadsheet_dashboard_group_data.xml",
        "data/ir_cron_data.xml",
        "views/mail_activity_views.xml",
        "views/mail_activity_type_views.xml",
        "views/res_company_views.xml",
        "views/adv_customer_desk_views.xml",
        "wizards/adv_customer_desk_call_views.xml",
        "views/res_partner_views.xml",
        "wizards/adv_setup_step_views.xml",
        "views/menus.xml",
        "report/adv_letter_layout.xml",
    ],
    "demo": [
        "demo/adv_base_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "adv_base/static/src/my_day/*",
            "adv_base/static/src/customer_desk/*",
        ],
        "web.report_assets_common": [
            "adv_base/static/src/scss/adv_letter.scss",
        ],
        "web.assets_tests": [
            "adv_base/static/tests/tours/*.js",
        ],
    },
    "application": True,
}
