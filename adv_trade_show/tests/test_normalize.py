# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import BaseCase, tagged

from odoo.addons.adv_trade_show.tools.normalize import normalize_email, normalize_phone


@tagged("post_install", "-at_install")
class TestNormalize(BaseCase):
    def test_email(self):
        self.assertEqual(normalize_email("  Jane.Doe@Example.COM "), "jane.doe@example.com")
        self.assertEqual(normalize_email("Jane <JANE@example.com>"), "jane@example.com")
        self.assertFalse(normalize_email("not an e-mail"))
        self.assertFalse(normalize_email(False))

    def test_phone_e164(self):
        for typed in (
            "06 12 34 56 78",
            "06.12.34.56.78",
            "+33 6 12 34 56 78",
            "0033612345678",
            "+33 (0)6 12 34 56 78",
            "+33-6-12-34-56-78",
        ):
            self.assertEqual(normalize_phone(typed, "FR", 33), "+33612345678", typed)
        self.assertEqual(normalize_phone("(020) 7946 0000", "GB", 44), "+442079460000")
        self.assertEqual(normalize_phone("02 1234 5678", "IT", 39), "+390212345678")
        self.assertEqual(normalize_phone("+49 170 1234567", "FR", 33), "+491701234567")

    def test_phone_refused(self):
        self.assertFalse(normalize_phone("12", "FR", 33))
        self.assertFalse(normalize_phone("no number", "FR", 33))
        self.assertFalse(normalize_phone("06 12 34 56 78", None, None))  # national, no country
        self.assertFalse(normalize_phone("", "FR", 33))
