# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "ADV Trade Show",
    "summary": "Capture booth visitors on a phone, lawfully, without duplicates; measure the show",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Administration",
    "website": "https://github.com/adv-suite/adv-suite",
    "author": "ADV Suite contributors",
    "maintainers": ["adv-suite"],
    "development_status": "Alpha",
    "license": "LGPL-3",
    "depends": [
        "adv_base",
        "crm",
        "product",
        "utm",
    ],
    "data": [
        "security/adv_trade_show_security.xml",
    ],
}
