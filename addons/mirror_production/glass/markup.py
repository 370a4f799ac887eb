# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Markup from numbers and escaped text only, for the drawings pages show as is.

The glass drawings (:mod:`glass.svg`) and the cut maps (``cutting.cut_map``) are
inserted in forms, reports and the workshop tablet without sanitizing: every number
in them is written by :func:`number` (a finite ``float()``, else ``ValueError``)
and every string, in text or in an attribute, goes through :func:`escape`.
"""

import html
import math


def escape(value):
    """``value`` as XML text or attribute value: ``& < > " '`` escaped."""
    return html.escape(str(value), quote=True)


def finite(value):
    """``float(value)`` if that is a finite number, else ``ValueError``."""
    try:
        result = float(value)
    except (TypeError, ValueError, OverflowError) as error:
        raise ValueError(f"not a number: {value!r}") from error
    if not math.isfinite(result):
        raise ValueError(f"not a finite number: {value!r}")
    return result


def is_finite(*values):
    """Are all ``values`` finite numbers (not text, NaN or infinity)?"""
    try:
        for value in values:
            finite(value)
    except ValueError:
        return False
    return True


def number(value, digits=1):
    """``value`` (see :func:`finite`) written with at most ``digits`` decimals, no
    trailing zeros."""
    text = f"{finite(value):.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
