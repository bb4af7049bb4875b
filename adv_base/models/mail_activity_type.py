# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import AccessError


class MailActivityType(models.Model):
    """The *kind* part of My Day's priority: how much a work item of this type weighs, whatever
    its deadline and stake (see ``adv_base/tools/day_priority.py``)."""

    _inherit = "mail.activity.type"

    adv_priority_weight = fields.Integer(
        string="My Day weight",
        default=0,
        help="Points this kind of work adds to its priority in My Day. An item one day later "
        "adds 2 points, ten times the stake 20 points (system parameters adv_base.my_day_*): "
        "a weight of 20 ranks a credit release like one ten times bigger of a kind weighing 0.",
    )

    def write(self, vals):
        """ADV administrators may write activity types (Odoo gives that to Settings
        administrators only) for their My Day weight, and nothing else of them."""
        if (
            not self.env.is_superuser()
            and not self.env.user.has_group("base.group_system")
            and set(vals) - {"adv_priority_weight"}
        ):
            raise AccessError(
                self.env._(
                    "Only a Settings administrator changes activity types; a Sales "
                    "Administration administrator sets their My Day weight only."
                )
            )
        return super().write(vals)
