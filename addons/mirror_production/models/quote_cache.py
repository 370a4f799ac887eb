# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the lines of one quote share, found once per transaction.

A quote of a cut list prices dozens of lines of the same few glasses, edge works
and drills: each line would search the same pricelist rules and operations and
convert the same records to the pure package's values. Inside a quote (the
context key ``mirror_glass_quote_cache``, set by ``sale.order.line._glass_quote``)
they are kept in the transaction's pre-commit data, which Odoo empties at every
commit and rollback; records changed within the same transaction after a quote
are seen by the next transaction's quotes, as by the stored lines' own prices.
"""

QUOTE_CONTEXT = "mirror_glass_quote_cache"


def quote_cache(env, name):
    """The dict ``name`` of this transaction's quotes, or ``None`` outside one."""
    if not env.context.get(QUOTE_CONTEXT):
        return None
    return env.cr.precommit.data.setdefault(f"mirror_production.quote.{name}", {})


def cached(env, name, key, compute):
    """``compute()``, kept under ``key`` for the transaction's quotes (computed
    each time outside a quote)."""
    cache = quote_cache(env, name)
    if cache is None:
        return compute()
    # what a record reads as depends on who reads it, in which company and
    # language (an operation's name is in the client's)
    full_key = (key, env.uid, env.su, env.company.id, env.lang)
    if full_key not in cache:
        cache[full_key] = compute()
    return cache[full_key]
