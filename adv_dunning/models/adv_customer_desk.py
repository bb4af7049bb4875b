# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The customer desk's dunning part: a caller found by an invoice number, their open invoices
with due dates, dunning level, disputes and payment promises, and recording a promise."""

from odoo import fields, models

from odoo.addons.adv_base.tools import desk

MAX_INVOICES = 20
OPEN_INVOICES = [
    ("move_type", "in", ("out_invoice", "out_refund")),
    ("state", "=", "posted"),
    ("payment_state", "in", ("not_paid", "partial")),
]


class AdvCustomerDesk(models.AbstractModel):
    _inherit = "adv.customer.desk"

    def _adv_desk_find(self, term, limit):
        matches = super()._adv_desk_find(term, limit)
        if not self._adv_desk_can_read("account.move"):
            return matches
        invoices = self.env["account.move"].search(
            [("move_type", "in", ("out_invoice", "out_refund")), ("name", "ilike", term)],
            limit=limit,
            order="invoice_date desc, id desc",
        )
        return matches + [
            self._adv_desk_match(invoice.partner_id, "reference", invoice.name, invoice)
            for invoice in invoices
        ]

    def _adv_desk_sections(self, customer):
        sections = super()._adv_desk_sections(customer)
        if self._adv_desk_can_read("account.move"):
            sections["invoices"] = self._adv_desk_invoices_section(customer)
        return sections

    def _adv_desk_actions(self):
        return {**super()._adv_desk_actions(), "promise": "_adv_desk_action_promise"}

    def _adv_desk_invoices_section(self, customer):
        env = self.env
        today = fields.Date.context_today(self)
        invoices = env["account.move"].search(
            [("partner_id", "child_of", customer.ids), *OPEN_INVOICES],
            limit=MAX_INVOICES,
            order="invoice_date_due, id",
        )
        rows = [self._adv_desk_invoice_row(invoice, today) for invoice in invoices]
        figures, alerts = [], []
        if customer._fields["adv_dunning_level_id"].is_accessible(env):
            figures = self._adv_desk_dunning_figures(customer, today)
        if self._adv_desk_can_read("adv.dunning.promise"):
            promises = env["adv.dunning.promise"].search(
                [("partner_id", "=", customer.id), ("state", "=", "open")], order="date"
            )
            alerts += [
                env._(
                    "Payment promised: %(amount)s on %(date)s",
                    amount=desk.famount(env, promise.amount, promise.currency_id),
                    date=desk.fdate(env, promise.date),
                )
                for promise in promises
            ]
        actions = []
        if env["adv.dunning.promise"].has_access("create"):
            actions.append(desk.action("promise", env._("Record a payment promise")))
        return desk.section(
            "invoices",
            env._("Open invoices"),
            30,
            rows,
            figures=figures,
            alerts=alerts,
            actions=actions,
            empty=env._("No open invoice."),
        )

    def _adv_desk_dunning_figures(self, customer, today):
        """The customer's dunning level (the highest notified on their open receivables) and
        overdue, in the company's currency: two grouped queries on the customer's own lines
        (the partner's aged-balance view would be aggregated for every customer)."""
        env = self.env
        company = env.company
        lines = env["account.move.line"]
        domain = [
            ("partner_id", "child_of", customer.ids),
            ("company_id", "=", company.id),
            ("account_type", "=", "asset_receivable"),
            ("parent_state", "=", "posted"),
            ("reconciled", "=", False),
        ]
        levels = [
            level
            for (level,) in lines._read_group(
                [*domain, ("adv_dunning_level_id", "!=", False)], ["adv_dunning_level_id"]
            )
        ]
        level = max(levels, key=lambda lv: lv.days, default=env["adv.dunning.level"])
        [[overdue]] = lines._read_group(
            [*domain, ("date_maturity", "<", today)], [], ["amount_residual:sum"]
        )
        return [
            desk.figure(
                env._("Dunning level"),
                level.name or env._("None"),
                "warning" if level else "success",
            ),
            desk.figure(
                env._("Overdue"),
                desk.famount(env, overdue, company.currency_id),
                "danger" if overdue else "secondary",
            ),
        ]

    def _adv_desk_invoice_row(self, invoice, today):
        env = self.env
        due = invoice.invoice_date_due
        badges = []
        if due and due < today:
            days = (today - due).days
            badges.append(desk.badge(env._("%(days)s days overdue", days=days), "danger"))
        if invoice.adv_dunning_level_id:
            badges.append(desk.badge(invoice.adv_dunning_level_id.name, "warning"))
        if invoice.adv_dunning_suspension:
            badges.append(desk.badge(invoice.adv_dunning_suspension, "info"))
        return desk.row(
            invoice,
            invoice.name,
            desk.fdate(env, invoice.invoice_date),
            badges=badges,
            details=[
                desk.detail(env._("Due"), desk.fdate(env, due)),
                desk.detail(
                    env._("Left to pay"),
                    desk.famount(env, invoice.amount_residual, invoice.currency_id),
                ),
            ],
        )

    def _adv_desk_action_promise(self, customer, res_id=False):
        """A new payment promise of the customer (collectors: the promise's own access rules
        apply when it is saved)."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record a payment promise"),
            "res_model": "adv.dunning.promise",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_partner_id": customer.id},
        }
