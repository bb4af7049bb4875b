# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the booth staff reads: the privacy notice in the visitor's language, whatever their own,
and after processing, whether the visitor was thanked by e-mail (the notification and the
capture's chatter say it, and why not)."""

from odoo.tests import tagged

from .common import TradeShowCommon

ENGLISH_NOTICE = "Your contact details are recorded"
FRENCH_NOTICE = "Vos coordonnées sont enregistrées"


@tagged("post_install", "-at_install")
class TestCaptureFeedback(TradeShowCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff.lang = "fr_FR"  # a French-speaking booth staff member
        cls.show.consent_text_id = cls.env.ref("adv_trade_show.consent_text_v1")

    def test_privacy_notice_in_the_visitors_language(self):
        english = self.capture(lang="en_US")
        self.assertIn(ENGLISH_NOTICE, english.consent_text)
        french = self.capture(lang="fr_FR")
        self.assertIn(FRENCH_NOTICE, french.consent_text)
        # no visitor's language yet: the user's
        unknown = self.capture()
        unknown.lang = False
        self.assertIn(FRENCH_NOTICE, unknown.with_context(lang="fr_FR").consent_text)
        self.assertIn(ENGLISH_NOTICE, unknown.with_context(lang="en_US").consent_text)
        # the consent evidence keeps the text the visitor read
        english.action_process()
        self.assertIn(ENGLISH_NOTICE, english.consent_ids.text_shown)

    def told(self, capture):
        message = capture.message_ids.filtered(lambda m: "remerciement" in (m.body or ""))
        self.assertEqual(len(message), 1)
        return message.body

    def process_in_french(self, **values):
        """Process a capture as the French-speaking staff's web client does (their language in
        the context); return the capture and the notification's message."""
        capture = self.capture(**values).with_context(lang="fr_FR")
        return capture, capture.action_process()["params"]["message"]

    def test_the_staff_is_told_whether_the_visitor_was_thanked(self):
        thanked, message = self.process_in_french(email="fr@visitor.example", marketing_opt_in=True)
        self.assertIn("E-mail de remerciement envoyé à fr@visitor.example", message)
        self.assertIn("E-mail de remerciement envoyé à fr@visitor.example", self.told(thanked))
        no_address, message = self.process_in_french(email=False, marketing_opt_in=True)
        self.assertIn("Pas d'e-mail de remerciement : pas d'adresse e-mail.", message)
        self.assertIn("pas d", self.told(no_address))
        not_agreed, message = self.process_in_french(email="call@visitor.example")
        self.assertIn("le visiteur n'en a accepté aucun", message)
        self.assertIn("accepté aucun", self.told(not_agreed))
