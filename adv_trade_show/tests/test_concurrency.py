# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Two phones process the same visitor at the same moment: one lead, both captures linked.

Both ways the second phone gets to see the first one's lead are raced: the usual one (the
processing transaction has changed nothing before: it waits, rolls back and starts over on a
fresh snapshot, with no serialization failure), and the fallback (the transaction has already
written something: it waits, fails with a serialization failure and is retried).
"""

from odoo.tests import tagged

from odoo.addons.adv_base.tests.common import RaceCase

from .common import remove_committed_show

ROUNDS = 8


@tagged("post_install", "-at_install")
class TestConcurrentCapture(RaceCase):
    def _run_rounds(self, values_pairs, action=None):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            show = env["adv.trade.show"].create(
                {
                    "name": "Race show",
                    "country_id": env.ref("base.fr").id,
                    "date_begin": "2026-11-02",
                    "date_end": "2026-11-05",
                }
            )
            rounds = [
                env["adv.trade.show.capture"]
                .create(
                    [
                        dict(values, show_id=show.id, informed=True, name=f"Racer {i}")
                        for values in pair
                    ]
                )
                .ids
                for i, pair in enumerate(values_pairs)
            ]
            show_id = show.id
        try:
            outcome = self.race(
                action
                or (lambda env, cid: env["adv.trade.show.capture"].browse(cid).action_process()),
                rounds,
            )
            with self.registry.cursor() as cr:
                env = self._env(cr)
                for capture_ids in rounds:
                    captures = env["adv.trade.show.capture"].browse(capture_ids)
                    self.assertEqual(captures.mapped("state"), ["done", "done"])
                    self.assertEqual(len(captures.lead_id), 1, "one lead, not two")
                    self.assertEqual(sorted(captures.mapped("matched_by")), ["email", "new"])
                leads = env["crm.lead"].search([("adv_show_id", "=", show_id)])
                self.assertEqual(len(leads), len(rounds))
            return outcome
        finally:
            with self.registry.cursor() as cr:
                env = self._env(cr)
                show = env["adv.trade.show"].browse(show_id)
                captures = show.capture_ids
                keys = captures.mapped("email_normalized") + captures.mapped("phone_e164")
                env["crm.lead"].with_context(active_test=False).search(
                    [("adv_show_id", "=", show_id)]
                ).unlink()
                remove_committed_show(env, show, keys)

    def _pairs(self, tag):
        return [
            (
                {"email": f"{tag}{i}@visitor.example"},
                {"email": f"  {tag.upper()}{i}@Visitor.example ", "phone": f"06 10 20 30 {i:02d}"},
            )
            for i in range(ROUNDS)
        ]

    def test_two_phones_capture_the_same_visitor_at_once(self):
        """The second phone waits and starts over on a fresh snapshot: no serialization
        failure, no retry of the request."""
        Capture = self.registry["adv.trade.show.capture"]
        start_over, started_over = Capture._start_over, []

        def spy(captures):  # the real method, counted
            started_over.append(captures.ids)
            return start_over(captures)

        self.patch(Capture, "_start_over", spy)
        outcome = self._run_rounds(self._pairs("racer"))
        self.assertFalse(outcome.get("retries"))
        # In each round one phone waited for the other: it let go twice, then took the lock.
        self.assertGreaterEqual(len(started_over), 2 * ROUNDS)

    def test_a_transaction_that_already_wrote_is_retried(self):
        """The phone's transaction has written before processing (it cannot start over): it
        waits, fails with a serialization failure, and its retry links to the one lead."""

        def write_then_process(env, capture_id):
            capture = env["adv.trade.show.capture"].browse(capture_id)
            capture.write({"need": "Tiles"})
            capture.action_process()

        outcome = self._run_rounds(self._pairs("writer"), action=write_then_process)
        self.assertTrue(outcome.get("retries"))
