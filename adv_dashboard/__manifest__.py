# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "ADV Dashboard Overview",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Administration",
    "summary": "The ADV manager's overview dashboard: order to cash, receivables, claims, supply "
    "and trade shows on one screen",
    "website": "https://github.com/adv-suite/adv-suite",
    "author": "ADV Suite contributors",
    "maintainers": ["adv-suite"],
    "depends": [
        "adv_order_control",
        "adv_dunning",
        "adv_claims",
        "adv_supply_followup",
        "adv_trade_show",
    ],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "data": [
        "data/spreadsheet_dashboard_data.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "adv_dashboard/static/tests/tours/*.js",
        ],
    },
    "auto_install": True,
}
