# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "ADV Order Control + Trade Show",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Administration",
    "summary": "A trade-show lead converted into a customer gets the default credit limit and "
    "review date",
    "website": "https://github.com/adv-suite/adv-suite",
    "author": "ADV Suite contributors",
    "maintainers": ["adv-suite"],
    "depends": [
        "adv_order_control",
        "adv_trade_show",
    ],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "auto_install": True,
}
