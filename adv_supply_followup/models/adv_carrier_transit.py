# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AdvCarrierTransit(models.Model):
    """A carrier's transit time to one destination country (else the carrier's own)."""

    _name = "adv.carrier.transit"
    _description = "Carrier transit time per country"
    _order = "carrier_id, country_id"

    carrier_id = fields.Many2one(
        comodel_name="delivery.carrier", required=True, ondelete="cascade", index=True
    )
    country_id = fields.Many2one(comodel_name="res.country", required=True)
    transit_days = fields.Integer(string="Transit time (days)", required=True)

    _sql_constraints = [
        (
            "carrier_country_uniq",
            "UNIQUE(carrier_id, country_id)",
            "One transit time per carrier and country.",
        ),
        (
            "transit_days_positive",
            "CHECK(transit_days >= 0)",
            "A transit time cannot be negative.",
        ),
    ]
