# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Property-based tests of the pure API: whatever a client sends, nothing raises.

Hypothesis generates specifications from the test catalog (``conftest.py``) with
any number where a client types one: sizes, quantity, corner radius, holes and
cutouts, surcharges, NaN and infinity included, and any catalog operation on any
edge, hole or cutout. For every one, validation either refuses it with issues
that render, or accepts it, and then the price is finite, never negative, and its
breakdown adds up to it, and the route's times are finite.
"""

import math

from glass import pricing, routing, validation
from glass.spec import SHAPES, SIDES, Cutout, Hole, PieceSpec, Rules
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

RULES = Rules()
# modest: the whole pure suite stays fast; no example database under the repository.
# The catalog fixtures are constants, so sharing them between examples is safe.
PROPERTY_SETTINGS = settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# what an API client may send for a number: anything a float can be, or the kind
# of values a person types (mostly in range, so that many specs are valid)
ANY_FLOAT = st.floats(allow_nan=True, allow_infinity=True)
NUMBER = st.one_of(
    ANY_FLOAT,
    st.sampled_from([0.0, -1.0, math.nan, math.inf, -math.inf, 1e300, -1e300]),
    st.integers(min_value=-(10**12), max_value=10**12),
)
MM = st.one_of(st.floats(min_value=0, max_value=3300), NUMBER)
SIZE = st.one_of(st.floats(min_value=20, max_value=3300), NUMBER)
SMALL_MM = st.one_of(st.floats(min_value=0, max_value=80), NUMBER)


def _drilling(ops, diameter):
    for key in ("drill_small", "drill_large"):
        operation = ops[key]
        if isinstance(diameter, float | int) and operation.covers_size(diameter):
            return operation
    return None


@st.composite
def specs(draw, materials, ops):
    """A :class:`PieceSpec` of the test catalog with any numbers in it."""
    maybe_operation = st.one_of(st.none(), st.sampled_from(list(ops.values())))

    def hole():
        diameter = draw(SMALL_MM)
        drilling = _drilling(ops, diameter)
        operation = draw(st.one_of(st.just(drilling), maybe_operation))
        return Hole(diameter, draw(MM), draw(MM), operation)

    def cutout():
        operation = draw(st.one_of(st.just(ops["cutout"]), maybe_operation))
        return Cutout(draw(MM), draw(MM), draw(MM), draw(MM), operation)

    edge = draw(maybe_operation)
    edges = draw(
        st.one_of(
            st.just(dict.fromkeys(SIDES, edge)),
            st.dictionaries(st.sampled_from(SIDES), maybe_operation),
        )
    )
    return PieceSpec(
        material=draw(st.sampled_from(list(materials.values()))),
        width=draw(SIZE),
        height=draw(SIZE),
        quantity=draw(
            st.one_of(
                st.integers(min_value=1, max_value=20),
                st.integers(min_value=-5, max_value=20000),
                NUMBER,
                st.none(),
            )
        ),
        shape=draw(st.sampled_from(SHAPES + ("triangle",))),
        corner_radius=draw(st.one_of(st.floats(min_value=0, max_value=500), NUMBER)),
        edges=edges,
        holes=tuple(hole() for _i in range(draw(st.integers(0, 6)))),
        cutouts=tuple(cutout() for _i in range(draw(st.integers(0, 3)))),
        operations=tuple(
            draw(st.lists(st.sampled_from(list(ops.values())), max_size=4, unique=True))
        ),
        urgency_percent=draw(st.one_of(st.sampled_from([0.0, 30.0, 50.0]), NUMBER)),
        shape_surcharge=draw(st.one_of(st.just(0.0), NUMBER)),
        has_drawing=draw(st.booleans()),
        glass_price_factor=draw(st.floats(min_value=0.5, max_value=2.0)),
    )


def _finite(value):
    return isinstance(value, int | float) and math.isfinite(value)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_validation_accepts_a_priceable_spec_or_says_why(materials, ops, data):
    spec = data.draw(specs(materials, ops))
    issues = validation.validate(spec, RULES)
    if issues:
        for issue in issues:
            message = issue.render()
            assert message and "%(" not in message
            assert issue.field
        return
    quote = pricing.quote(spec, RULES)
    assert _finite(quote.total) and quote.total >= 0
    assert _finite(quote.total_cost) and _finite(quote.unit_price)
    amounts = [item.amount for item in quote.items]
    assert all(_finite(amount) and amount >= 0 for amount in amounts)
    assert abs(sum(amounts) - quote.total) < 0.005 * len(amounts) + 1e-6
    breakdown = quote.as_dict()
    listed = sum(item["amount"] for item in breakdown["items"])
    assert abs(listed - breakdown["total"]) < 0.005 * len(amounts) + 1e-6
    assert breakdown["total"] == quote.total
    steps = routing.route(spec, ops["packing"])
    assert all(_finite(step.minutes) and _finite(step.quantity) for step in steps)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_pricing_and_routing_never_raise(materials, ops, data):
    """A form being filled in is priced before it is valid: never a crash."""
    spec = data.draw(specs(materials, ops))
    pricing.quote(spec, RULES)
    routing.route(spec, ops["packing"])


@settings(
    max_examples=50,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.integers(min_value=0, max_value=400),
    st.integers(min_value=0, max_value=100),
)
def test_too_many_holes_or_cutouts_answer_at_once(
    materials, ops, hole_count, cutout_count
):
    hole = Hole(10.0, 500.0, 250.0, ops["drill_small"])
    cutout = Cutout(50.0, 50.0, 200.0, 200.0, ops["cutout"])
    spec = PieceSpec(
        materials["mirror4"],
        1000.0,
        500.0,
        holes=(hole,) * hole_count,
        cutouts=(cutout,) * cutout_count,
    )
    issues = validation.validate(spec, RULES)
    codes = [issue.code for issue in issues]
    if hole_count > RULES.max_holes or cutout_count > RULES.max_cutouts:
        assert set(codes) <= {"holes_max", "cutouts_max"} and codes
    # every rule lists at most max_issues_per_rule issues, then one "more"
    for code in set(codes) - {"more"}:
        assert codes.count(code) <= RULES.max_issues_per_rule
    assert len(issues) <= 4 * (RULES.max_issues_per_rule + 1)
