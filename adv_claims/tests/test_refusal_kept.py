# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A refused qualification, or a refused change of a claim, loses nothing the handler saved.

In the web client the handler's typing is saved (``web_save``) before the button's call runs in
a transaction of its own; a refusal rolls that transaction back. What must hold: the claim, its
lines, its evidence and its fields are in the database as the handler saved them, and its stage
did not move. ``assertRaises`` rolls back to a savepoint and the test's own cursor would read the
state from before the call whatever happened: here the fixtures are committed through real
cursors, each step runs in a fresh cursor as the handler, the outcome is read back from another
cursor, and everything committed is removed at the end.
"""

import base64

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

RESOLUTION_ACTIVITY = "adv_claims.mail_activity_claim_resolution"
# The company switches of order control (when installed) that would hold the fixture's order.
ORDER_CONTROL_SWITCHES = ("adv_conformity_check", "adv_solvency_new_customer")


@tagged("post_install", "-at_install")
class TestClaimRefusalIsKept(TransactionCase):
    def _env(self, cr, uid=SUPERUSER_ID, **context):
        return api.Environment(cr, uid, {"lang": "en_US", **context})

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            company = env["res.company"].search([], order="id", limit=1)
            switches = [f for f in ORDER_CONTROL_SWITCHES if f in company._fields]
            was = {f: company[f] for f in switches}
            company.write(dict.fromkeys(switches, False))
            handler = new_test_user(
                env,
                login="claims_kept_handler",
                name="Kept Handler",
                lang="en_US",
                groups="adv_claims.group_claim_handler",
                company_id=company.id,
            )
            customer = env["res.partner"].create({"name": "Kept Carrelages", "is_company": True})
            product = env["product.product"].create(
                {"name": "Kept laying day", "type": "service", "list_price": 50.0}
            )
            order = env["sale.order"].create(
                {
                    "partner_id": customer.id,
                    "company_id": company.id,
                    "order_line": [
                        Command.create(
                            {"product_id": product.id, "product_uom_qty": 10, "tax_id": []}
                        )
                    ],
                }
            )
            order.action_confirm()
            order.order_line.qty_delivered = 10  # 10 days delivered: at most 10 claimed
            self.handler_id, self.customer_id = handler.id, customer.id
            self.order_id, self.sale_line_id = order.id, order.order_line.id
        self.addCleanup(self._remove, company.id, was, product.id, handler.id)

    def _remove(self, company_id, was, product_id, handler_id):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            claims = env["adv.claim"].search([("partner_id", "=", self.customer_id)])
            attachments = claims.evidence_ids.attachment_ids
            claims.unlink()  # new claims: their lines, evidence, messages and activities go too
            attachments.unlink()
            order = env["sale.order"].browse(self.order_id)
            order._action_cancel()
            order.unlink()
            env["product.product"].browse(product_id).product_tmpl_id.unlink()
            env["res.partner"].browse(self.customer_id).unlink()
            handler = env["res.users"].browse(handler_id)
            partner = handler.partner_id
            handler.unlink()
            partner.unlink()
            env["res.company"].browse(company_id).write(was)

    # ------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------

    def _saved_claim(self, **values):
        """A claim the handler typed and saved (committed): 4 of the 10 delivered days, a
        photo with its file, and the fields the qualification reads."""
        with self.registry.cursor() as cr:
            env = self._env(cr, self.handler_id)
            photo = env["ir.attachment"].create(
                {"name": "crack.png", "datas": base64.b64encode(b"kept photo")}
            )
            claim = env["adv.claim"].create(
                {
                    "partner_id": self.customer_id,
                    "subject": "Kept: tiles laid crooked",
                    "type_id": env.ref("adv_claims.claim_type_quality").id,
                    "severity": "high",
                    "justified": "yes",
                    "cause": "Wrong adhesive",
                    "sale_order_id": self.order_id,
                    "line_ids": [
                        Command.create({"sale_line_id": self.sale_line_id, "quantity": 4})
                    ],
                    "evidence_ids": [
                        Command.create(
                            {
                                "kind_id": env.ref("adv_claims.evidence_photos").id,
                                "note": "Photos of room 2",
                                "attachment_ids": [Command.set(photo.ids)],
                            }
                        )
                    ],
                    **values,
                }
            )
            return claim.id

    def _refused(self, claim_id, call, error=UserError, **context):
        """Run ``call(claim)`` as the handler in a transaction of its own: it must raise
        ``error``; the transaction is rolled back as the server does. Returns the message."""
        with self.registry.cursor() as cr:
            claim = self._env(cr, self.handler_id, **context)["adv.claim"].browse(claim_id)
            try:
                call(claim)
                cr.flush()
            except error as refusal:
                cr.rollback()
                return str(refusal)
            cr.rollback()
        self.fail(f"expected a {error.__name__}: the call went through")

    def _saved(self, claim_id):
        """The claim as committed, read from another cursor: what the handler would see."""
        with self.registry.cursor() as cr:
            env = self._env(cr)
            claim = env["adv.claim"].browse(claim_id)
            resolution = env.ref(RESOLUTION_ACTIVITY)
            return {
                "state": claim.state,
                "fields": (claim.severity, claim.justified, claim.cause, claim.responsible_party),
                "dates": (str(claim.date_delivered or ""), str(claim.date_reserve or "")),
                "lines": [(line.sale_line_id.id, line.quantity) for line in claim.line_ids],
                "evidence": [
                    (e.kind_id.name, e.note, e.attachment_ids.mapped("name"))
                    for e in claim.evidence_ids
                ],
                "resolution_activity": resolution in claim.activity_ids.activity_type_id,
            }

    # ------------------------------------------------------------
    # tests
    # ------------------------------------------------------------

    def test_missing_evidence_refuses_and_keeps_the_claim_as_saved(self):
        """The sample is missing: qualifying is refused on every path (the button, a plain
        write, a write with import / default keys in its context), the claim is still New and
        has all it had; with the sample added the same claim qualifies."""
        claim_id = self._saved_claim()
        expected = {
            "state": "new",
            "fields": ("high", "yes", "Wrong adhesive", "supplier"),
            "dates": ("", ""),
            "lines": [(self.sale_line_id, 4.0)],
            "evidence": [("Photos", "Photos of room 2", ["crack.png"])],
            "resolution_activity": False,
        }
        self.assertEqual(self._saved(claim_id), expected)
        context = {"import_file": True, "tracking_disable": True, "default_state": "qualified"}
        for call, ctx in (
            (lambda c: c.action_qualify(), {}),
            (lambda c: c.write({"state": "qualified"}), {}),
            (lambda c: c.write({"state": "qualified"}), context),
        ):
            with self.subTest(context=ctx):
                message = self._refused(claim_id, call, **ctx)
                self.assertIn("cannot be qualified; missing: evidence: Sample", message)
                self.assertEqual(self._saved(claim_id), expected)
        # The kept claim is the one that qualifies once completed.
        with self.registry.cursor() as cr:
            claim = self._env(cr, self.handler_id)["adv.claim"].browse(claim_id)
            claim.evidence_ids = [
                Command.create(
                    {"kind_id": claim.env.ref("adv_claims.evidence_sample").id, "note": "B7"}
                )
            ]
            claim.action_qualify()
            self.assertEqual(claim.state, "qualified")
            cr.rollback()  # kept New, to be removed at the end

    def test_the_typing_saved_before_the_refused_button_is_kept(self):
        """The web client saves the form, then calls Qualify: the handler's changes of that save
        (a second line, a new cause, a severity) stay when Qualify is refused."""
        claim_id = self._saved_claim()
        with self.registry.cursor() as cr:  # web_save
            claim = self._env(cr, self.handler_id)["adv.claim"].browse(claim_id)
            claim.write(
                {
                    "cause": "Adhesive for walls used on floors",
                    "severity": "critical",
                    "line_ids": [
                        Command.create({"sale_line_id": self.sale_line_id, "quantity": 2})
                    ],
                }
            )
        message = self._refused(claim_id, lambda c: c.action_qualify())
        self.assertIn("evidence: Sample", message)
        saved = self._saved(claim_id)
        self.assertEqual(saved["state"], "new")
        self.assertEqual(
            saved["fields"], ("critical", "yes", "Adhesive for walls used on floors", "supplier")
        )
        self.assertEqual(saved["lines"], [(self.sale_line_id, 4.0), (self.sale_line_id, 2.0)])
        self.assertEqual(saved["evidence"], [("Photos", "Photos of room 2", ["crack.png"])])

    def test_a_quantity_above_delivered_is_refused_and_the_saved_lines_stay(self):
        """11 days claimed out of 10 delivered, in the same save as a new cause: refused, the
        claim keeps its 4 days and its former cause (nothing half-saved)."""
        claim_id = self._saved_claim()
        message = self._refused(
            claim_id,
            lambda c: c.write(
                {
                    "cause": "Typed with the refused quantity",
                    "line_ids": [Command.update(c.line_ids.id, {"quantity": 11})],
                }
            ),
            error=ValidationError,
        )
        self.assertIn("11.0 claimed but only 10.0 delivered or invoiced", message)
        saved = self._saved(claim_id)
        self.assertEqual(saved["lines"], [(self.sale_line_id, 4.0)])
        self.assertEqual(saved["fields"][2], "Wrong adhesive")
        self.assertEqual(saved["state"], "new")
        # Nor a second claim taking the total on the same delivered line above 10 (4 + 7).
        message = self._refused(
            claim_id,
            lambda c: c.create(
                {
                    "partner_id": self.customer_id,
                    "subject": "Kept: a second claim",
                    "line_ids": [
                        Command.create({"sale_line_id": self.sale_line_id, "quantity": 7})
                    ],
                }
            ),
            error=ValidationError,
        )
        self.assertIn("11.0 claimed but only 10.0 delivered", message)
        with self.registry.cursor() as cr:
            claims = self._env(cr)["adv.claim"].search([("partner_id", "=", self.customer_id)])
            self.assertEqual(claims.ids, [claim_id])
        self.assertEqual(self._saved(claim_id)["lines"], [(self.sale_line_id, 4.0)])

    def test_carrier_reserve_dates_missing_refuse_and_keep_the_delivery_date(self):
        """A transport damage needs the delivery date and the day reserves were sent: without
        the second, qualifying is refused and the delivery date typed is kept."""
        with self.registry.cursor() as cr:
            env = self._env(cr)
            damage = env.ref("adv_claims.claim_type_damage")
            note = env.ref("adv_claims.evidence_delivery_note")
        claim_id = self._saved_claim(type_id=damage.id)
        with self.registry.cursor() as cr:  # web_save
            claim = self._env(cr, self.handler_id)["adv.claim"].browse(claim_id)
            claim.write(
                {
                    "date_delivered": "2026-04-30",
                    "evidence_ids": [Command.create({"kind_id": note.id, "note": "CMR"})],
                }
            )
        message = self._refused(claim_id, lambda c: c.action_qualify())
        self.assertIn("missing: the delivery date and the date reserves were sent", message)
        saved = self._saved(claim_id)
        self.assertEqual((saved["state"], saved["dates"]), ("new", ("2026-04-30", "")))
        self.assertEqual(
            [kind for kind, *__ in saved["evidence"]], ["Photos", "Delivery note with reserves"]
        )
        self.assertEqual(saved["fields"][3], "carrier")  # the type's default, as saved

    def test_a_forbidden_stage_is_refused_and_the_stage_kept(self):
        claim_id = self._saved_claim()
        for call in (lambda c: c.action_resolve(), lambda c: c.write({"state": "closed"})):
            message = self._refused(claim_id, call)
            self.assertRegex(message, "cannot go from New to (Resolved|Closed)")
            self.assertEqual(self._saved(claim_id)["state"], "new")
