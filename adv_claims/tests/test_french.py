# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Every string a French user sees of adv_claims is French: each translated source of the code
and of the screens has its French in ``i18n/fr.po``, and the messages the claims generate for a
French user (notifications, chatter) contain none of their English sources."""

import ast
import re
from pathlib import Path

import polib

from odoo import Command
from odoo.tests import tagged

from .common import ClaimsCommon

ADDON = Path(__file__).resolve().parent.parent
CODE_DIRS = ("models", "wizards", "controllers", "report", "tools")


def code_sources():
    """The English sources the addon's code translates: ``_("...")`` / ``self.env._("...")``."""
    sources = set()
    for folder in CODE_DIRS:
        for path in sorted((ADDON / folder).glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text())):
                if (
                    isinstance(node, ast.Call)
                    and getattr(node.func, "attr", getattr(node.func, "id", None)) in ("_", "_lt")
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    sources.add(node.args[0].value)
    return sources


def english_fragments(sources, size=14):
    """The literal parts of ``sources`` (between placeholders) long enough to be telling."""
    fragments = set()
    for source in sources:
        for part in re.split(r"%\(\w+\)s|%s|\n", source):
            part = part.strip(" .:,()")
            if len(part) >= size:
                fragments.add(part)
    return fragments


@tagged("post_install", "-at_install")
class TestFrench(ClaimsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.po = {e.msgid: e for e in polib.pofile(str(ADDON / "i18n" / "fr.po"))}
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.handler.lang = "fr_FR"
        cls.customer.lang = "fr_FR"

    def test_every_source_of_the_code_and_the_screens_has_its_french(self):
        sources = code_sources()
        self.assertGreater(len(sources), 50)
        pot = polib.pofile(str(ADDON / "i18n" / "adv_claims.pot"))
        missing = [
            msgid
            for msgid in sorted(sources | {e.msgid for e in pot})
            if msgid not in self.po
            or not self.po[msgid].msgstr.strip()
            or "fuzzy" in self.po[msgid].flags
        ]
        self.assertFalse(missing, "untranslated in fr.po:\n" + "\n".join(missing))
        self.assertFalse(sources - {e.msgid for e in pot}, "the .pot is not up to date")

    def test_generated_messages_are_french(self):
        """A claim's day in French: every message it generates is compared with the English
        sources of the code."""
        fragments = english_fragments(code_sources())
        env = self.env(context=dict(self.env.context, lang="fr_FR"))
        claim = self.make_qualifiable_claim().with_env(env).with_user(self.handler)
        notices = [
            claim.action_acknowledge(),
            claim.action_qualify(),
            claim.action_wait(),
            claim.action_qualify(),
        ]
        gesture = self.make_remedy(claim, "gesture", amount=600.0).with_env(claim.env)
        notices.append(gesture.action_request_approval())
        manager = gesture.with_user(self.adv_manager.id)
        self.adv_manager.lang = "fr_FR"
        notices += [manager.action_approve(), gesture.action_execute()]
        notices += [claim.action_propose(), claim.action_resolve(), claim.action_close()]
        other = self.make_claim(partner_id=self.customer.id).with_env(claim.env)
        notices += [
            other.action_reject(),
            other.action_reopen(),
            other.write({"line_ids": [Command.create({"move_id": self.tile_move.id})]}) and {},
        ]
        texts = [n["params"]["message"] for n in notices if n.get("params")]
        texts += claim.message_ids.mapped("body") + claim.activity_ids.mapped("summary")
        texts += [a.note or "" for a in claim.activity_ids]
        self.assertGreater(len(texts), 12)
        english = sorted(
            {fragment for text in texts for fragment in fragments if fragment in str(text)}
        )
        self.assertFalse(english, "English in messages to a French user:\n" + "\n".join(english))
