# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The suite as a whole: its packaging and the addons installed together in one database."""

import ast
import re
from pathlib import Path

import tomllib

from odoo.tests import tagged
from odoo.tests.common import TransactionCase

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(p.parent.name for p in ROOT.glob("adv_*/__manifest__.py"))


def _manifest(addon):
    return ast.literal_eval((ROOT / addon / "__manifest__.py").read_text())


# Glue addons (adv_<a>_<b>) install themselves when the two addons they join are there.
GLUE_ADDONS = [a for a in ADDONS if _manifest(a).get("auto_install")]
FEATURE_ADDONS = [a for a in ADDONS if a not in GLUE_ADDONS]


def test_metapackage_installs_every_addon():
    meta = tomllib.loads((ROOT / "setup/_metapackage/pyproject.toml").read_text())
    deps = {re.match(r"odoo-addon-([\w]+)", d).group(1) for d in meta["project"]["dependencies"]}
    assert deps == set(ADDONS)


def test_scripts_know_every_addon():
    line = next(
        ln
        for ln in (ROOT / "scripts/bootstrap.sh").read_text().splitlines()
        if ln.startswith("ADV_ADDONS=")
    )
    assert set(line.split("(", 1)[1].rstrip(")").split()) == set(ADDONS)


def test_manifests_follow_the_suite_rules():
    assert "adv_base" in ADDONS and len(ADDONS) >= 6
    for addon in ADDONS:
        manifest = _manifest(addon)
        assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", manifest["version"]), addon
        assert manifest["license"] == "LGPL-3", addon
        assert manifest.get("summary") and manifest.get("maintainers"), addon
        assert manifest.get("development_status") in {
            "Alpha",
            "Beta",
            "Production/Stable",
            "Mature",
        }
        if addon in GLUE_ADDONS:
            # It joins two ADV addons, each of which rests on adv_base.
            joined = set(manifest["depends"]) & set(FEATURE_ADDONS) - {"adv_base"}
            assert len(joined) == 2, addon
        elif addon != "adv_base":
            assert "adv_base" in manifest["depends"], addon
        assert (ROOT / addon / "pyproject.toml").is_file(), addon
        assert (ROOT / addon / "static/description/icon.png").is_file(), addon
        assert (ROOT / addon / "readme/DESCRIPTION.md").is_file(), addon
        assert (ROOT / addon / "i18n/fr.po").is_file(), addon
        assert list((ROOT / addon / "tests").glob("test_*.py")), addon


@tagged("post_install", "-at_install")
class TestSuiteInstalled(TransactionCase):
    def test_all_addons_installed_together(self):
        modules = self.env["ir.module.module"].search([("name", "in", ADDONS)])
        self.assertEqual({m.name: m.state for m in modules}, dict.fromkeys(ADDONS, "installed"))

    def test_adv_manager_holds_every_adv_role(self):
        manager = self.env.ref("adv_base.group_manager")
        category = self.env.ref("adv_base.module_category_sales_administration")
        roles = self.env["res.groups"].search([("category_id", "=", category.id)]) - manager
        # One role per feature addon at least (glue addons bring none of their own).
        self.assertGreaterEqual(len(roles), len(FEATURE_ADDONS))
        self.assertFalse(roles - manager.trans_implied_ids)

    def test_french_is_loaded_and_translates_the_app(self):
        self.assertTrue(self.env["res.lang"]._lang_get("fr_FR"))
        menu = self.env.ref("adv_base.menu_root").with_context(lang="fr_FR")
        self.assertEqual(menu.name, "Administration des ventes")

    def test_english_stays_active_next_to_french(self):
        # Documents go out in the partner's language: both must be active.
        active = self.env["res.lang"].search([]).mapped("code")
        self.assertIn("en_US", active)
        self.assertIn("fr_FR", active)
