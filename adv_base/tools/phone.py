# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Phone numbers in E.164 form (``+33612345678``), the key every ADV lookup by phone uses.

Plain Python, no ORM: the customer desk (a caller's number), the partner's stored keys and the
trade-show visitor matching compute the same key with the same function, so that an exact
index lookup finds a number typed ``06 12 34 56 78``, ``+33 (0)6.12.34.56.78`` or ``0033612345678``.

``phonenumbers`` (the library Odoo's ``phone_validation`` uses) is used when it is installed: it
knows every numbering plan; otherwise a small normaliser handles what people type: spaces, dots,
dashes, brackets, ``00`` or ``+`` international prefixes, and national numbers with a trunk ``0``
given the country's calling code.
"""

import re

try:  # pragma: no cover - depends on the environment
    import phonenumbers
except ImportError:  # pragma: no cover
    phonenumbers = None

# Countries whose national numbers keep their leading 0 after the country code.
KEEP_TRUNK_ZERO = {"39", "378", "379"}
_NOT_DIGITS = re.compile(r"[^\d+]")
# What a phone number typed in a search box may contain (digits and their separators only).
_PHONE_LIKE = re.compile(r"^\+?[\d\s().\-/]+$")


def looks_like_phone(term, min_digits=6):
    """Whether ``term`` is made of a phone number's characters, with at least ``min_digits``
    digits (a search box tells a number from a name or a reference this way)."""
    term = (term or "").strip()
    return bool(_PHONE_LIKE.match(term)) and sum(c.isdigit() for c in term) >= min_digits


def normalize_phone(number, country_code=None, calling_code=None):
    """Return ``number`` in E.164 (``+33612345678``), or ``False`` when it cannot be one.

    :param country_code: ISO code of the number's country (``'FR'``), used by phonenumbers;
    :param calling_code: its international calling code (``33``), used by the fallback.
    """
    if not number:
        return False
    if phonenumbers is not None:
        try:
            parsed = phonenumbers.parse(number, (country_code or "").upper() or None)
        except phonenumbers.NumberParseException:
            return False
        if not phonenumbers.is_possible_number(parsed):
            return False
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return _fallback_e164(number, calling_code)


def _fallback_e164(number, calling_code):
    raw = number.strip()
    # An extension ("ext. 12", "poste 12") is not part of the number.
    raw = re.split(r"(?i)\s*(?:ext\.?|x|poste|#)\s*\d+\s*$", raw)[0]
    raw = raw.replace("(0)", "")
    digits = _NOT_DIGITS.sub("", raw)
    if not digits:
        return False
    digits = _international(digits, calling_code)
    if not digits or not digits.isdigit() or not 8 <= len(digits) <= 15 or digits[0] == "0":
        return False
    return "+" + digits


def _international(digits, calling_code):
    """``digits`` (with a leading ``+`` perhaps) as an international number without its
    ``+``: an international prefix dropped, else the calling code added (the trunk zero
    dropped where the country drops it); False without a calling code to add."""
    if digits.startswith("+"):
        return digits[1:].replace("+", "")
    if digits.startswith("00"):
        return digits[2:]
    if not calling_code:
        return False
    code = str(calling_code)
    if digits.startswith("0") and code not in KEEP_TRUNK_ZERO:
        digits = digits[1:]
    return code + digits


def phone_prefix(term, calling_code=None):
    """The beginning of an E.164 number that ``term`` (a number being typed, perhaps partial)
    must start with: ``'06 12 3'`` -> ``'+336123'`` given the calling code 33; ``False`` when
    ``term`` is not made of a phone number's characters."""
    if not looks_like_phone(term, min_digits=1):
        return False
    digits = _international(_NOT_DIGITS.sub("", term.replace("(0)", "")), calling_code)
    return bool(digits) and digits.isdigit() and "+" + digits
