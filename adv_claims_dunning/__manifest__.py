# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "ADV Claims + Dunning",
    "version": "18.0.1.1.0",
    "category": "Sales/Sales Administration",
    "summary": "An open claim on an invoice puts it in dispute: dunning skips it until it closes",
    "website": "https://github.com/adv-suite/adv-suite",
    "author": "ADV Suite contributors",
    "maintainers": ["adv-suite"],
    "depends": [
        "adv_claims",
        "adv_dunning",
    ],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "auto_install": True,
}
