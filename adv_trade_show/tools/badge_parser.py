# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Read what a badge's QR code holds: a vCard (2.1, 3.0, 4.0), a MeCard, or plain text.

Plain Python, no ORM, so the rules are tested on real payloads alone. :func:`parse_badge` returns
a dict with the keys it recognised among ``name``, ``first_name``, ``last_name``, ``company``,
``job``, ``email``, ``phone``, ``mobile``, ``street``, ``zip``, ``city``, ``country``, ``lang``,
``website`` and ``badge_ref`` (an organiser's badge number, when that is all the code holds).

Input is bounded: a payload over :data:`MAX_PAYLOAD_BYTES` raises :class:`BadgeTooLarge` before
anything is read (a QR code holds about 3 KB at most), and every pattern runs in linear time
(anchored, no nested or overlapping repetitions: no catastrophic backtracking).
"""

import base64
import binascii
import quopri
import re

# A QR code holds at most about 3 KB: anything larger is not a badge.
MAX_PAYLOAD_BYTES = 4096

# Every pattern is matched whole (``fullmatch``) or from the start of one token, and no two
# repetitions can take the same characters: matching is linear in the input.
# One address, matched whole against a token (no separator, no display name can be in it).
EMAIL_RE = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Where e-mail tokens are cut: blanks, address-list separators, display-name quotes/brackets.
EMAIL_SEPARATORS_RE = re.compile(r"[\s,;:<>\"()\[\]]+")
# A phone's label ("Tél :", "Mobile."), taken off the front of an item before the number.
PHONE_LABEL_RE = re.compile(
    r"(?:t[ée]l(?:[ée]phone)?|phone|mobile|mob|gsm|portable|cell|m|t)?[\s.:]*", re.IGNORECASE
)
PHONE_NUMBER_RE = re.compile(r"\+?\d[\d ()./-]{6,}\d")
URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
BADGE_RE = re.compile(r"[A-Z0-9-]{4,40}", re.IGNORECASE)


class BadgeTooLarge(ValueError):
    """The payload is larger than :data:`MAX_PAYLOAD_BYTES`: refused unread."""

    def __init__(self, size):
        super().__init__(f"badge payload of {size} bytes (at most {MAX_PAYLOAD_BYTES})")
        self.size = size


def payload_size(payload):
    """Size in bytes of ``payload`` (``str`` counted in UTF-8, or ``bytes``)."""
    if not payload:
        return 0
    if isinstance(payload, str):
        return len(payload.encode("utf-8", "replace"))
    return len(payload)


def check_payload_size(payload):
    """Raise :class:`BadgeTooLarge` when ``payload`` is over the cap."""
    size = payload_size(payload)
    if size > MAX_PAYLOAD_BYTES:
        raise BadgeTooLarge(size)


def first_email(text):
    """The first single e-mail address in ``text``, or ``""``: a list of addresses
    (``a@x.com,b@y.com``) or a display name (``"a@x.com" <b@y.com>``) never gives more
    than one."""
    for token in EMAIL_SEPARATORS_RE.split(text or ""):
        token = token.strip(".'")
        if EMAIL_RE.fullmatch(token):
            return token
    return ""


def parse_badge(payload):
    """Return the fields found in ``payload`` (``str`` or ``bytes``); ``{}`` when none.

    :raise BadgeTooLarge: over :data:`MAX_PAYLOAD_BYTES`, before anything is parsed.
    """
    if not payload:
        return {}
    check_payload_size(payload)
    if isinstance(payload, bytes):
        payload = _decode(payload, "utf-8")
    text = payload.lstrip("\ufeff").strip()
    if not text:
        return {}
    upper = text[:20].upper()
    if upper.startswith("BEGIN:VCARD"):
        return _clean(parse_vcard(text))
    if upper.startswith("MECARD:"):
        return _clean(parse_mecard(text))
    return _clean(parse_plain(text))


# ---------------------------------------------------------------------------------------------
# vCard
# ---------------------------------------------------------------------------------------------


def _decode(raw, charset):
    for candidate in (charset, "utf-8"):
        try:
            return raw.decode(candidate or "utf-8")
        except (LookupError, UnicodeDecodeError):  # noqa: PERF203 (try the next charset)
            continue
    return raw.decode("latin-1")  # never fails: every byte is a character


def _unfold(text):
    """Logical lines: RFC 2425/6350 folding (a line starting with a space or a tab continues
    the previous one) and vCard 2.1 quoted-printable soft breaks (a line ending with ``=``)."""
    lines = []  # each logical line as its parts, joined at the end (linear)
    quoted_printable = False  # whether the current logical line's header says so
    for line in re.split(r"\r\n|\r|\n", text):
        if lines and quoted_printable and lines[-1][-1].endswith("="):
            lines[-1][-1] = lines[-1][-1][:-1]
            lines[-1].append(line)
        elif lines and line[:1] in (" ", "\t"):
            lines[-1].append(line[1:])
        else:
            lines.append([line])
            quoted_printable = "QUOTED-PRINTABLE" in line.partition(":")[0].upper()
    lines = ["".join(parts) for parts in lines]
    return [line for line in lines if line.strip()]


def _split_unescaped(value, sep):
    parts, current, escaped = [], "", False
    for char in value:
        if escaped:
            current += "\\" + char
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == sep:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current + ("\\" if escaped else ""))
    return parts


def _unescape(value):
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value).strip()


def _parse_property(line):
    """``'item1.TEL;TYPE=CELL,VOICE:+33 6'`` -> ``('TEL', {'TYPE': {'CELL', 'VOICE'}}, '+33 6')``"""
    head, sep, value = line.partition(":")
    if not sep:
        return None, {}, ""
    parts = _split_unescaped(head, ";")
    name = parts[0].split(".")[-1].strip().upper()
    params = {}
    for param in parts[1:]:
        key, has_value, val = param.partition("=")
        if not has_value:  # vCard 2.1 bare parameters: TEL;WORK;CELL or ;QUOTED-PRINTABLE
            key, val = (
                ("ENCODING", key)
                if key.upper() in ("QUOTED-PRINTABLE", "BASE64", "8BIT", "B")
                else ("TYPE", key)
            )
        values = {v.strip().strip('"').upper() for v in val.split(",") if v.strip()}
        params.setdefault(key.strip().upper(), set()).update(values)
    return name, params, value


def _decode_value(params, value):
    encoding = params.get("ENCODING", set())
    charset = next(iter(params.get("CHARSET", set())), "utf-8")
    if "QUOTED-PRINTABLE" in encoding:
        return _decode(quopri.decodestring(value.encode("latin-1", "replace")), charset.lower())
    if encoding & {"B", "BASE64"}:
        try:
            return _decode(base64.b64decode(value), charset.lower())
        except (binascii.Error, ValueError):
            return ""
    return value


def parse_vcard(text):
    found = {}
    types_of = {}
    for line in _unfold(text):
        name, params, raw = _parse_property(line)
        if not name or name in ("BEGIN", "END", "VERSION", "PHOTO", "LOGO", "SOUND", "KEY"):
            continue
        value = _decode_value(params, raw)
        types = params.get("TYPE", set())
        if name == "FN":
            found["name"] = _unescape(value)
        elif name == "N":
            parts = [_unescape(p) for p in _split_unescaped(value, ";")] + [""] * 5
            found.setdefault("last_name", parts[0])
            found.setdefault("first_name", parts[1])
        elif name == "ORG":
            found.setdefault("company", _unescape(_split_unescaped(value, ";")[0]))
        elif name in ("TITLE", "ROLE"):
            found.setdefault("job", _unescape(value))
        elif name == "EMAIL":
            email = first_email(_unescape(value))
            if email and ("email" not in found or "PREF" in types):
                found["email"] = email
        elif name == "TEL":
            number = _unescape(value).removeprefix("tel:")
            key = "mobile" if "CELL" in types else "phone"
            if key not in found or ("PREF" in types and "PREF" not in types_of[key]):
                found[key] = number
                types_of[key] = types
        elif name == "ADR" and "street" not in found:
            parts = [_unescape(p) for p in _split_unescaped(value, ";")] + [""] * 7
            found.update(
                street=parts[2],
                city=parts[3],
                zip=parts[5],
                country=parts[6],
            )
        elif name == "LANG":
            found.setdefault("lang", _unescape(value).split("-")[0].lower())
        elif name == "URL":
            found.setdefault("website", _unescape(value))
    if not found.get("name"):
        found["name"] = " ".join(p for p in (found.get("first_name"), found.get("last_name")) if p)
    return found


# ---------------------------------------------------------------------------------------------
# MeCard
# ---------------------------------------------------------------------------------------------


MECARD_KEYS = {
    "ORG": "company",
    "TITLE": "job",
    "EMAIL": "email",
    "TEL": "phone",
    "URL": "website",
    "ADR": "street",
    "NOTE": "note",
}


def parse_mecard(text):
    body = text.strip()[len("MECARD:") :]
    found = {}
    for field in _split_unescaped(body, ";"):
        key, sep, value = field.partition(":")
        if not sep:
            continue
        key, value = key.strip().upper(), _unescape(value)
        if not value:
            continue
        if key == "N":
            parts = [p.strip() for p in _split_unescaped(value, ",")] + [""]
            found["last_name"], found["first_name"] = parts[0], parts[1]
        elif key == "EMAIL":
            found.setdefault("email", first_email(value))
        elif key in MECARD_KEYS:
            found.setdefault(MECARD_KEYS[key], value)
    found["name"] = " ".join(p for p in (found.get("first_name"), found.get("last_name")) if p)
    return found


# ---------------------------------------------------------------------------------------------
# Plain text
# ---------------------------------------------------------------------------------------------


def parse_plain(text):
    """One item per line or per ``;`` / ``|``: an e-mail, a phone, a URL are recognised by their
    form; the first other line is the name, the next the company, the next the job. A single
    token of letters and digits is an organiser's badge number."""
    items = [i.strip() for i in re.split(r"[\r\n;|\t]+", text) if i.strip()]
    found = {}
    if len(items) == 1 and BADGE_RE.fullmatch(items[0]) and any(c.isdigit() for c in items[0]):
        return {"badge_ref": items[0]}
    words = []
    for item in items:
        email = first_email(item) if "@" in item else ""
        phone = _phone_number(item)
        if email:
            found.setdefault("email", email)
        elif phone and sum(c.isdigit() for c in phone) >= 8:
            found.setdefault("phone", phone)
        elif URL_RE.fullmatch(item):
            found.setdefault("website", item)
        elif any(c.isalpha() for c in item) and len(item) <= 120:
            words.append(item)
    found.update(zip(("name", "company", "job"), words, strict=False))
    return found


def _phone_number(item):
    """The number of a phone item (``"Tél : 01 23 45 67 89"`` -> ``"01 23 45 67 89"``), or
    ``""``: the label is taken off the front, then the rest must be a number, whole."""
    rest = item[PHONE_LABEL_RE.match(item).end() :].strip()
    return rest if PHONE_NUMBER_RE.fullmatch(rest) else ""


def _clean(found):
    return {k: v.strip() for k, v in found.items() if isinstance(v, str) and v.strip()}
