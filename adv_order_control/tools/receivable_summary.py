# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Open receivables summed ahead, so that the credit control costs the same at 20 or 20 000 open
invoices.

Summing a customer's open receivable items at each confirmation reads all of them: 11 ms at
20 000 items on a warm index, more than the rest of the confirmation's overhead together. So the
open receivable items are kept summed by (partner, company, due date) in two plain tables,
maintained by PostgreSQL itself:

- ``adv_receivable_delta``: statement-level triggers on ``account_move_line`` append, for every
  INSERT / UPDATE / DELETE statement, the change it made to the open receivable items (grouped by
  partner, company and due date; the rows before the statement count negatively, after it
  positively). Appending never updates a shared row: two users posting or reconciling for the
  same customer at once never wait for each other here.
- ``adv_receivable_balance``: the deltas folded in, one row per (partner, company, due date), by
  an hourly cron (and when the summary is rebuilt).

The exposure (the function ``adv_credit_exposure``, with every other component of the exposure and
the credit lock) reads balance + pending deltas of the customer's partners: a few rows per due date.
An item counts while it is on a receivable account, posted and not reconciled, as in Odoo's own
open-items domain. ``_adv_rebuild_receivable_summary`` recomputes everything from the journal
items (at install, and on demand if an account's type was changed after items were booked on it).
"""

TABLES = """
CREATE TABLE IF NOT EXISTS adv_receivable_balance (
    partner_id integer NOT NULL,
    company_id integer NOT NULL,
    date_maturity date NOT NULL,
    residual numeric NOT NULL DEFAULT 0,
    positive numeric NOT NULL DEFAULT 0,
    items integer NOT NULL DEFAULT 0,
    PRIMARY KEY (partner_id, company_id, date_maturity)
);
CREATE TABLE IF NOT EXISTS adv_receivable_delta (
    partner_id integer NOT NULL,
    company_id integer NOT NULL,
    date_maturity date NOT NULL,
    residual numeric NOT NULL DEFAULT 0,
    positive numeric NOT NULL DEFAULT 0,
    items integer NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS adv_receivable_delta_partner_idx
    ON adv_receivable_delta (partner_id, company_id);
"""

# The contribution of a set of journal item rows (``{rows}``) to the summary, signed ``{sign}``.
_OPEN_ITEMS = """
    SELECT r.partner_id, r.company_id, COALESCE(r.date_maturity, 'infinity'::date) AS due,
           {sign} r.amount_residual AS residual,
           {sign} GREATEST(r.amount_residual, 0) AS positive,
           {sign} (CASE WHEN r.amount_residual > 0 THEN 1 ELSE 0 END) AS items
      FROM {rows} r
      JOIN account_account a ON a.id = r.account_id AND a.account_type = 'asset_receivable'
     WHERE r.parent_state = 'posted' AND r.reconciled IS NOT TRUE AND r.partner_id IS NOT NULL
"""


def _delta_function(name, parts):
    union = " UNION ALL ".join(_OPEN_ITEMS.format(rows=rows, sign=sign) for rows, sign in parts)
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO adv_receivable_delta
           (partner_id, company_id, date_maturity, residual, positive, items)
    SELECT partner_id, company_id, due, SUM(residual), SUM(positive), SUM(items)
      FROM ({union}) changes
  GROUP BY partner_id, company_id, due
    HAVING SUM(residual) <> 0 OR SUM(positive) <> 0 OR SUM(items) <> 0;
    RETURN NULL;
END $$;
"""


FUNCTIONS = (
    _delta_function("adv_receivable_on_insert", [("new_rows", "")])
    + _delta_function("adv_receivable_on_update", [("new_rows", ""), ("old_rows", "-")])
    + _delta_function("adv_receivable_on_delete", [("old_rows", "-")])
)

TRIGGERS = """
DROP TRIGGER IF EXISTS adv_receivable_insert ON account_move_line;
DROP TRIGGER IF EXISTS adv_receivable_update ON account_move_line;
DROP TRIGGER IF EXISTS adv_receivable_delete ON account_move_line;
CREATE TRIGGER adv_receivable_insert AFTER INSERT ON account_move_line
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION adv_receivable_on_insert();
CREATE TRIGGER adv_receivable_update AFTER UPDATE ON account_move_line
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION adv_receivable_on_update();
CREATE TRIGGER adv_receivable_delete AFTER DELETE ON account_move_line
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION adv_receivable_on_delete();
"""

REBUILD = """
LOCK TABLE adv_receivable_delta IN EXCLUSIVE MODE;
DELETE FROM adv_receivable_delta;
DELETE FROM adv_receivable_balance;
INSERT INTO adv_receivable_balance
       (partner_id, company_id, date_maturity, residual, positive, items)
SELECT partner_id, company_id, due, SUM(residual), SUM(positive), SUM(items)
  FROM ({items}) open_items
GROUP BY partner_id, company_id, due;
""".format(items=_OPEN_ITEMS.format(rows="account_move_line", sign=""))

# Fold the pending deltas into the balance (one cron at a time; writers keep appending).
COMPACT = """
WITH moved AS (
    DELETE FROM adv_receivable_delta
    RETURNING partner_id, company_id, date_maturity, residual, positive, items
), folded AS (
    SELECT partner_id, company_id, date_maturity,
           SUM(residual) AS residual, SUM(positive) AS positive, SUM(items) AS items
      FROM moved GROUP BY partner_id, company_id, date_maturity
)
INSERT INTO adv_receivable_balance AS b
       (partner_id, company_id, date_maturity, residual, positive, items)
SELECT * FROM folded
    ON CONFLICT (partner_id, company_id, date_maturity) DO UPDATE
   SET residual = b.residual + EXCLUDED.residual,
       positive = b.positive + EXCLUDED.positive,
       items = b.items + EXCLUDED.items;
DELETE FROM adv_receivable_balance WHERE items = 0 AND residual = 0 AND positive = 0;
"""

# The whole exposure of a set of customers in one company, and the per-customer credit lock, in
# one call: a function, so that PostgreSQL plans its statements once per connection (planning
# the inline statement cost more than running it).
EXPOSURE_FUNCTION = """
DROP FUNCTION IF EXISTS adv_credit_exposure(integer[], integer, date, date, boolean);
CREATE FUNCTION adv_credit_exposure(
    p_ids integer[], p_company integer, p_before date, p_today date, p_lock boolean)
RETURNS TABLE (partner_id integer, residual numeric, overdue numeric, oldest_due date,
               draft numeric, has_paid boolean, orders numeric, hold_reason text,
               hold_since timestamp, hold_user text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
    IF p_lock THEN
        -- The suite's lock (adv_base's adv.lock), one key per customer.
        PERFORM adv_lock_acquire('adv_order_control.credit', p_ids::text[], p_company, true);
    END IF;
    RETURN QUERY
    WITH members AS (
        SELECT p.id AS member_id, p.commercial_partner_id AS pid FROM res_partner p
         WHERE p.commercial_partner_id = ANY(p_ids)
    ), by_due AS (
        SELECT m.pid, s.date_maturity AS due, SUM(s.residual) AS residual,
               SUM(s.positive) AS positive, SUM(s.items) AS items
          FROM members m
          JOIN (SELECT b.partner_id, b.date_maturity, b.residual, b.positive, b.items
                  FROM adv_receivable_balance b WHERE b.company_id = p_company
                UNION ALL
                SELECT d.partner_id, d.date_maturity, d.residual, d.positive, d.items
                  FROM adv_receivable_delta d WHERE d.company_id = p_company) s
            ON s.partner_id = m.member_id
      GROUP BY m.pid, s.date_maturity
    ), receivables AS (
        SELECT bd.pid, SUM(bd.residual) AS residual,
               SUM(bd.positive) FILTER (WHERE bd.due < p_before) AS overdue,
               MIN(bd.due) FILTER (WHERE bd.due < p_before AND bd.items > 0) AS oldest
          FROM by_due bd GROUP BY bd.pid
    ), invoiced AS (
        -- What the posted invoices and credit notes of this customer in this company billed of
        -- each order line, in company currency: a draft invoice bills nothing yet.
        SELECT rel.order_line_id AS line_id,
               SUM(aml.price_total / COALESCE(NULLIF(mv.invoice_currency_rate, 0), 1)
                   * CASE WHEN mv.move_type = 'out_refund' THEN -1 ELSE 1 END) AS amount
          FROM members m
          JOIN sale_order o ON o.partner_invoice_id = m.member_id
          JOIN sale_order_line l ON l.order_id = o.id
          JOIN sale_order_line_invoice_rel rel ON rel.order_line_id = l.id
          JOIN account_move_line aml ON aml.id = rel.invoice_line_id
          JOIN account_move mv ON mv.id = aml.move_id
         WHERE o.company_id = p_company AND o.state = 'sale'
           AND mv.state = 'posted' AND mv.move_type IN ('out_invoice', 'out_refund')
           AND mv.company_id = p_company AND mv.commercial_partner_id = m.pid
      GROUP BY rel.order_line_id
    ), per_line AS (
        SELECT o.id AS order_id, m.pid, l.is_downpayment AND l.product_uom_qty = 0 AS down_payment,
               l.price_total / COALESCE(NULLIF(o.currency_rate, 0), 1) AS total,
               COALESCE(inv.amount, 0) AS billed
          FROM members m
          JOIN sale_order o ON o.partner_invoice_id = m.member_id
          JOIN sale_order_line l ON l.order_id = o.id AND l.display_type IS NULL
     LEFT JOIN invoiced inv ON inv.line_id = l.id
         WHERE o.company_id = p_company AND o.state = 'sale'
    ), per_order AS (
        -- Each line's part still to bill (a discount line's part stays negative), less the
        -- down payments billed and not yet deducted (the line ordered at 0 that Odoo adds).
        SELECT pl.order_id, pl.pid,
               SUM(CASE WHEN pl.down_payment THEN 0
                        WHEN pl.total >= 0 THEN GREATEST(pl.total - pl.billed, 0)
                        ELSE LEAST(pl.total - pl.billed, 0) END) AS to_invoice,
               SUM(CASE WHEN pl.down_payment THEN pl.billed ELSE 0 END) AS down_payments
          FROM per_line pl
      GROUP BY pl.order_id, pl.pid
    ), orders AS (
        SELECT po.pid, SUM(GREATEST(po.to_invoice - po.down_payments, 0)) AS amount
          FROM per_order po
      GROUP BY po.pid
    )
    SELECT pt.pid, r.residual, r.overdue, r.oldest,
           -- Draft invoices count, but for their lines made from orders (the orders count
           -- those until the invoice is posted); a draft credit note lowers nothing.
           (SELECT SUM(GREATEST(d.amount, 0)) FROM (
                SELECT SUM(aml.price_total
                           / COALESCE(NULLIF(mv.invoice_currency_rate, 0), 1)) AS amount
                  FROM account_move mv
                  JOIN account_move_line aml ON aml.move_id = mv.id
                       AND aml.display_type = 'product'
                 WHERE mv.commercial_partner_id = pt.pid AND mv.company_id = p_company
                   AND mv.state = 'draft' AND mv.move_type = 'out_invoice'
                   AND NOT EXISTS (SELECT 1 FROM sale_order_line_invoice_rel rel
                                    WHERE rel.invoice_line_id = aml.id)
              GROUP BY mv.id) d),
           EXISTS (SELECT 1 FROM account_move mv
                    WHERE mv.commercial_partner_id = pt.pid AND mv.company_id = p_company
                      AND mv.state = 'posted' AND mv.move_type = 'out_invoice'
                      AND mv.payment_state IN ('paid', 'in_payment')),
           o.amount, h.reason::text, h.date::timestamp, h.user_name::text
      FROM unnest(p_ids) AS pt(pid)
 LEFT JOIN receivables r ON r.pid = pt.pid
 LEFT JOIN orders o ON o.pid = pt.pid
 LEFT JOIN LATERAL (
           SELECT ch.reason, ch.date, up.name AS user_name
             FROM adv_credit_hold ch
             JOIN res_users u ON u.id = ch.user_id
             JOIN res_partner up ON up.id = u.partner_id
            WHERE ch.partner_id = pt.pid AND ch.company_id = p_company AND ch.active
         ORDER BY ch.date DESC, ch.id DESC LIMIT 1) h ON TRUE;
END $$;
"""

DROP = """
DROP TRIGGER IF EXISTS adv_receivable_insert ON account_move_line;
DROP TRIGGER IF EXISTS adv_receivable_update ON account_move_line;
DROP TRIGGER IF EXISTS adv_receivable_delete ON account_move_line;
DROP FUNCTION IF EXISTS adv_receivable_on_insert();
DROP FUNCTION IF EXISTS adv_receivable_on_update();
DROP FUNCTION IF EXISTS adv_receivable_on_delete();
DROP FUNCTION IF EXISTS adv_credit_exposure(integer[], integer, date, date, boolean);
DROP TABLE IF EXISTS adv_receivable_delta;
DROP TABLE IF EXISTS adv_receivable_balance;
"""


def install(cr):
    """Create (or update) the summary tables, functions and triggers; fill it on creation."""
    cr.execute("SELECT to_regclass('adv_receivable_balance') IS NULL")
    new = cr.fetchone()[0]
    cr.execute(TABLES)
    cr.execute(FUNCTIONS)
    cr.execute(TRIGGERS)
    cr.execute(EXPOSURE_FUNCTION)
    if new:
        cr.execute(REBUILD)


def rebuild(cr):
    cr.execute(REBUILD)


def compact(cr):
    """Fold the deltas into the balance; skipped if another compaction is running."""
    cr.execute("SELECT pg_try_advisory_xact_lock(hashtext('adv_receivable_compact'))")
    if cr.fetchone()[0]:
        cr.execute(COMPACT)


def uninstall(cr):
    cr.execute(DROP)
