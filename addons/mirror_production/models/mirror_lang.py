# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The language of the texts the addon stores (names, descriptions, messages)."""

from odoo.tools.misc import get_lang


def in_company_lang(records, company):
    """``records`` with the language of ``company`` when the context has none.

    The web client always sends the user's language; a call over XML-RPC or JSON-RPC
    often does not, and ``env._`` would then store English text (a remake named
    "… remake" in a Russian workshop). Stored generated texts follow the company's
    language in that case.
    """
    if records.env.context.get("lang"):
        return records
    lang = company.partner_id.lang or records.env.lang
    return records.with_context(lang=lang) if lang else records


def format_number(env, number):
    """A number as a workshop writes it (4, 2.5, 0.25: no trailing zeros, no
    thousands separator) with the decimal separator of ``env``'s language: "2,8"
    in Russian, "2.8" in English."""
    if number is None or number is False:
        return ""
    text = f"{float(number):.3f}".rstrip("0").rstrip(".")
    if text in ("", "-0"):
        text = "0"
    return text.replace(".", get_lang(env).decimal_point or ".")
