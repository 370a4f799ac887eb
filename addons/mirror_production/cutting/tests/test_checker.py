# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The checker on a small plate: a valid plan, then one broken rule per case."""

from dataclasses import replace

import pytest
from cutting import checker
from cutting.instance import Defect, Instance, Item, Params
from cutting.plan import BRANCH, RESIDUAL, WASTE, Node

# plate 1000 × 500; 1-strips 100–800 wide, 2-strips at least 100 high, waste ≥ 20
PARAMS = Params(
    plate_width=1000,
    plate_height=500,
    max_plates=3,
    min1cut=100,
    max1cut=800,
    min2cut=100,
)
ITEMS = [
    Item(0, 400, 300, stack=0, sequence=1),
    Item(1, 400, 200, stack=0, sequence=2),
    Item(2, 300, 500, stack=1, sequence=1),
]


def instance(**changes):
    return replace(Instance("small", list(ITEMS), [], PARAMS), **changes)


def valid_plan():
    # strip 1 (x 0–400): item 0 below item 1; strip 2 (x 400–700): item 2;
    # the residual x 700–1000 stays usable
    return [
        Node(0, 0, 0, 0, 1000, 500, BRANCH, 0),
        Node(0, 1, 0, 0, 400, 500, BRANCH, 1, 0),
        Node(0, 2, 0, 0, 400, 300, 0, 2, 1),
        Node(0, 3, 0, 300, 400, 200, 1, 2, 1),
        Node(0, 4, 400, 0, 300, 500, 2, 1, 0),
        Node(0, 5, 700, 0, 300, 500, RESIDUAL, 1, 0),
    ]


def with_nodes(plan, **replacements):
    """The plan with nodes replaced by id: ``n3=Node(...)`` or ``n3=None`` to drop."""
    result = []
    for node in plan:
        key = f"n{node.id}"
        if key in replacements:
            if replacements[key] is not None:
                result.append(replacements[key])
        else:
            result.append(node)
    return result


def test_valid_plan_and_its_loss():
    report = checker.check(instance(), valid_plan())
    assert report.errors == []
    assert report.plates == 1
    # 500 × 700 used (the residual is not) − 120 000 − 80 000 − 150 000
    assert report.used_area == 350_000
    assert report.loss == 0
    assert report.yield_ratio == 1.0


def test_loss_over_two_plates():
    plan = valid_plan()
    # item 2 moves to a second plate, whose strip ends at x = 300
    plan = with_nodes(
        plan,
        n4=Node(0, 4, 400, 0, 600, 500, WASTE, 1, 0),
        n5=None,
    )
    plan += [
        Node(1, 10, 0, 0, 1000, 500, BRANCH, 0),
        Node(1, 11, 0, 0, 300, 500, 2, 1, 10),
        Node(1, 12, 300, 0, 700, 500, RESIDUAL, 1, 10),
    ]
    report = checker.check(instance(), plan)
    assert report.errors == []
    # one full plate 500 000 + 500 × 300 − 350 000 of items
    assert report.loss == 500_000 + 150_000 - 350_000


BROKEN = {
    "stack order": (
        dict(
            n2=Node(0, 2, 0, 200, 400, 300, 0, 2, 1),
            n3=Node(0, 3, 0, 0, 400, 200, 1, 2, 1),
        ),
        "stack 0 sequence 1 cut after sequence 2",
    ),
    "wrong size": (
        dict(n4=Node(0, 4, 400, 0, 300, 500, 0, 1, 0)),
        "item 0 is cut more",
    ),
    "missing item": (
        dict(n4=Node(0, 4, 400, 0, 300, 500, WASTE, 1, 0)),
        "items not cut",
    ),
    "gap between children": (
        dict(n3=Node(0, 3, 0, 310, 400, 190, 1, 2, 1)),
        "do not tile",
    ),
    "residual not last": (
        dict(
            n4=Node(0, 4, 700, 0, 300, 500, 2, 1, 0),
            n5=Node(0, 5, 400, 0, 300, 500, RESIDUAL, 1, 0),
        ),
        "must be the last 1-node",
    ),
    "branch without children": (
        dict(n4=Node(0, 4, 400, 0, 300, 500, BRANCH, 1, 0)),
        "branch without children",
    ),
    "unknown parent": (
        dict(n3=Node(0, 3, 0, 300, 400, 200, 1, 2, 99)),
        "does not exist",
    ),
    "level skipped": (dict(n3=Node(0, 3, 0, 300, 400, 200, 1, 3, 1)), "level 3 under"),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_each_broken_rule_is_reported(case):
    replacements, fragment = BROKEN[case]
    report = checker.check(instance(), with_nodes(valid_plan(), **replacements))
    assert not report.valid
    assert any(fragment in error for error in report.errors), report.errors


def test_strip_limits_and_small_waste():
    tight = instance(params=replace(PARAMS, max1cut=350))
    report = checker.check(tight, valid_plan())
    assert any("400 mm wide, allowed 100–350" in error for error in report.errors)
    plan = with_nodes(
        valid_plan(),
        n1=Node(0, 1, 0, 0, 400, 500, BRANCH, 1, 0),
        n2=Node(0, 2, 0, 0, 400, 300, 0, 2, 1),
        n3=Node(0, 3, 0, 300, 400, 200, BRANCH, 2, 1),
    ) + [
        Node(0, 20, 0, 300, 390, 200, WASTE, 3, 3),
        Node(0, 21, 390, 300, 10, 200, WASTE, 3, 3),
    ]
    report = checker.check(instance(), plan)
    assert any("waste 10 × 200 is under 20 mm" in error for error in report.errors)


def test_one_4_cut_gives_an_item_and_a_waste_or_two_items():
    items = [Item(0, 400, 280, stack=0, sequence=1), ITEMS[1], ITEMS[2]]
    plan = with_nodes(
        valid_plan(),
        n2=Node(0, 2, 0, 0, 400, 300, BRANCH, 2, 1),
    ) + [
        Node(0, 30, 0, 0, 400, 300, BRANCH, 3, 2),
        Node(0, 31, 0, 0, 400, 280, 0, 4, 30),
        Node(0, 32, 0, 280, 400, 20, WASTE, 4, 30),
    ]
    assert checker.check(instance(items=items), plan).errors == []
    # two pieces of one width, one above the other, are one 4-cut too
    pair = [Item(0, 400, 150, stack=0, sequence=1), Item(3, 400, 150, 0, 2)] + ITEMS[1:]
    stacked = with_nodes(
        plan,
        n31=Node(0, 31, 0, 0, 400, 150, 0, 4, 30),
        n32=Node(0, 32, 0, 150, 400, 150, 3, 4, 30),
    )
    assert checker.check(instance(items=pair), stacked).errors == []
    # two wastes, or an item between two 4-cuts, are not one 4-cut
    two_wastes = with_nodes(plan, n31=Node(0, 31, 0, 0, 400, 280, WASTE, 4, 30))
    report = checker.check(instance(items=items), two_wastes)
    assert any("the one 4-cut" in error for error in report.errors)
    three = with_nodes(
        plan,
        n31=Node(0, 31, 0, 0, 400, 260, 0, 4, 30),
        n32=Node(0, 32, 0, 260, 400, 20, WASTE, 4, 30),
    ) + [Node(0, 33, 0, 280, 400, 20, WASTE, 4, 30)]
    report = checker.check(instance(items=items), three)
    assert any("the one 4-cut" in error for error in report.errors)


def test_defects_and_rotation():
    defect = Defect(0, 0, 450.0, 100.0, 2.0, 1.0)  # inside item 2
    report = checker.check(instance(defects=[defect]), valid_plan())
    assert any("contains defect 0" in error for error in report.errors)
    elsewhere = Defect(0, 0, 800.0, 100.0, 2.0, 1.0)  # in the residual
    assert checker.check(instance(defects=[elsewhere]), valid_plan()).valid
    # item 2 placed rotated (500 × 300 instead of 300 × 500) does not fit the strip;
    # a directional item may not be rotated at all
    fixed = [
        ITEMS[0],
        ITEMS[1],
        replace(ITEMS[2], length=500, width=300, rotatable=False),
    ]
    report = checker.check(instance(items=fixed), valid_plan())
    assert any("expected 500 × 300" in error for error in report.errors)


def test_plates_in_order_and_limits():
    plan = [replace(node, plate=1) for node in valid_plan()]
    report = checker.check(instance(), plan)
    assert any("numbered 0, 1" in error for error in report.errors)
    assert "the plan is empty" in checker.check(instance(), []).errors
