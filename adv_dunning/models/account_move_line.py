# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import SQL

from ..tools.ownership import check_dunning_fields, guarded_create
from .account_move import dunning_record

# What dunning reads on a receivable: the collector's dispute and dunning's own records (level,
# date, penalties invoiced). Written by collectors and administrators only (dunning's flows run
# as them or as superuser).
OWNED_FIELDS = {
    "adv_dispute",
    "adv_dispute_reason",
    "adv_dispute_until",
    "adv_dunning_level_id",
    "adv_dunning_date",
    "adv_penalty_invoiced",
}


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    adv_dunning_level_id = dunning_record(
        fields.Many2one,
        comodel_name="adv.dunning.level",
        string="Dunning level",
        index=True,
        help="Highest dunning level already notified for this instalment.",
    )
    adv_dunning_date = dunning_record(fields.Date, string="Last dunned on")
    adv_penalty_invoiced = dunning_record(
        fields.Monetary,
        string="Penalties invoiced",
        currency_field="company_currency_id",
        help="Late-payment penalties of this instalment already invoiced to the customer.",
    )
    # The collector's own dispute; other reasons to suspend dunning (an open claim...) come
    # from the addons that know them, through _adv_dunning_suspensions.
    adv_dispute = fields.Boolean(string="In dispute", copy=False, tracking=False)
    adv_dispute_reason = fields.Char(string="Dispute reason", copy=False)
    adv_dispute_until = fields.Date(
        string="Dispute until", copy=False, help="The dispute expires by itself after this date."
    )

    @api.model_create_multi
    def create(self, vals_list):
        return super(AccountMoveLine, guarded_create(self, vals_list, OWNED_FIELDS)).create(
            vals_list
        )

    def write(self, vals):
        check_dunning_fields(self, OWNED_FIELDS & set(vals))
        return super().write(vals)

    @api.model
    def _adv_overdue_by_partner(self, partners, company, today):
        """{commercial partner id: open receivable amount past due}, one grouped query."""
        if not partners:
            return {}
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """SELECT p.commercial_partner_id, SUM(aml.amount_residual)
                 FROM account_move_line aml
                 JOIN res_partner p ON p.id = aml.partner_id
                 JOIN account_account a ON a.id = aml.account_id
                WHERE p.commercial_partner_id IN %(ids)s AND aml.company_id = %(company)s
                  AND a.account_type = 'asset_receivable' AND aml.parent_state = 'posted'
                  AND aml.reconciled IS NOT TRUE AND aml.date_maturity < %(today)s
             GROUP BY p.commercial_partner_id""",
                ids=tuple(partners.commercial_partner_id.ids),
                company=company.id,
                today=today,
            )
        )
        return dict(self.env.cr.fetchall())

    @api.model
    def _adv_dunning_suspensions(self, domain, today=None):
        """Hook: which journal items of ``domain`` dunning must skip, and why.

        Asked when a run selects the lines to level (for the whole run or batch at once), at
        sending time and by the invoice's screens. Returns {journal item id: reason}, one search
        per source. Dunning's own source is the collector's dispute in force on ``today``; an
        addon that knows another reason (an open claim on the invoice) extends this method and
        adds the items not suspended yet: a collector's dispute comes first.
        """
        today = today or fields.Date.context_today(self)
        disputed = self.search_fetch(
            expression.AND(
                [
                    domain,
                    [
                        ("adv_dispute", "=", True),
                        "|",
                        ("adv_dispute_until", "=", False),
                        ("adv_dispute_until", ">=", today),
                    ],
                ]
            ),
            ["adv_dispute_reason"],
        )
        return {line.id: line.adv_dispute_reason or self.env._("In dispute") for line in disputed}

    def action_adv_dispute(self, reason, until=False):
        """Put these receivables in dispute: dunning skips them until the date (or forever)."""
        self.write({"adv_dispute": True, "adv_dispute_reason": reason, "adv_dispute_until": until})

    def action_adv_end_dispute(self):
        self.write({"adv_dispute": False, "adv_dispute_reason": False, "adv_dispute_until": False})

    @api.model
    def _adv_expire_disputes(self, today):
        expired = self.search(
            [
                ("adv_dispute", "=", True),
                ("adv_dispute_until", "!=", False),
                ("adv_dispute_until", "<", today),
            ]
        )
        expired.action_adv_end_dispute()
        return expired
