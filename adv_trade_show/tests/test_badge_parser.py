# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Badge payloads as real badges and phones write them, and as attackers would."""

import time

from odoo.tests import BaseCase, tagged

from odoo.addons.adv_trade_show.tools.badge_parser import (
    MAX_PAYLOAD_BYTES,
    BadgeTooLarge,
    parse_badge,
    parse_mecard,
    parse_plain,
    parse_vcard,
)

VCARD_21_QP = (
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Lef=C3=A8vre;H=C3=A9l=C3=A8ne;;;\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:H=C3=A9l=C3=A8ne Lef=C3=A8vre\r\n"
    "ORG:Carrelages du Sud;Achats\r\n"
    "TITLE;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Responsable des achats r=E9gion=\r\n"
    " Sud\r\n"
    "TEL;WORK;VOICE:+33 4 91 00 00 00\r\n"
    "TEL;CELL:06 12 34 56 78\r\n"
    "EMAIL;PREF;INTERNET:helene.lefevre@carrelages-sud.example\r\n"
    "END:VCARD\r\n"
)
VCARD_30_FOLDED = (
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "N:Smith;John;;Mr.;\n"
    "FN:John Smith\n"
    "ORG:Acme\\, Inc.;Sales\n"
    "TITLE:Head of\n"
    "  Purchasing\n"
    "TEL;TYPE=WORK,VOICE:(020) 7946 0000\n"
    "EMAIL;TYPE=INTERNET:john@acme.example\n"
    "EMAIL;TYPE=INTERNET,PREF:John.Smith@ACME.example\n"
    "ADR;TYPE=WORK:;;1 Main St;London;;W1 1AA;United Kingdom\n"
    "END:VCARD\n"
)
VCARD_40 = (
    "BEGIN:VCARD\n"
    "VERSION:4.0\n"
    "N:Müller;Anna;;;\n"
    "ORG:Fliesen GmbH\n"
    'TEL;VALUE=uri;TYPE="cell,voice":tel:+49-170-1234567\n'
    "EMAIL:anna@fliesen.example\n"
    "LANG:de-DE\n"
    "END:VCARD\n"
)


@tagged("post_install", "-at_install")
class TestBadgeParser(BaseCase):
    def test_vcard_21_quoted_printable_and_charsets(self):
        found = parse_badge(VCARD_21_QP)
        self.assertEqual(found["name"], "Hélène Lefèvre")
        self.assertEqual(found["first_name"], "Hélène")
        self.assertEqual(found["last_name"], "Lefèvre")
        self.assertEqual(found["company"], "Carrelages du Sud")
        # A quoted-printable soft break, in ISO-8859-1.
        self.assertEqual(found["job"], "Responsable des achats région Sud")
        self.assertEqual(found["phone"], "+33 4 91 00 00 00")
        self.assertEqual(found["mobile"], "06 12 34 56 78")
        self.assertEqual(found["email"], "helene.lefevre@carrelages-sud.example")

    def test_vcard_30_folded_lines_escapes_and_preferred_email(self):
        found = parse_badge(VCARD_30_FOLDED)
        self.assertEqual(found["name"], "John Smith")
        self.assertEqual(found["company"], "Acme, Inc.")
        self.assertEqual(found["job"], "Head of Purchasing")
        self.assertEqual(found["email"], "John.Smith@ACME.example")
        self.assertEqual(found["phone"], "(020) 7946 0000")
        self.assertEqual((found["city"], found["zip"]), ("London", "W1 1AA"))
        self.assertEqual(found["country"], "United Kingdom")

    def test_vcard_40_uri_phone_and_name_from_n_without_fn(self):
        found = parse_badge(VCARD_40.encode())
        self.assertEqual(found["name"], "Anna Müller")  # no FN: built from N
        self.assertEqual(found["mobile"], "+49-170-1234567")
        self.assertEqual(found["lang"], "de")

    def test_fn_wins_over_n(self):
        found = parse_badge("BEGIN:VCARD\nVERSION:3.0\nN:Doe;Jane\nFN:Dr Jane Doe-Smith\nEND:VCARD")
        self.assertEqual(found["name"], "Dr Jane Doe-Smith")
        self.assertEqual(found["last_name"], "Doe")

    def test_mecard(self):
        found = parse_badge(
            "MECARD:N:Durand,Paul;ORG:Durand SA;TEL:+33612345678;"
            "EMAIL:paul@durand.example;NOTE:Hall 4\\; stand B;;"
        )
        self.assertEqual(found["name"], "Paul Durand")
        self.assertEqual(found["company"], "Durand SA")
        self.assertEqual(found["phone"], "+33612345678")
        self.assertEqual(found["email"], "paul@durand.example")
        self.assertEqual(found["note"], "Hall 4; stand B")

    def test_badge_number_alone(self):
        self.assertEqual(parse_badge("BTM26-004512"), {"badge_ref": "BTM26-004512"})

    def test_plain_text_lines(self):
        found = parse_badge(
            "Marie Curie\nLabo SA\nLab director\nm.curie@labo.example\nTél : 01 23 45 67 89"
        )
        self.assertEqual(found["name"], "Marie Curie")
        self.assertEqual(found["company"], "Labo SA")
        self.assertEqual(found["job"], "Lab director")
        self.assertEqual(found["email"], "m.curie@labo.example")
        self.assertEqual(found["phone"], "01 23 45 67 89")

    def test_garbage_and_empty(self):
        self.assertEqual(parse_badge("!!! ??? ..."), {})
        self.assertEqual(parse_badge(""), {})
        self.assertEqual(parse_badge(None), {})
        self.assertEqual(parse_badge("BEGIN:VCARD\nno colon here\nEND:VCARD"), {})


@tagged("post_install", "-at_install")
class TestBadgeParserBounds(BaseCase):
    """Input is bounded (THREATS.md, 7): a size cap, and linear-time patterns."""

    def assertQuick(self, started, what):
        self.assertLess(time.perf_counter() - started, 1.0, f"{what} is not linear")

    def test_payload_over_the_cap_is_refused_unread(self):
        started = time.perf_counter()
        with self.assertRaises(BadgeTooLarge) as refusal:
            parse_badge("BEGIN:VCARD\nFN:" + "a" * 100_000 + "\nEND:VCARD")
        self.assertQuick(started, "refusing 100 KB")
        self.assertGreater(refusal.exception.size, MAX_PAYLOAD_BYTES)
        with self.assertRaises(BadgeTooLarge):
            parse_badge(b"x" * (MAX_PAYLOAD_BYTES + 1))
        # Counted in bytes: 2 049 accented letters are 4 098 bytes in UTF-8.
        with self.assertRaises(BadgeTooLarge):
            parse_badge("é" * 2049)
        self.assertEqual(
            parse_badge("Jane Doe" + " " * (MAX_PAYLOAD_BYTES - 8)), {"name": "Jane Doe"}
        )

    def test_patterns_run_in_linear_time(self):
        """Each parser on 30 KB built to make a backtracking pattern explode (the cap aside):
        the patterns this parser had took 4 s and 20 s on two of them."""
        size = 30_000
        attacks = {
            "a word without @": "a" * size,
            "a label and blanks": "Tel" + " " * size + "x",
            "digits and blanks": "1 " * (size // 2) + "x",
            "an address without end": "a@" + "b." * (size // 2),
            "a URL with a blank": "www." + "a" * size + " b",
            "quoted-printable soft breaks": "BEGIN:VCARD\nN;ENCODING=QUOTED-PRINTABLE:"
            + "a=\n" * (size // 3),
            "folded lines": "BEGIN:VCARD\n" + " x\n" * (size // 3) + "END:VCARD",
            "escapes": "MECARD:" + "\\;" * (size // 2),
        }
        for what, text in attacks.items():
            with self.subTest(what):
                started = time.perf_counter()
                parse_plain(text)
                parse_vcard(text)
                parse_mecard(text)
                self.assertQuick(started, what)

    def test_one_address_from_a_list_or_a_display_name(self):
        vcard = "BEGIN:VCARD\nVERSION:3.0\nFN:Jane Doe\nEMAIL;TYPE=INTERNET:{}\nEND:VCARD"
        for smuggled in (
            "jane@visitor.example,boss@evil.example",
            "jane@visitor.example; boss@evil.example",
            '"jane@visitor.example" <boss@evil.example>',
            "mailto:jane@visitor.example, boss@evil.example",
        ):
            with self.subTest(smuggled):
                self.assertEqual(
                    parse_badge(vcard.format(smuggled))["email"], "jane@visitor.example"
                )
        found = parse_badge("MECARD:N:Doe,Jane;EMAIL:jane@visitor.example\\,boss@evil.example;;")
        self.assertEqual(found["email"], "jane@visitor.example")
        found = parse_badge("Jane Doe\njane@visitor.example, boss@evil.example")
        self.assertEqual(found["email"], "jane@visitor.example")
