# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "ADV Claims + Supply Follow-up",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Administration",
    "summary": "A back-charge opens a supply chase; a claim on a delayed order shows the chase",
    "website": "https://github.com/adv-suite/adv-suite",
    "author": "ADV Suite contributors",
    "maintainers": ["adv-suite"],
    "depends": [
        "adv_claims",
        "adv_supply_followup",
    ],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "data": [
        "views/adv_claim_views.xml",
        "views/adv_claim_remedy_views.xml",
        "views/adv_supply_chase_views.xml",
    ],
    "auto_install": True,
}
