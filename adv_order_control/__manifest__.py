# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "ADV Order Control",
    "summary": "Credit and conformity control before a sale order is confirmed",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Administration",
    "website": "https://github.com/adv-suite/adv-suite",
    "author": "ADV Suite contributors",
    "maintainers": ["adv-suite"],
    "development_status": "Alpha",
    "license": "LGPL-3",
    "depends": [
        "adv_base",
        "sale_management",
        "sale_stock",
        "account",
    ],
    "data": [
        "security/adv_order_control_security.xml",
    ],
}
