# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Fixtures of the trade show tests; other adv addons may build on them."""

from odoo import Command
from odoo.tests import new_test_user
from odoo.tools import SQL

from odoo.addons.adv_base.tests.common import AdvCommon

STAFF = "adv_trade_show.group_booth_staff"
MANAGER = "adv_trade_show.group_show_manager"
SALESPERSON = "sales_team.group_sale_salesman"


def remove_committed_show(env, show, keys):
    """Remove a show a test committed, with its captures and the visitors' lock rows ``keys``
    (its leads removed by the caller). Consent evidence can be deleted by no one: it goes in SQL."""
    env.cr.execute(SQL("DELETE FROM adv_trade_show_consent WHERE show_id = %s", show.id))
    show.capture_ids.unlink()
    campaign, source = show.campaign_id, show.source_id
    show.unlink()
    campaign.unlink()
    source.unlink()
    env["adv.lock"].search([("scope", "=", "adv_trade_show.visitor"), ("key", "in", keys)]).unlink()


def show_user(env, login, name, groups, **values):
    """A user of ``groups`` (comma-separated xml ids); ``values`` as for ``new_test_user``."""
    return new_test_user(env, login=login, name=name, groups=groups, **values)


def tour_user(env, login, name, groups):
    """A user for browser tours: the password is the login, the language English."""
    return show_user(env, login, name, groups, password=login, lang="en_US")


def new_show(env, name, date_begin="2026-11-02", date_end="2026-11-05", **values):
    """A show (preparing unless ``state`` says otherwise) from ``date_begin`` to ``date_end``."""
    return env["adv.trade.show"].create(
        {"name": name, "date_begin": date_begin, "date_end": date_end, **values}
    )


class TradeShowCommon(AdvCommon):
    """A French company exhibiting at ``show`` (Paris, staffed by ``staff``, managed by
    ``show_manager``), two salespeople routed by rules (``sales_export`` for English speakers,
    ``sales_tiles`` for the tile range), products and a known customer ``known_partner``.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.country_id = cls.env.ref("base.fr")
        cls.fr = cls.env.ref("base.fr")
        cls.gb = cls.env.ref("base.uk")
        cls.env["res.lang"]._activate_lang("fr_FR")
        # Leads first (Settings > CRM > Leads), as most B2B teams work.
        cls.env.ref("base.group_user").write(
            {"implied_ids": [Command.link(cls.env.ref("crm.group_use_lead").id)]}
        )
        cls.staff = show_user(
            cls.env, "ts_staff", "Sam Staff", STAFF, email="sam.staff@example.com"
        )
        cls.other_staff = show_user(cls.env, "ts_staff2", "Olga Staff", STAFF)
        cls.show_manager = show_user(
            cls.env, "ts_manager", "Mona Show", MANAGER, email="mona.show@example.com"
        )
        cls.sales_export = show_user(cls.env, "ts_export", "Eric Export", SALESPERSON)
        cls.sales_tiles = show_user(cls.env, "ts_tiles", "Tina Tiles", SALESPERSON)
        cls.tiles = cls.env["product.template"].create({"name": "Outdoor tiles"})
        cls.glue = cls.env["product.template"].create({"name": "Tile glue"})
        cls.tag = cls.env["crm.tag"].create({"name": "Batimat"})
        cls.show = new_show(
            cls.env,
            "Batimat Test",
            city="Paris",
            country_id=cls.fr.id,
            booth="4-B112",
            user_id=cls.show_manager.id,
            staff_ids=[Command.set((cls.staff | cls.show_manager).ids)],
            tag_ids=[Command.set(cls.tag.ids)],
            state="running",
        )
        cls.other_show = new_show(
            cls.env,
            "Other Show",
            date_end="2026-11-03",
            user_id=cls.show_manager.id,
            staff_ids=[Command.set(cls.other_staff.ids)],
        )
        Rule = cls.env["adv.trade.show.assign.rule"]
        cls.rule_tiles = Rule.create(
            {
                "name": "Tiles in France",
                "sequence": 1,
                "country_ids": [Command.set(cls.fr.ids)],
                "product_ids": [Command.set(cls.tiles.ids)],
                "user_id": cls.sales_tiles.id,
            }
        )
        cls.rule_export = Rule.create(
            {
                "name": "English speakers",
                "sequence": 2,
                "lang": "en_US",
                "user_id": cls.sales_export.id,
            }
        )
        cls.known_partner = cls.env["res.partner"].create(
            {
                "name": "Hélène Lefèvre",
                "email": "Helene.Lefevre@Carrelages-Sud.example",
                "phone": "04 91 00 00 00",
                "mobile": "06 71 82 93 04",  # not a number of Odoo's demo companies
                "country_id": cls.fr.id,
            }
        )

    @classmethod
    def capture_values(cls, **values):
        base = {
            "show_id": cls.show.id,
            "name": "Jeanne Visitor",
            "company_name": "Visitor SARL",
            "email": "jeanne@visitor.example",
            "phone": "06 00 00 00 01",
            "informed": True,
        }
        base.update(values)
        return base

    def capture(self, user=None, **values):
        """A capture as ``user`` (booth staff by default)."""
        Capture = self.env["adv.trade.show.capture"].with_user(user or self.staff)
        return Capture.create(self.capture_values(**values))
