# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "ADV Order Control + Dunning",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Administration",
    "summary": "Dunning levels put the customer on order control's credit hold",
    "website": "https://github.com/adv-suite/adv-suite",
    "author": "ADV Suite contributors",
    "maintainers": ["adv-suite"],
    "depends": [
        "adv_order_control",
        "adv_dunning",
    ],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "data": [
        "data/adv_dunning_level_data.xml",
        "views/adv_dunning_policy_views.xml",
    ],
    "auto_install": True,
}
