# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "ADV Dunning",
    "summary": "Staged payment reminders by French law, one notice per customer per run",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Administration",
    "website": "https://github.com/adv-suite/adv-suite",
    "author": "ADV Suite contributors",
    "maintainers": ["adv-suite"],
    "development_status": "Alpha",
    "license": "LGPL-3",
    "depends": [
        "adv_base",
        "account",
        "sales_team",
        "report_xlsx",
    ],
    "data": [
        "security/adv_dunning_security.xml",
        "security/ir.model.access.csv",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "data/adv_dunning_data.xml",
        "report/adv_dunning_reports.xml",
        "report/adv_dunning_letter_templates.xml",
        "views/adv_dunning_views.xml",
        "views/adv_dunning_collector_views.xml",
        "wizards/adv_dunning_call_outcome_views.xml",
    ],
    "demo": [
        "demo/adv_dunning_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "adv_dunning/static/tests/tours/*.js",
        ],
    },
}
