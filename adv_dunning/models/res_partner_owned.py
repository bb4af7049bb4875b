# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

from ..tools.ownership import check_dunning_fields, guarded_create

# What a customer's dunning reads on the partner: owned by collectors and administrators.
OWNED_FIELDS = {"adv_dunning_policy_id", "adv_dunning_excluded_until"}


class ResPartner(models.Model):
    """Who may stop or change a customer's dunning (its policy, its exclusion): collectors and
    administrators, on every path (form, JSON-RPC, import, ``default_*`` keys). The fields are
    company-dependent and not commercial fields: a contact's own values are never read (runs
    read the commercial partner's), so moving contacts changes nothing a collector set."""

    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    @api.model_create_multi
    def create(self, vals_list):
        return super(ResPartner, guarded_create(self, vals_list, OWNED_FIELDS)).create(vals_list)

    def write(self, vals):
        check_dunning_fields(self, OWNED_FIELDS & set(vals))
        return super().write(vals)
