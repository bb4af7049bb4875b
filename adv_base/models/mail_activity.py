# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""My Day on every activity: its stake, its partner and its priority (the extension points are
on ``mail.activity.mixin``; the formula in ``adv_base/tools/day_priority.py``)."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools import day_priority


class MailActivity(models.Model):
    _inherit = "mail.activity"

    adv_stake = fields.Monetary(
        string="Stake",
        currency_field="adv_currency_id",
        compute="_compute_adv_stake",
        store=True,
        help="What this work item puts at risk (amount to release, overdue amount, claim "
        "stake, late order value...), in the company's currency. It counts in My Day's "
        "priority.",
    )
    adv_currency_id = fields.Many2one(
        comodel_name="res.currency",
        compute="_compute_adv_stake",
        store=True,
        string="Stake Currency",
    )
    adv_partner_id = fields.Many2one(
        comodel_name="res.partner",
        compute="_compute_adv_partner",
        store=True,
        index="btree_not_null",
        string="Partner",
        help="The customer (or vendor, carrier) the work item is about.",
    )
    adv_source = fields.Char(
        string="Source",
        related="res_model_id.name",
        help="The kind of record the work item is about.",
    )
    adv_reason = fields.Char(
        string="Reason",
        compute="_compute_adv_reason",
        help="What is to be done: the activity's summary, else its type.",
    )
    adv_priority = fields.Float(
        string="Priority",
        digits=(16, 1),
        compute="_compute_adv_priority",
        store=True,
        help="My Day's order, highest first: the type's weight, plus 2 points a day late (at "
        "most 14, minus as much before the due date), plus 20 points for each factor of ten "
        "of the stake. Recomputed each night.",
    )
    adv_day_head_of = fields.Many2one(
        comodel_name="res.users",
        string="First of its document in the day of",
        compute="_compute_adv_day_fold",
        search="_search_adv_day_head_of",
        help="Its user, when it is the open activity with the highest priority among those of "
        "its user on its document: My Day shows one line per document. Searched for one user "
        "at a time (My Day: the current user), on that user's activities only.",
    )
    adv_day_more = fields.Integer(
        string="More on the document",
        compute="_compute_adv_day_fold",
        help="How many other open activities its user has on the same document.",
    )

    def _adv_day_documents(self):
        """``(model name, activities, documents)`` per document model of ``self``: the
        documents that exist and carry My Day's extension points, as superuser (None else)."""
        by_model = {}
        for activity in self:
            by_model.setdefault(activity.res_model, self.browse())
            by_model[activity.res_model] |= activity
        for model_name, activities in by_model.items():
            model = self.env.get(model_name) if model_name else None
            documents = None
            if model is not None and hasattr(model, "_adv_day_stake"):
                ids = [aid for aid in activities.mapped("res_id") if aid]
                documents = model.sudo().browse(ids).exists()
            yield model_name, activities, documents

    @api.depends("res_model", "res_id")
    def _compute_adv_stake(self):
        default_currency = self.env.company.currency_id
        for model_name, activities, documents in self._adv_day_documents():
            stakes, currencies = {}, {}
            if documents:
                stakes = documents._adv_day_stake()
                # A stake is in its record's company currency (one read per model); a
                # contact's company only restricts who sees it: its stake is the user's company's.
                if model_name != "res.partner" and isinstance(
                    documents._fields.get("company_id"), fields.Many2one
                ):
                    currencies = {
                        record.id: record.company_id.currency_id
                        for record in documents
                        if record.company_id
                    }
            for activity in activities:
                activity.adv_stake = stakes.get(activity.res_id, 0.0)
                activity.adv_currency_id = currencies.get(activity.res_id, default_currency)

    @api.depends("res_model", "res_id")
    def _compute_adv_partner(self):
        for _model_name, activities, documents in self._adv_day_documents():
            partners = documents._adv_day_partner() if documents else {}
            for activity in activities:
                activity.adv_partner_id = partners.get(activity.res_id, False)

    @api.depends("summary", "activity_type_id")
    def _compute_adv_reason(self):
        for activity in self:
            activity.adv_reason = activity.summary or activity.activity_type_id.name or False

    @api.depends("date_deadline", "adv_stake", "activity_type_id.adv_priority_weight")
    def _compute_adv_priority(self):
        params = day_priority.read_params(self.env)
        today = fields.Date.context_today(self)
        for activity in self:
            days_late = (today - activity.date_deadline).days if activity.date_deadline else 0
            activity.adv_priority = day_priority.score(
                activity.activity_type_id.adv_priority_weight,
                activity.adv_stake,
                days_late,
                params,
            )

    def _adv_day_groups(self, where):
        """SQL: each open activity matching ``where`` with the size of its group (same user,
        same document) and its rank in it (priority, then deadline)."""
        return SQL(
            """SELECT o.id,
                      COUNT(*) OVER doc AS size,
                      ROW_NUMBER() OVER (doc ORDER BY o.adv_priority DESC NULLS LAST,
                                         o.date_deadline, o.id) AS rank
                 FROM mail_activity o
                WHERE o.active AND %s
               WINDOW doc AS (PARTITION BY o.res_model, o.res_id, o.user_id)""",
            where,
        )

    def _compute_adv_day_fold(self):
        self.flush_model(["adv_priority", "date_deadline", "res_model", "res_id", "user_id"])
        real = [aid for aid in self.ids if isinstance(aid, int)]
        groups = {}
        if real:
            keys = SQL(
                "(o.res_model, o.res_id, o.user_id) IN (SELECT res_model, res_id, user_id "
                "FROM mail_activity WHERE id = ANY(%s))",
                real,
            )
            rows = self.env.execute_query(self._adv_day_groups(keys))
            groups = {aid: (size, rank) for aid, size, rank in rows}
        for activity in self:
            size, rank = groups.get(activity.id, (1, 1))
            activity.adv_day_head_of = activity.user_id if rank == 1 else False
            activity.adv_day_more = size - 1

    def _search_adv_day_head_of(self, operator, value):
        if operator != "=" or not isinstance(value, int) or isinstance(value, bool):
            raise NotImplementedError(f"Unsupported search on adv_day_head_of: {operator} {value}")
        self.flush_model(["adv_priority", "date_deadline", "res_model", "res_id", "user_id"])
        # One user's activities only (the user_id index): the whole table is never ranked.
        heads = SQL(
            "(SELECT g.id FROM (%s) g WHERE g.rank = 1)",
            self._adv_day_groups(SQL("o.user_id = %s", value)),
        )
        # Done activities (kept by their type) are not folded: each is its own line.
        return [("user_id", "=", value), "|", ("active", "=", False), ("id", "in", heads)]

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def _adv_snooze(self, deadline):
        """Move the open activities of ``self`` to ``deadline(current deadline)``: the user's
        own rights apply (Odoo's rule: one's own activities, or the document's writers)."""
        moves = {}
        for activity in self.filtered("active"):
            new = deadline(activity.date_deadline)
            moves[new] = moves.get(new, self.browse()) | activity
        for new, activities in moves.items():
            activities.write({"date_deadline": new})
        return True

    def action_adv_snooze_tomorrow(self):
        """Snooze to tomorrow (an item due later keeps its later date plus a day)."""
        today = fields.Date.context_today(self)
        return self._adv_snooze(lambda due: max(due, today) + timedelta(days=1))

    def action_adv_snooze_next_week(self):
        """Snooze to next Monday (or a week after a later due date)."""
        today = fields.Date.context_today(self)
        monday = today + timedelta(days=7 - today.weekday())
        return self._adv_snooze(lambda due: monday if due < monday else due + timedelta(days=7))

    def action_adv_day_open(self):
        """Open where the work is decided: the document's own answer
        (``_adv_day_decision``), else the document, as a click on the line does."""
        self.ensure_one()
        document = self.env[self.res_model].browse(self.res_id)
        if hasattr(document, "_adv_day_decision"):
            action = document._adv_day_decision(self)
            if action:
                return action
        return self.action_open_document()

    # ------------------------------------------------------------
    # CRON
    # ------------------------------------------------------------

    @api.model
    def _cron_adv_day_priority(self):
        """Each night: every open activity's priority for the new date, in one statement (the
        days late move with the date). Returns how many changed."""
        self.flush_model()
        params = day_priority.read_params(self.env)
        today = fields.Date.context_today(self)
        expression = day_priority.score_sql(params, today)
        changed = self.env.execute_query(
            SQL(
                """UPDATE mail_activity a SET adv_priority = %(value)s
                    WHERE a.active AND a.adv_priority IS DISTINCT FROM %(value)s
                RETURNING a.id""",
                value=expression,
            )
        )
        self.invalidate_model(["adv_priority"])
        return len(changed)
