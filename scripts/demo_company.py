# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The demo's company is French, in two steps around the installation of the suite.

    python scripts/demo_company.py -d DB --addons-path PATH --step company
    python scripts/demo_company.py -d DB --addons-path PATH --step identity

``company`` runs on a database where only ``base`` (with its demo data) is installed, before
Sales and Invoicing: the main company becomes *Rhône Bâti Distribution* in Lyon, in euros, so
that Invoicing installs the French chart of accounts and taxes (``l10n_fr_account``) on it and
every price list, journal and document is in EUR. Odoo's American demo customers move to France
(real-looking addresses, SIREN-based VAT numbers, French phones, French contacts), except a
Belgian and a German customer (intra-EU VAT) and Lumber Inc, kept in the United States (export).
The demo user (``demo`` / ``demo``) works in French; ``admin`` stays in English, so both
languages are visible.

``chart`` runs once Invoicing and Inventory are installed: Odoo's accounting demo entries on the
French chart, and the company's name back (Inventory's demo renames it).
``identity`` runs once the ADV addons are installed: the company's legal identity (legal form,
share capital, RCS registry, SIRET) that the suite's letters print.
"""

import argparse
import unicodedata

import odoo
from odoo.tools import config

COMPANY = {
    "name": "Rhône Bâti Distribution",
    "street": "18 rue de Marseille",
    "zip": "69007",
    "city": "Lyon",
    "phone": "+33 4 65 71 20 00",
    "email": "adv@rhone-bati-distribution.fr",
    "website": "https://www.rhone-bati-distribution.fr",
    "siren": "81245637",  # the 9th digit (Luhn) is computed
}
IDENTITY = {"adv_legal_form": "SAS", "adv_share_capital": 250000.0, "adv_trade_register": "Lyon"}

# xmlid: (name, street, zip, city, country code, 8-digit SIREN base or foreign VAT, phone, lang)
CUSTOMERS = {
    "base.res_partner_1": (
        "Menuiseries du Vercors",
        "12 avenue Alsace-Lorraine",
        "38000",
        "Grenoble",
        "fr",
        "42318756",
        "+33 4 65 71 31 12",
    ),
    "base.res_partner_2": (
        "Déco Habitat Lyon",
        "45 cours Gambetta",
        "69003",
        "Lyon",
        "fr",
        "51930284",
        "+33 4 65 71 45 02",
    ),
    "base.res_partner_3": (
        "Mobilier Gémeaux",
        "8 quai de la Fosse",
        "44000",
        "Nantes",
        "fr",
        "39027415",
        "+33 2 61 91 10 33",
    ),
    "base.res_partner_4": (
        "Prêt-à-Bâtir Matériaux",
        "101 route de Narbonne",
        "31400",
        "Toulouse",
        "fr",
        "80462391",
        "+33 5 36 49 22 40",
    ),
    "base.res_partner_10": (
        "Groupe Jacquet Aménagement",
        "27 cours de l'Intendance",
        "33000",
        "Bordeaux",
        "fr",
        "44718260",
        "+33 5 36 49 71 10",
    ),
    "base.res_partner_12": (
        "Azur Intérieurs",
        "5 boulevard Victor Hugo",
        "06000",
        "Nice",
        "fr",
        "52873046",
        "+33 4 65 71 88 12",
    ),
    "base.res_partner_5": (
        "OpenWood",
        "Rue des Forges 14",
        "6820",
        "Florenville",
        "be",
        "BE0477472701",
        "+32 61 31 12 45",
    ),
    "base.res_partner_18": (
        "Lumber Inc",
        "1337 N San Joaquin St",
        "95202",
        "Stockton",
        "us",
        "",
        "+1 209-555-0142",
    ),
}
# A German customer (intra-EU VAT) added to the demo.
GERMAN = (
    "Holzhandel Baumann GmbH",
    "Hafenstraße 21",
    "20457",
    "Hamburg",
    "de",
    "DE811569869",
    "+49 40 55501234",
)
FRENCH_NAMES = [
    "Camille Lefèvre",
    "Julien Moreau",
    "Sophie Girard",
    "Nicolas Bonnet",
    "Élodie Fournier",
    "Thomas Mercier",
    "Claire Lambert",
    "Antoine Rousseau",
    "Manon Vincent",
    "Hugo Chevalier",
    "Léa Garnier",
    "Maxime Faure",
    "Chloé André",
    "Louis Perrin",
    "Inès Robin",
    "Paul Masson",
    "Sarah Blanc",
    "Lucas Guerin",
    "Emma Muller",
    "Arthur Henry",
    "Jade Roussel",
    "Gabriel Nicolas",
    "Alice Perrot",
    "Raphaël Morin",
]


def luhn_complete(digits):
    """The 8 digits followed by the Luhn check digit that makes a valid SIREN."""
    for check in range(10):
        number = f"{digits}{check}"
        total = 0
        for position, char in enumerate(reversed(number)):
            value = int(char) * (2 if position % 2 else 1)
            total += value - 9 if value > 9 else value
        if total % 10 == 0:
            return number
    raise ValueError(digits)


def french_vat(siren):
    return f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"


def step_company(env):
    company = env.ref("base.main_company")
    fr = env.ref("base.fr")
    euro = env.ref("base.EUR")
    euro.active = True
    siren = luhn_complete(COMPANY["siren"])
    values = {k: v for k, v in COMPANY.items() if k != "siren"}
    company.write(
        values
        | {
            "country_id": fr.id,
            "currency_id": euro.id,
            "vat": french_vat(siren),
            "company_registry": siren,
        }
    )
    company.partner_id.lang = "fr_FR"
    for xmlid, data in CUSTOMERS.items():
        partner = env.ref(xmlid, raise_if_not_found=False)
        if partner:
            _move(env, partner, data)
    german = env["res.partner"].create({"is_company": True, "name": GERMAN[0]})
    _move(env, german, GERMAN)
    names = iter(FRENCH_NAMES)
    contacts = env["res.partner"].search(
        [("parent_id.country_id", "=", fr.id), ("parent_id.is_company", "=", True)], order="id"
    )
    for contact in contacts:
        name = next(names, None)
        if not name:
            break
        first = _ascii(name.split()[0])
        domain = contact.parent_id.website or ""
        domain = domain.split("//")[-1].removeprefix("www.") or "example.fr"
        contact.write({"name": name, "email": f"{first}@{domain}", "lang": "fr_FR"})
    env.ref("base.user_demo").lang = "fr_FR"
    env.ref("base.user_admin").lang = "en_US"


def _ascii(text):
    """``text`` in lower case without its accents, for e-mail addresses and web sites."""
    return unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()


def _move(env, partner, data):
    name, street, zip_code, city, code, vat, phone = data
    country = env.ref(f"base.{code}")
    slug = _ascii(name).replace(" ", "-").replace("'", "")
    values = {
        "name": name,
        "street": street,
        "street2": False,
        "zip": zip_code,
        "city": city,
        "state_id": False,
        "country_id": country.id,
        "phone": phone,
        "mobile": False,
        "lang": "fr_FR" if code in ("fr", "be") else "en_US",
        "website": f"https://www.{slug}.{'com' if code == 'us' else code}",
        "email": f"contact@{slug}.{'com' if code == 'us' else code}",
    }
    if code == "fr":
        siren = luhn_complete(vat)
        values |= {"vat": french_vat(siren), "company_registry": siren}
    else:
        values["vat"] = vat or False
    partner.write(values)


def step_chart(env):
    """Odoo's own accounting demo entries on the French chart: Invoicing loads the chart of a
    company when its installation ends, after the point where it would have loaded them."""
    company = env.ref("base.main_company")
    if company.chart_template != "fr":
        raise SystemExit(f"{company.name}: chart {company.chart_template!r}, not the French one")
    if env.ref("base.module_account").demo and not env.ref("account.1_demo_invoice_1", False):
        env["account.chart.template"]._install_demo(company)
    # Inventory's demo renames the main company "My Company (San Francisco)".
    company.name = COMPANY["name"]


def step_identity(env):
    company = env.ref("base.main_company")
    values = {k: v for k, v in IDENTITY.items() if k in company._fields}
    if "siret" in company._fields:
        values["siret"] = luhn_complete(f"{company.company_registry}0001")
    company.write(values)


STEPS = {"company": step_company, "chart": step_chart, "identity": step_identity}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", "-d", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--step", choices=STEPS, required=True)
    args = parser.parse_args()
    config.parse_config(["-d", args.database, "--addons-path", args.addons_path])
    with odoo.registry(args.database).cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        STEPS[args.step](env)


if __name__ == "__main__":
    main()
