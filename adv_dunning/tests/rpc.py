# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Calls of a remote client: ``/web/dataset/call_kw`` in the HTTP session of the test."""

import json


class RpcMixin:
    """Mixed into an ``HttpCase``: ``call`` returns the result, ``assertRefusedCall`` checks the
    call failed with the given exception (and message)."""

    def call(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def assertRefusedCall(self, error, model, method, *args, says=None, **kwargs):
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": model,
                        "method": method,
                        "args": list(args),
                        "kwargs": kwargs,
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        failure = response.json().get("error")
        self.assertTrue(failure, f"{model}.{method} was not refused")
        self.assertEqual(failure["data"]["name"], f"odoo.exceptions.{error}")
        if says:
            self.assertIn(says, failure["data"]["message"])
