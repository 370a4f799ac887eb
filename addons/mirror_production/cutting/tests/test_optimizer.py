# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The optimizer: optimal on known cases, always valid by the independent checker."""

import json
import time

import pytest
from cutting import checker, cli, layout, plan
from cutting.errors import CuttingError
from cutting.instance import Defect, Instance, Item, Params, Sheet, read_challenge
from cutting.optimizer import GUIDES, Optimizer

SMALL = Params(
    plate_width=2000, plate_height=1000, max_plates=5, min1cut=100, max1cut=1500
)


def solve(instance, **options):
    options.setdefault("time_limit", 10)
    options.setdefault("treesearch", False)  # the beam search alone
    result = Optimizer(instance).solve(**options)
    nodes = layout.to_nodes(result.layout, instance.params)
    report = checker.check(instance, nodes)
    assert report.errors == []
    assert report.loss == result.loss
    return result, nodes, report


def test_perfect_tiling_is_found_and_proved():
    # 8 pieces 500 × 500 in two stacks tile two 1-strips of the 1000 high plate
    items = [Item(i, 500, 500, stack=i % 2, sequence=i // 2 + 1) for i in range(8)]
    result, _nodes, report = solve(Instance("tiles", items, params=SMALL))
    assert report.loss == 0 and report.plates == 1
    assert result.optimal  # the bound is met: the search stops at once
    assert len(result.runs) == 1
    assert report.yield_ratio == 1.0


def test_rotation_and_directional_pieces():
    # 1000 × 400 pieces fill a 1000 high plate only when turned upright
    turnable = [Item(i, 1000, 400, stack=i) for i in range(5)]
    _result, nodes, report = solve(Instance("turn", turnable, params=SMALL))
    assert report.loss == 0
    assert all(node.width == 400 for node in nodes if node.is_item)
    fixed = [Item(i, 1000, 400, stack=i, rotatable=False) for i in range(5)]
    _result, nodes, report = solve(Instance("fixed", fixed, params=SMALL))
    assert all(
        (node.width, node.height) == (1000, 400) for node in nodes if node.is_item
    )
    assert report.loss > 0


def test_stacks_are_cut_in_sequence():
    # the stack forces a small piece first; the plan must still respect it
    items = [
        Item(0, 300, 200, stack=0, sequence=1),
        Item(1, 900, 1000, stack=0, sequence=2),
        Item(2, 900, 1000, stack=1, sequence=1),
        Item(3, 300, 800, stack=0, sequence=3),
    ]
    _result, nodes, _report = solve(Instance("order", items, params=SMALL))
    plates = sorted({node.plate for node in nodes})
    order = [node.type for node in checker._production_order(plates, *_tree(nodes))]
    assert order.index(0) < order.index(1) < order.index(3)


def _tree(nodes):
    roots, children = {}, {}
    for node in nodes:
        if node.parent is None:
            roots.setdefault(node.plate, []).append(node)
        else:
            children.setdefault(node.parent, []).append(node)
    return roots, children


def test_defects_are_avoided():
    # three full-height 500 wide pieces: any gapless row of them covers x = 730, so
    # the best plan moves the last two right of the defect, at 733
    items = [Item(i, 500, 1000, stack=i) for i in range(3)]
    defects = [Defect(0, 0, 730.0, 420.0, 3.0, 2.0)]
    _result, _nodes, report = solve(Instance("defects", items, defects, SMALL))
    assert report.plates == 1
    assert report.loss == 233 * 1000
    # a low defect is avoided by raising a piece over it (waste under the piece)
    low = [Item(i, 500, 900, stack=i, rotatable=False) for i in range(4)]
    defects = [Defect(0, 0, 10.0, 30.0, 2.0, 2.0)]
    result, _nodes, report = solve(Instance("low", low, defects, SMALL))
    assert report.plates == 1 and report.loss == 4 * 500 * 100


def test_trim_cut_width_remnants_and_sheet_sizes(tmp_path):
    path = tmp_path / "shop.json"
    path.write_text(
        json.dumps(
            {
                "name": "shop",
                "plate": {"width": 3210, "height": 2250},
                "trim": 10,
                "cut_width": 4,
                "items": [
                    {"width": 596, "height": 396, "quantity": 4},
                    {"width": 1196, "height": 796, "quantity": 3, "rotatable": False},
                ],
                "sheets": [
                    {"width": 3210, "height": 2250, "quantity": 3},
                    {"width": 1300, "height": 1700, "remnant": True},
                ],
            }
        )
    )
    instance = cli.load(str(path))
    assert instance.params.trim == 10 and instance.sheets[1].trim == 0
    result, nodes, report = solve(instance)
    # everything fits the remnant and one full sheet's strip; the remnant is used
    used = {sheet_layout.sheet.id for sheet_layout in result.layout.sheets}
    assert 1 in used
    pieces = [node for node in nodes if node.is_item]
    assert len(pieces) == 7
    assert all(
        (node.width - 4, node.height - 4) in {(596, 396), (396, 596), (1196, 796)}
        for node in pieces
    )
    roots = [node for node in nodes if node.parent is None]
    for root in roots:
        sheet = instance.sheets[0] if root.width > 1300 else instance.sheets[1]
        assert (root.x, root.y) == (sheet.trim, sheet.trim)


def test_the_best_known_a1_is_found(roadef_dir):
    instance = read_challenge(roadef_dir, "A1")
    result, _nodes, report = solve(instance)
    assert report.loss == 425486  # best known, found by every published method
    assert result.exhausted or result.optimal


def test_every_challenge_instance_gets_a_valid_plan(roadef_dir):
    names = sorted(p.name[: -len("_batch.csv")] for p in roadef_dir.glob("*_batch.csv"))
    for name in names:
        instance = read_challenge(roadef_dir, name)
        result = Optimizer(instance).solve(time_limit=0.05, max_beam=1)
        report = checker.check(
            instance, layout.to_nodes(result.layout, instance.params)
        )
        assert report.errors == [], name


def test_deterministic():
    items = [Item(i, 300 + 37 * i, 200 + 53 * (i % 5), stack=i % 3) for i in range(30)]
    params = Params(plate_width=2000, plate_height=1000, max_plates=20)
    instance = Instance("same", items, params=params)
    first = Optimizer(instance).solve(time_limit=None, max_beam=16)
    second = Optimizer(instance).solve(time_limit=None, max_beam=16)
    assert first.loss == second.loss
    assert layout.to_nodes(first.layout, params) == layout.to_nodes(
        second.layout, params
    )


@pytest.mark.parametrize(
    ("instance", "code"),
    [
        (Instance("empty", [], params=SMALL), "empty"),
        (Instance("big", [Item(0, 2500, 900)], params=SMALL), "too_big"),
        (Instance("big", [Item(0, 1600, 1100)], params=SMALL), "too_big"),
    ],
)
def test_bad_input_is_refused(instance, code):
    with pytest.raises(CuttingError) as caught:
        Optimizer(instance).solve(time_limit=1)
    assert caught.value.code == code


def test_zero_time_limit_and_too_few_sheets():
    instance = Instance(
        "few", [Item(i, 900, 900, stack=i) for i in range(3)], params=SMALL
    )
    with pytest.raises(CuttingError) as caught:
        Optimizer(instance).solve(time_limit=0)
    assert caught.value.code == "time"
    short = Instance(
        "few", instance.items, params=SMALL, sheets=[Sheet(0, 1000, 1000, quantity=2)]
    )
    with pytest.raises(CuttingError) as caught:
        Optimizer(short).solve(time_limit=1)
    assert caught.value.code == "no_plan"


def test_command_line(roadef_dir, tmp_path, capsys):
    solution = tmp_path / "A1_solution.csv"
    document = tmp_path / "A1.json"
    status = cli.main(
        [
            str(roadef_dir / "A1_batch.csv"),
            "--time-limit",
            "5",
            "--solution",
            str(solution),
            "--json",
            str(document),
        ]
    )
    assert status == 0
    out = capsys.readouterr().out
    assert "A1: valid, loss 425486 mm² (0.425 m²), plates 1" in out
    nodes = plan.read_csv(solution)
    assert len({node.id for node in nodes}) == len(nodes)
    data = json.loads(document.read_text())
    assert data["valid"] and data["loss"] == 425486 and data["plates_used"] == 1
    assert len(data["plates"][0]["pieces"]) == 5
    # checking the written plan again, and refusing bad input
    assert cli.main([str(roadef_dir / "A1_batch.csv"), "--check", str(solution)]) == 0
    assert cli.main([str(tmp_path / "nothing.txt")]) == 2
    assert "error:" in capsys.readouterr().err


def _record_guides(optimizer):
    """The guide tunings of ``optimizer``'s beam runs, as they run."""
    seen = []
    original = optimizer._beam_search

    def record(*args, **kwargs):
        seen.append(optimizer._tuning)
        return original(*args, **kwargs)

    optimizer._beam_search = record
    return seen


def test_the_time_left_goes_to_the_other_guides():
    items = [Item(i, 300 + 37 * i, 200 + 53 * (i % 5), stack=i % 3) for i in range(40)]
    params = Params(plate_width=2000, plate_height=1000, max_plates=20)
    optimizer = Optimizer(Instance("guides", items, params=params))
    deadline = time.monotonic() + 16
    # the last run took 20 s: no wider run ends in time, a narrower one does
    runs = [(256, 1, 8.0), (512, 1, 20.0)]
    assert optimizer._next_beam(runs, 2.0, deadline) < 512
    narrower = optimizer._next_beam(runs, 1.0, deadline, narrower=True)
    assert 8 <= narrower < 512
    # without a time limit, one guide only: the search is reproducible
    seen = _record_guides(optimizer)
    optimizer.solve(time_limit=None, max_beam=8)
    assert set(seen) == {GUIDES[0]}


class _Hurried(Optimizer):
    """No wider run ever ends in time; a run of width 4 always does."""

    def _next_beam(self, runs, growth, deadline, narrower=False):
        return 4 if narrower else None


@pytest.mark.parametrize("guides", [None, 3])
def test_each_other_guide_gets_a_run_in_the_time_left(guides):
    items = [Item(i, 300 + 37 * i, 200 + 53 * (i % 5), stack=i % 3) for i in range(40)]
    params = Params(plate_width=2000, plate_height=1000, max_plates=20)
    optimizer = _Hurried(Instance("hurried", items, params=params))
    seen = _record_guides(optimizer)
    result = optimizer.solve(
        time_limit=60, start_beam=4, guides=guides, treesearch=False
    )
    assert seen == list(GUIDES[: guides or len(GUIDES)])
    assert [beam for beam, _loss, _seconds in result.runs] == [4] * len(seen)
    assert result.loss == min(loss for _beam, loss, _seconds in result.runs)
    assert result.timed_out
