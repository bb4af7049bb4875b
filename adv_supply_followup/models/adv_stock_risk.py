# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.stock_forecast import CONSUMPTION_DAYS, first_day_below, forecast_levels
from .adv_supply_chase import generated_company

RISK_KIND = [("stockout", "Stock-out risk"), ("overstock", "Overstock")]
RISK_STATE = [("open", "Open"), ("closed", "Closed")]


class AdvStockRisk(models.Model):
    """A product whose forecast falls below zero or its minimum within the horizon (stock-out
    risk), or that holds more than its maximum or too many days of cover (overstock).

    Generated daily, one open alert per product, company and kind; the product's responsible
    buyer gets an activity; one click opens Odoo's replenishment for the product.
    """

    _name = "adv.stock.risk"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Stock risk"
    _order = "kind, date_risk, value desc, id"
    _check_company_auto = True

    product_id = fields.Many2one(
        comodel_name="product.product", required=True, readonly=True, index=True
    )
    kind = fields.Selection(selection=RISK_KIND, required=True, readonly=True)
    state = fields.Selection(selection=RISK_STATE, default="open", required=True, readonly=True)
    company_id = generated_company()
    user_id = fields.Many2one(comodel_name="res.users", string="Responsible buyer")
    qty_available = fields.Float(string="On hand", readonly=True)
    qty_lowest = fields.Float(string="Lowest forecast", readonly=True)
    min_qty = fields.Float(string="Minimum", readonly=True)
    max_qty = fields.Float(string="Maximum", readonly=True)
    cover_days = fields.Float(string="Days of cover", readonly=True, digits=(16, 0))
    date_risk = fields.Date(
        string="From", readonly=True, help="First day the forecast is below the threshold."
    )
    reason = fields.Char(readonly=True)
    value = fields.Monetary(
        currency_field="currency_id",
        readonly=True,
        help="Cost of the missing or excess quantity.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    def init(self):
        self.env.cr.execute(
            SQL(
                """CREATE UNIQUE INDEX IF NOT EXISTS adv_stock_risk_open_uniq
                   ON adv_stock_risk (product_id, company_id, kind) WHERE state = 'open'"""
            )
        )

    def action_open_replenishment(self):
        """Odoo's replenishment for the product, with an order point to act on."""
        self.ensure_one()
        orderpoint = self._ensure_orderpoint()
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.action_orderpoint_replenish")
        action["domain"] = [("product_id", "=", self.product_id.id)]
        action["context"] = {"search_default_filter_to_reorder": 0}
        action["res_id"] = orderpoint.id
        return action

    def action_close(self):
        self._close()

    def _close(self):
        self.write({"state": "closed"})
        self.activity_ids.action_feedback(feedback=self.env._("Stock risk closed."))

    def _ensure_orderpoint(self):
        # As Odoo's replenishment report does, manual order points are made as superuser.
        Orderpoint = self.env["stock.warehouse.orderpoint"].sudo()
        orderpoint = Orderpoint.search(
            [("product_id", "=", self.product_id.id), ("company_id", "=", self.company_id.id)],
            limit=1,
        )
        if not orderpoint:
            warehouse = self.env["stock.warehouse"].search(
                [("company_id", "=", self.company_id.id)], limit=1
            )
            orderpoint = Orderpoint.create(
                {
                    "product_id": self.product_id.id,
                    "warehouse_id": warehouse.id,
                    "location_id": warehouse.lot_stock_id.id,
                    "company_id": self.company_id.id,
                    "trigger": "manual",
                    "product_min_qty": 0.0,
                    "product_max_qty": 0.0,
                }
            )
        # The shortage seen within our horizon may lie beyond the order point's lead time:
        # propose at least the missing quantity (the buyer can change it before ordering).
        missing = max(self.min_qty, 0.0) - self.qty_lowest
        if self.kind == "stockout" and orderpoint.qty_to_order < missing:
            orderpoint.qty_to_order = missing
        return orderpoint

    # ------------------------------------------------------------
    # GENERATION
    # ------------------------------------------------------------

    @api.model
    def _cron_generate(self):
        for company in self.env["res.company"].search([("active", "=", True)]):
            self.with_company(company)._generate(company)

    @api.model
    def _generate(self, company=None, today=None):
        """Open the risks found today, close those that went away. Returns the new risks."""
        company = company or self.env.company
        today = today or fields.Date.context_today(self)
        found = self._detect(company, today)
        Risk = self.sudo()
        current = Risk.search([("company_id", "=", company.id), ("state", "=", "open")])
        by_key = {(r.product_id.id, r.kind): r for r in current}
        Risk.browse([r.id for key, r in by_key.items() if key not in found])._close()
        vals_list = [vals for key, vals in found.items() if key not in by_key]
        risks = Risk.create(vals_list)
        for key, vals in found.items():
            if key in by_key:
                by_key[key].write(vals)
        risks._schedule_activities()
        return risks

    def _detect(self, company, today):
        """``{(product id, kind): vals}`` of the risks found today, a few grouped queries for
        all the products that move, have an order point or are in stock."""
        events = self._forecast_events(company)
        limits = self._orderpoint_limits(company)
        consumed = self._recent_consumption(company, today)
        products = (
            self.env["product.product"]
            .sudo()
            .with_company(company)
            .browse(set(events) | set(limits) | self._stocked_product_ids(company))
        )
        horizon = today + timedelta(days=company.adv_risk_horizon_days)
        found = {}
        for product in products:
            on_hand = product.qty_available
            low, high = limits.get(product.id, (0.0, 0.0))
            lowest, trail = forecast_levels(on_hand, events.get(product.id, {}), horizon)
            base = {
                "product_id": product.id,
                "company_id": company.id,
                "user_id": (product.responsible_id or self.env.user).id,
                "qty_available": on_hand,
                "qty_lowest": lowest,
                "min_qty": low,
                "max_qty": high,
            }
            if lowest < 0 or lowest < low:
                found[product.id, "stockout"] = self._stockout_vals(product, base, trail, today)
                continue
            daily = consumed.get(product.id, 0.0) / CONSUMPTION_DAYS
            vals = self._overstock_vals(product, base, daily, company, today)
            if vals:
                found[product.id, "overstock"] = vals
        return found

    def _forecast_events(self, company):
        """``{product id: {date: net quantity expected in (+) or out (-)}}`` of the open
        receipts and deliveries of storable products."""
        events = defaultdict(lambda: defaultdict(float))
        for product, code, day, qty in (
            self.env["stock.move"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("state", "not in", ("done", "cancel", "draft")),
                    ("product_id.is_storable", "=", True),
                    ("picking_code", "in", ("incoming", "outgoing")),
                ],
                ["product_id", "picking_code", "date:day"],
                ["product_qty:sum"],
            )
        ):
            day = fields.Date.to_date(day)
            events[product.id][day] += qty if code == "incoming" else -qty
        return events

    def _orderpoint_limits(self, company):
        """``{product id: (minimum, maximum)}`` of the order points (summed over warehouses)."""
        return {
            product.id: (low, high)
            for product, low, high in self.env["stock.warehouse.orderpoint"]
            .sudo()
            ._read_group(
                [("company_id", "=", company.id)],
                ["product_id"],
                ["product_min_qty:sum", "product_max_qty:sum"],
            )
        }

    def _recent_consumption(self, company, today):
        """``{product id: quantity delivered}`` over the last ``CONSUMPTION_DAYS`` days."""
        return {
            product.id: qty
            for product, qty in self.env["stock.move"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "done"),
                    ("picking_code", "=", "outgoing"),
                    ("date", ">=", today - timedelta(days=CONSUMPTION_DAYS)),
                ],
                ["product_id"],
                ["product_qty:sum"],
            )
        }

    def _stocked_product_ids(self, company):
        """The products with stock in the company's internal locations."""
        return {
            product.id
            for (product,) in self.env["stock.quant"]
            .sudo()
            ._read_group(
                [("company_id", "=", company.id), ("location_id.usage", "=", "internal")],
                ["product_id"],
            )
        }

    def _stockout_vals(self, product, base, trail, today):
        """The stock-out risk of a product whose forecast falls below zero or its minimum."""
        lowest, low = base["qty_lowest"], base["min_qty"]
        threshold = 0.0 if lowest < 0 and not low else low
        first = first_day_below(trail, threshold, today)
        return dict(
            base,
            kind="stockout",
            date_risk=first,
            value=(threshold - lowest) * product.standard_price,
            reason=self.env._(
                "Forecast %(lowest)s below %(threshold)s on %(date)s",
                lowest=round(lowest, 2),
                threshold=round(threshold, 2),
                date=first,
            ),
        )

    def _overstock_vals(self, product, base, daily, company, today):
        """The overstock of a product above its maximum or with too many days of cover
        (``daily``: its average daily consumption), else ``None``."""
        on_hand, high = base["qty_available"], base["max_qty"]
        max_cover = company.adv_risk_max_cover_days
        cover = on_hand / daily if daily else 0.0
        over_max = high and on_hand > high
        over_cover = max_cover and daily and cover > max_cover
        if on_hand <= 0 or not (over_max or over_cover):
            return None
        excess = on_hand - (high if over_max else daily * max_cover)
        return dict(
            base,
            kind="overstock",
            date_risk=today,
            cover_days=cover,
            value=excess * product.standard_price,
            reason=(
                self.env._("On hand above the maximum")
                if over_max
                else self.env._(
                    "%(days)s days of cover (at most %(max)s)",
                    days=round(cover),
                    max=max_cover,
                )
            ),
        )

    def _schedule_activities(self):
        activity_type = self.env.ref("adv_supply_followup.mail_activity_type_stock_risk")
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": risk.id,
                    "activity_type_id": activity_type.id,
                    "summary": risk.reason,
                    "user_id": risk.user_id.id,
                    "date_deadline": risk.date_risk or fields.Date.context_today(self),
                }
                for risk in self
            ]
        )

    def _adv_day_stake(self):
        return {
            row["id"]: row["value"] for row in self.search_read([("id", "in", self.ids)], ["value"])
        }

    def _adv_day_partner(self):
        """A stock risk is about a product: its partner in My Day is the product's first
        vendor, the one a replenishment would order from."""
        return {
            risk.id: risk.product_id.seller_ids[:1].partner_id.id
            for risk in self
            if risk.product_id.seller_ids
        }
