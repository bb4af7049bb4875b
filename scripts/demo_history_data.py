# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The cast of the demo's past months (``scripts/demo_history.py``): customers and their payment
habits, products, vendors, carriers, claim causes, trade shows; valid French identities."""

from datetime import timedelta

# (name, city, zip, payment term days, habit, credit limit, share of the orders)
# habit: days after the due date the customer pays (None: does not pay)
CUSTOMERS = (
    ("Carrelages du Vieux-Port", "Marseille", "13002", 30, (-3, 2), 80000.0, 5),
    ("Sols et Murs Provence", "Aix-en-Provence", "13100", 30, (0, 6), 80000.0, 5),
    ("Azur Revêtements", "Nice", "06000", 45, (3, 25), 25000.0, 4),
    ("Rénovation Durance", "Avignon", "84000", 30, (8, 40), 15000.0, 3),
    ("Bâtir Languedoc", "Montpellier", "34000", 30, (15, 70), 12000.0, 2),
    ("Maisons du Var", "Toulon", "83000", 30, None, 6000.0, 1),
)
PRODUCTS = (  # name, code, price, cost, customer lead days
    ("Grès cérame intérieur 45x90 mat (palette 57 m²)", "HG4590", 620.0, 410.0, 5),
    ("Faïence murale blanche 30x60 (carton 1,44 m²)", "HF3060", 21.0, 11.0, 3),
    ("Joint époxy gris (seau 5 kg)", "HJ05", 38.0, 19.0, 2),
    ("Primaire d'accrochage (bidon 20 l)", "HP20", 64.0, 30.0, 2),
)
VENDORS = ("Céramiques du Languedoc", "Chimie Bâtiment Rhône")
CARRIERS = (("Transports Vidal", 2), ("Messageries Alpines", 3))
CLAIM_TYPES = (  # xml id, weight
    ("adv_claims.claim_type_damage", 5),
    ("adv_claims.claim_type_delay", 4),
    ("adv_claims.claim_type_missing", 3),
    ("adv_claims.claim_type_wrong_product", 2),
    ("adv_claims.claim_type_quality", 2),
    ("adv_claims.claim_type_invoicing", 1),
)
SHOWS = (  # name, city, first day (weeks back), leads, won, cost (stand, travel)
    ("Batimat Sud Montpellier", "Montpellier", 12, 9, 2, (4200.0, 900.0)),
    ("Salon de l'Habitat Nice", "Nice", 4, 11, 3, (3100.0, 1250.0)),
)
VISITORS = (
    "Lucie Garnier", "Thomas Roux", "Camille Fabre", "Hugo Blanc", "Léa Morel", "Julien Faure",
    "Chloé André", "Nicolas Mercier", "Manon Girard", "Antoine Bonnet", "Sarah Lambert",
)  # fmt: skip


def friday(day):
    """The Friday of ``day``'s week (the next one for a week-end day)."""
    return day + timedelta(days=(4 - day.weekday()) % 7)


def _luhn_complete(digits):
    """``digits`` followed by the digit that makes the whole Luhn-valid (SIREN, SIRET)."""
    for check in range(10):
        number = f"{digits}{check}"
        total = 0
        for i, char in enumerate(reversed(number)):
            value = int(char) * (2 if i % 2 else 1)
            total += value - 9 if value > 9 else value
        if total % 10 == 0:
            return number
    raise ValueError(digits)


def french_identity(n):
    """A valid SIRET and intra-community VAT number, different for each ``n``."""
    siren = _luhn_complete(f"{81234567 + n * 7919:08d}"[-8:])
    siret = _luhn_complete(f"{siren}0001")
    return {"company_registry": siret, "vat": f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"}
