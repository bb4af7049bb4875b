# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The links between supply chases and customer claims, seen from both models.

A chase and a claim are linked by a delay (the chase's late receipt caused the claim) or by a
back-charge (the chase follows up a remedy of the claim). The delay is one relation table, seen
from both models: the claim side fills it
(``adv.claim._adv_link_delay_chases``, from adv_claims' ``_adv_documents_changed`` hook), the
chase side reads it. Chases are the supply follow-up team's: a claim handler without that right
loads none of these fields.
"""

from odoo import fields

SUPPLY_GROUP = "adv_supply_followup.group_supply_followup"
DELAY_RELATION = "adv_claim_supply_chase_delay_rel"


def delay_link(comodel_name, column1, column2, string, help_text):
    """One side of the delay-to-claim relation (read-only, not copied, supply team only)."""
    return fields.Many2many(
        comodel_name=comodel_name,
        relation=DELAY_RELATION,
        column1=column1,
        column2=column2,
        string=string,
        readonly=True,
        copy=False,
        groups=SUPPLY_GROUP,
        help=help_text,
    )


def union_link(comodel_name, string, count_string, help_text, compute, **kwargs):
    """Both links of one side (delays and back-charges), as a computed relation and its count
    (supply team only). ``compute`` fills both; ``kwargs`` complete the relation (``search``)."""
    union = fields.Many2many(
        comodel_name=comodel_name,
        string=string,
        compute=compute,
        groups=SUPPLY_GROUP,
        help=help_text,
        **kwargs,
    )
    return union, fields.Integer(string=count_string, compute=compute, groups=SUPPLY_GROUP)
