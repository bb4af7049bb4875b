# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "ADV Dunning + Factur-X",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales Administration",
    "summary": "French B2B payment mentions as coded notes (PMD, PMT, AAB) in the Factur-X XML",
    "website": "https://github.com/adv-suite/adv-suite",
    "author": "ADV Suite contributors",
    "maintainers": ["adv-suite"],
    "depends": [
        "adv_dunning",
        "account_edi_ubl_cii",
    ],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "data": [
        "data/cii_22_templates.xml",
    ],
    "auto_install": True,
}
