# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class DeliveryCarrier(models.Model):
    _inherit = "delivery.carrier"

    adv_transit_days = fields.Integer(
        string="Transit time (days)",
        default=2,
        help="Days between the hand-over to the carrier and the delivery: with no proof of "
        "delivery after that, the carrier is chased.",
    )
    adv_transit_ids = fields.One2many(
        comodel_name="adv.carrier.transit",
        inverse_name="carrier_id",
        string="Transit time per country",
        help="Overrides the transit time for deliveries to these countries.",
    )
    adv_partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Carrier contact",
        help="Who receives the chases about this carrier's shipments.",
    )
