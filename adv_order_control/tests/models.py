# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Test-only model: another addon adding a conformity check through the extension point."""

from odoo import models

from odoo.addons.adv_order_control.tools.credit_rules import BLOCK, PASS, RuleResult


class SaleOrderNoFreeLines(models.Model):
    _inherit = "sale.order"  # pylint: disable=consider-merging-classes-inherited

    def _adv_conformity_checks(self):
        results = super()._adv_conformity_checks()
        if any(not line.display_type and not line.price_unit for line in self.order_line):
            return [*results, RuleResult("free_lines", BLOCK, "Free lines need a gift order.")]
        return [*results, RuleResult("free_lines", PASS, "No free line.")]
