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
    ],
    "data": [
        "security/adv_claims_security.xml",
    ],
}
