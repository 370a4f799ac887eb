# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tests of two real transactions at the same moment, for every addon's tests.

The test builds its records on a cursor of its own and commits them
(:meth:`ConcurrencyMixin._committed`), then runs two (or more) transactions on
their own database connections, started together behind a barrier so that each
takes its snapshot before the other writes, and retried on serialization
failures the way Odoo retries an RPC request (``odoo.service.model.retrying``).
Use it in a ``TransactionCase``: an ``HttpCase`` shares one cursor with its
server.
"""

import random
import threading
import time
from functools import partial

from odoo import SUPERUSER_ID, api
from odoo.service.model import (
    MAX_TRIES_ON_CONCURRENCY_FAILURE,
    PG_CONCURRENCY_EXCEPTIONS_TO_RETRY,
)
from odoo.tools import mute_logger


class ConcurrencyMixin:
    def _committed(self, func):
        """Run ``func(env)`` as the superuser on a new cursor and commit it."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            return func(env)

    def _concurrently(self, *funcs, uid=None):
        """Run each ``func(env, arrived)`` in its own thread and transaction, as
        ``uid`` (default: ``self.tablet_uid``); ``arrived()`` waits until every
        transaction got there (call it after a first read). Returns each one's
        result or exception."""
        uid = uid or self.tablet_uid
        barrier = threading.Barrier(len(funcs), timeout=30)
        results = [None] * len(funcs)

        def run(index, func):
            first = [True]

            def arrived():
                if first[0]:  # not again when the transaction is retried
                    first[0] = False
                    barrier.wait()

            try:
                with self.registry.cursor() as cr:
                    # the registry is ours already: Environment() would wait for
                    # its lock, which the test runner holds while tests run
                    cr.transaction = api.Transaction(self.registry)
                    env = api.Environment(cr, uid, {})
                    results[index] = self._retrying(partial(func, env, arrived), env)
            except Exception as error:  # noqa: BLE001 - reported to the test
                results[index] = error
                barrier.abort()

        threads = [
            threading.Thread(target=run, args=(index, func))
            for index, func in enumerate(funcs)
        ]
        # the second transaction's refused write is expected (logged by the
        # thread that gets it, while the others may be done: mute them all here)
        with mute_logger("odoo.sql_db"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
        return results

    @staticmethod
    def _retrying(func, env):
        """``odoo.service.model.retrying`` without its registry lookup (the test
        runner holds the registry's lock): retry on serialization failures."""
        for _attempt in range(MAX_TRIES_ON_CONCURRENCY_FAILURE):
            try:
                result = func()
                env.flush_all()
                return result
            except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
                env.cr.rollback()
                env.invalidate_all()
                time.sleep(random.uniform(0.0, 0.5))
        raise AssertionError("still refused after every retry")
