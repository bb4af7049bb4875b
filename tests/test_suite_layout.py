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


# Overview addons install themselves when every area they summarise is there (adv_dashboard:
# the ADV overview dashboard, over the five feature addons).
OVERVIEW_ADDONS = ["adv_dashboard"]
# Glue addons (adv_<a>_<b>) install themselves when the two addons they join are there.
GLUE_ADDONS = [a for a in ADDONS if _manifest(a).get("auto_install") and a not in OVERVIEW_ADDONS]
FEATURE_ADDONS = [a for a in ADDONS if a not in GLUE_ADDONS + OVERVIEW_ADDONS]


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
            # It joins two addons, and only them: two ADV addons (each rests on adv_base), or
            # one ADV addon and an optional Odoo addon it must not force on its users
            # (adv_dunning_facturx: Odoo's e-invoicing); its name starts with its ADV addon's.
            depends = set(manifest["depends"])
            joined = depends & set(FEATURE_ADDONS) - {"adv_base"}
            odoo_addons = {d for d in depends if not d.startswith("adv_")}
            assert len(depends) == 2 and len(joined) + len(odoo_addons) == 2, addon
            assert any(addon.startswith(a + "_") for a in joined), addon
        elif addon in OVERVIEW_ADDONS:
            # It summarises feature addons, installs itself with them, and adds no model.
            depends = set(manifest["depends"])
            assert manifest.get("auto_install") and depends <= set(FEATURE_ADDONS), addon
            assert len(depends) >= 2 and not (ROOT / addon / "models").exists(), addon
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


# ------------------------------------------------------------------------------------------------
# One addon skeleton for the whole suite (the conventions are in adv_base/readme/DESCRIPTION.md).
# ------------------------------------------------------------------------------------------------
MAX_FILE_LINES = 500
MAX_METHOD_LINES = 60
RELATIONAL = {"Many2one", "One2many", "Many2many"}


def _sources(addon):
    """The addon's Python sources outside its tests."""
    return [
        p for p in sorted((ROOT / addon).rglob("*.py")) if not {"tests", "build"} & set(p.parts)
    ]


def _model_names(path):
    """The models a file declares or extends (``_name``, else the first ``_inherit``)."""
    names = []
    for node in ast.parse(path.read_text()).body:
        if not isinstance(node, ast.ClassDef):
            continue
        attrs = {
            stmt.targets[0].id: stmt.value
            for stmt in node.body
            if isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name)
        }
        value = attrs.get("_name") or attrs.get("_inherit")
        if isinstance(value, ast.List | ast.Tuple):
            value = value.elts[0]
        names.append(value.value if isinstance(value, ast.Constant) else None)
    return names


def _named_after(stem, model):
    """``sale_order.py`` or ``sale_order_<aspect>.py`` for ``sale.order``."""
    base = model.replace(".", "_")
    return stem == base or stem.startswith(base + "_")


def test_models_and_wizards_one_model_per_file_named_after_it():
    wrong = []
    for addon in ADDONS:
        assert not (ROOT / addon / "wizard").exists(), f"{addon}: wizards/ is the suite's folder"
        for folder in ("models", "wizards"):
            for path in sorted((ROOT / addon / folder).glob("*.py")):
                if path.name == "__init__.py":
                    continue
                names = _model_names(path)
                if len(names) != 1 or not names[0] or not _named_after(path.stem, names[0]):
                    wrong.append(f"{path.relative_to(ROOT)}: {names}")
    assert not wrong, "one model per file, named after it (plain Python goes to tools/):\n" + (
        "\n".join(wrong)
    )


def test_files_and_methods_stay_small():
    too_long = []
    for addon in ADDONS:
        for path in _sources(addon):
            text = path.read_text()
            lines = len(text.splitlines())
            if lines > MAX_FILE_LINES:
                too_long.append(f"{path.relative_to(ROOT)}: {lines} lines")
            for node in ast.walk(ast.parse(text)):
                if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                length = node.end_lineno - node.lineno + 1
                # One SQL statement aside: the longest string literal does not count.
                literals = [
                    n.end_lineno - n.lineno
                    for n in ast.walk(node)
                    if isinstance(n, ast.Constant) and isinstance(n.value, str)
                ]
                if length - max(literals, default=0) > MAX_METHOD_LINES:
                    too_long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {length}")
    assert not too_long, "\n".join(too_long)


def test_relation_fields_name_their_comodel():
    positional = []
    for addon in ADDONS:
        for path in _sources(addon):
            positional += [
                f"{path.relative_to(ROOT)}:{node.lineno}"
                for node in ast.walk(ast.parse(path.read_text()))
                if isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in RELATIONAL
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "fields"
                and node.args
            ]
    assert not positional, "declare relation fields with comodel_name=:\n" + "\n".join(positional)


def _records(path, model):
    return re.findall(rf'<record\b[^>]*model="{re.escape(model)}"', path.read_text())


def test_views_menus_reports_and_crons_have_their_own_files():
    wrong = []
    for addon in ADDONS:
        for path in sorted((ROOT / addon).rglob("*.xml")):
            rel = path.relative_to(ROOT)
            if {"static", "build", "tests"} & set(rel.parts):
                continue
            text = path.read_text()
            folder = rel.parts[1]
            if "<menuitem" in text and rel != Path(addon, "views", "menus.xml"):
                wrong.append(f"{rel}: menus belong in views/menus.xml")
            if _records(path, "ir.cron") and path.name != "ir_cron_data.xml":
                wrong.append(f"{rel}: crons belong in data/ir_cron_data.xml")
            if (_records(path, "ir.actions.report") or "<report " in text) and folder != "report":
                wrong.append(f"{rel}: report actions belong in report/")
            if folder in ("views", "wizards") and path.name != "menus.xml":
                if path.name.endswith("_templates.xml"):
                    continue  # QWeb templates (portal pages), not a model's views
                if not path.name.endswith("_views.xml"):
                    wrong.append(f"{rel}: views/<model>_views.xml or views/menus.xml")
                    continue
                stem = path.name[: -len("_views.xml")]
                models = re.findall(r'<field name="model">([\w.]+)</field>', text)
                wrong += [
                    f"{rel}: a view of {model} (one file per model)"
                    for model in models
                    if model.replace(".", "_") != stem
                ]
    assert not wrong, "\n".join(wrong)


def test_every_test_module_is_imported():
    """Odoo's own test runner only runs the test modules an addon's tests/__init__.py imports."""
    missing = [
        f"{addon}/tests/{path.name}"
        for addon in ADDONS
        for path in sorted((ROOT / addon / "tests").glob("test_*.py"))
        if f"from . import {path.stem}\n" not in (ROOT / addon / "tests/__init__.py").read_text()
    ]
    assert not missing, "not imported by tests/__init__.py:\n" + "\n".join(missing)
