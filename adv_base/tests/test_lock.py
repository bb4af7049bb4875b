# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The suite's one lock, between real transactions (two cursors on the committed database)."""

from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tests import tagged
from odoo.tests.common import BaseCase, get_db_name

SCOPE = "adv_base.test_lock"


@tagged("post_install", "-at_install")
class TestLock(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())

    def _cursor(self):
        cr = self.registry.cursor()
        self.addCleanup(cr.close)
        return cr, api.Environment(cr, SUPERUSER_ID, {})["adv.lock"]

    def setUp(self):
        super().setUp()
        self.addCleanup(self._purge)  # runs last: after the test's cursors are closed

    def _purge(self):
        with self.registry.cursor() as cr:
            cr.execute("DELETE FROM adv_lock WHERE scope = %s", [SCOPE])

    def test_nowait_gives_up_while_another_transaction_holds_a_key(self):
        cr1, lock1 = self._cursor()
        cr2, lock2 = self._cursor()
        company = lock1.env.ref("base.main_company")
        self.assertTrue(lock1._acquire(SCOPE, ["b", "a"], company))
        # another key of the same company, or the same key elsewhere, is free
        self.assertTrue(lock2._acquire(SCOPE, ["c"], company, wait=False))
        self.assertFalse(lock2._acquire(SCOPE, ["a", "z"], company, wait=False))
        cr2.rollback()
        cr1.commit()
        self.assertTrue(lock2._acquire(SCOPE, ["a", "z"], company, wait=False))
        cr2.rollback()

    def test_a_stale_snapshot_is_refused_after_the_other_committed(self):
        cr1, lock1 = self._cursor()
        cr2, lock2 = self._cursor()
        company = lock1.env.ref("base.main_company")
        cr2.execute("SELECT 1")  # the second transaction's snapshot is taken now
        self.assertTrue(lock1._acquire(SCOPE, [7], company))
        cr1.commit()
        # it would read a world without the first one's work: Odoo's retry replays it
        with self.assertRaises(SerializationFailure), cr2.savepoint(flush=False):
            lock2._acquire(SCOPE, [7], company)
        cr2.rollback()
        self.assertTrue(lock2._acquire(SCOPE, [7], company))

    def test_no_key_is_nothing_to_lock(self):
        cr, lock = self._cursor()
        self.assertTrue(lock._acquire(SCOPE, [None, ""], lock.env.ref("base.main_company")))
        cr.execute("SELECT count(*) FROM adv_lock WHERE scope = %s", [SCOPE])
        self.assertEqual(cr.fetchone()[0], 0)
