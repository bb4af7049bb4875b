# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Every string the suite shows a user has its French: each message its Python code translates
(``_()``, ``env._()``, ``_lt()``) and each entry of an addon's template (``i18n/<addon>.pot``:
views, fields, selections, data) has a French translation in the addon's ``i18n/fr.po``; and the
template is complete (every translated Python message is in it, or Odoo would not load its
French)."""

import ast
import unittest
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(p for p in ROOT.glob("adv_*") if (p / "__manifest__.py").is_file())
TRANSLATORS = {"_", "_lt"}


def python_messages(addon):
    """{message: file} of the messages the addon's code (tests and migrations excepted)
    translates."""
    messages = {}
    for path in sorted(addon.rglob("*.py")):
        relative = path.relative_to(addon)
        if relative.parts[0] in {"tests", "migrations", "build"}:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            first = node.args[0]
            if (
                name in TRANSLATORS
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                messages.setdefault(first.value, str(relative))
    return messages


def translated(po):
    return {
        e.msgid
        for e in po
        if not e.obsolete and "fuzzy" not in e.flags and (e.msgstr or any(e.msgstr_plural.values()))
    }


class TestFrench(unittest.TestCase):
    def test_every_addon_has_french(self):
        for addon in ADDONS:
            with self.subTest(addon=addon.name):
                self.assertTrue((addon / "i18n" / "fr.po").is_file())
                self.assertTrue((addon / "i18n" / f"{addon.name}.pot").is_file())

    def test_python_messages_are_in_french(self):
        """A message translated in the code but absent from the template or without French
        is shown in English to a French user."""
        missing = {}
        for addon in ADDONS:
            french = translated(polib.pofile(str(addon / "i18n" / "fr.po")))
            template = {e.msgid for e in polib.pofile(str(addon / "i18n" / f"{addon.name}.pot"))}
            for message, where in python_messages(addon).items():
                if message not in french or message not in template:
                    missing.setdefault(addon.name, []).append(f"{where}: {message!r}")
        self.assertFalse(missing, "\n".join(f"{a}: {m}" for a, ms in missing.items() for m in ms))

    def test_template_entries_are_in_french(self):
        """Views, fields, selections, menus and data of each addon: every entry of its
        template has its French."""
        missing = {}
        for addon in ADDONS:
            french = translated(polib.pofile(str(addon / "i18n" / "fr.po")))
            for entry in polib.pofile(str(addon / "i18n" / f"{addon.name}.pot")):
                if entry.msgid not in french:
                    missing.setdefault(addon.name, []).append(entry.msgid)
        self.assertFalse(missing, "\n".join(f"{a}: {m!r}" for a, ms in missing.items() for m in ms))

    def test_the_checks_can_fail(self):
        """The extraction finds a message in each way the suite writes one."""
        sample = ast.parse(
            'env._("One %(x)s", x=1)\nself.env._("Two")\n_("Three")\n_lt("Four")\nlog("Five")'
        )
        found = [
            n.args[0].value
            for n in ast.walk(sample)
            if isinstance(n, ast.Call)
            and (getattr(n.func, "id", None) or getattr(n.func, "attr", None)) in TRANSLATORS
        ]
        self.assertEqual(sorted(found), ["Four", "One %(x)s", "Three", "Two"])
