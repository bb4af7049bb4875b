# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AdvReleaseRequest(models.TransientModel):
    """A salesperson asks the credit controllers to release a blocked order, saying why: the
    justification is kept on the order's credit check, posted in the order's chatter and given
    to the controllers with their activity (see ``sale.order._adv_request_release``)."""

    _name = "adv.release.request"
    _description = "Credit release request"

    order_id = fields.Many2one(comodel_name="sale.order", required=True, readonly=True)
    justification = fields.Text(
        required=True,
        help="Why the order should go ahead: a payment announced, a guarantee, a key account...",
    )

    def action_request(self):
        self.ensure_one()
        return self.order_id._adv_request_release(self.justification)
