# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A local SMTP server for the crash tests: it accepts every message, counts them by recipient,
and can hold one message open (its SMTP transaction not answered yet) while the test kills the
process that sends it."""

import asyncio
import socket
import threading
from collections import Counter

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SmtpSink:
    """``start()`` / ``stop()``; ``received``: the recipients of each message received, in
    order. ``hold_for(address)``: the next message to ``address`` is received (and counted: the
    server has it, as a real server would) but not answered until :meth:`release`; ``holding``
    is set meanwhile, so the test knows a message is in flight."""

    def __init__(self):
        self.host = "127.0.0.1"
        self.port = free_port()
        self.received = []
        self.held = None
        self._hold_address = None
        self.holding = threading.Event()
        self._released = threading.Event()
        self._lock = threading.Lock()
        self._controller = Controller(self, hostname=self.host, port=self.port)

    def start(self):
        self._controller.start()

    def stop(self):
        self._released.set()
        self._controller.stop()

    def hold_for(self, address):
        self._hold_address = address.lower()

    def release(self):
        self._released.set()

    def count(self, address=None):
        """Messages received in all, or for ``address``."""
        with self._lock:
            if address is None:
                return len(self.received)
            return sum(address.lower() in rcpts for rcpts in self.received)

    def by_recipient(self):
        with self._lock:
            return Counter(addr for rcpts in self.received for addr in rcpts)

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd calls it by this name
        rcpts = {addr.lower() for addr in envelope.rcpt_tos}
        with self._lock:
            self.received.append(rcpts)
            hold = self._hold_address in rcpts and self.held is None
            if hold:
                self.held = self._hold_address
        if hold:
            self.holding.set()
            while not self._released.is_set():
                await asyncio.sleep(0.01)
        return "250 Message accepted for delivery"
