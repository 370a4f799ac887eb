# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""PackingSolver beside the beam search: its plans pass the independent checker."""

import time

import pytest
from cutting import checker, layout, treesearch
from cutting.instance import Defect, Instance, Item, Params, Sheet, read_challenge
from cutting.optimizer import Optimizer

SMALL = Params(
    plate_width=2000, plate_height=1000, max_plates=5, min1cut=100, max1cut=1500
)

needs_packingsolver = pytest.mark.skipif(
    not treesearch.available(), reason="PackingSolver is not installed (Python < 3.12)"
)


def _check(instance, plan):
    nodes = layout.to_nodes(plan, instance.params)
    report = checker.check(instance, nodes)
    assert report.errors == []
    cut = sorted(node.type for node in nodes if node.is_item)
    assert cut == sorted(item.id for item in instance.items)
    return report


@needs_packingsolver
def test_a_challenge_instance_with_defects_and_stacks(roadef_dir):
    # a small batch (17 pieces, 133 defects): its first plan comes within
    # milliseconds, a second is plenty even on a busy machine
    instance = read_challenge(roadef_dir, "A20")
    search = treesearch.Search(Optimizer(instance)).start(1)
    assert search.wait()
    plan = search.layout()
    assert plan is not None, search.error
    assert plan.engine == "packingsolver"
    report = _check(instance, plan)
    assert report.plates >= 1


@needs_packingsolver
def test_directional_pieces_cut_width_trim_and_remnants():
    params = Params(
        plate_width=3210, plate_height=2250, max_plates=4, trim=10, cut_width=4
    )
    items = [Item(i, 596, 396, stack=i) for i in range(6)]
    items += [Item(10 + i, 1196, 796, stack=10 + i, rotatable=False) for i in range(3)]
    sheets = [
        Sheet(0, 1300, 1700, quantity=1, remnant=True),
        Sheet(1, 3210, 2250, quantity=3, trim=10),
    ]
    instance = Instance("shop", items, params=params, sheets=sheets)
    search = treesearch.Search(Optimizer(instance)).start(1)
    assert search.wait(first=True)
    assert search.wait()
    plan = search.layout()
    assert plan is not None, search.error
    _check(instance, plan)
    for sheet in plan.sheets:
        for strip in sheet.strips:
            for row in strip.rows:
                for placement in row.placements:
                    if placement.item >= 10:  # directional: never turned
                        assert (placement.width, placement.height) == (1196, 796)


@needs_packingsolver
def test_the_optimizer_keeps_the_better_valid_plan():
    # full-height pieces around a defect: both engines plan, the better one wins
    items = [Item(i, 500 + 10 * i, 1000, stack=i % 2, sequence=i) for i in range(6)]
    defects = [Defect(0, 0, 730.0, 420.0, 3.0, 2.0)]
    instance = Instance("pair", items, defects, SMALL)
    result = Optimizer(instance).solve(time_limit=3, treesearch=True)
    assert result.treesearch_loss is not None, result.treesearch_error
    beam = min(loss for _beam, loss, _t in result.runs if loss is not None)
    assert result.loss == min(beam, result.treesearch_loss)
    report = _check(instance, result.layout)
    assert report.loss == result.loss


def test_no_treesearch_without_a_time_limit_or_when_declined():
    items = [Item(i, 300 + 37 * i, 200 + 53 * (i % 5), stack=i % 3) for i in range(12)]
    instance = Instance("beam", items, params=SMALL)
    for options in (
        {"time_limit": None, "max_beam": 8},
        # declined: the beam search alone, however long it may search
        {"treesearch": False, "time_limit": None, "max_beam": 8},
        {"treesearch": False, "time_limit": 0.2},
    ):
        result = Optimizer(instance).solve(**options)
        assert result.layout.engine == "beam"
        assert result.treesearch_loss is None
    # a short time limit (a quotation's estimate) leaves it out by default
    result = Optimizer(instance).solve(time_limit=1)
    assert result.treesearch_loss is None


class _Engine:
    """A second engine that finds a plan at once (``found``) or never, and
    ends after ``seconds``."""

    error = "no plan"

    def __init__(self, found, seconds):
        self.found = found
        self.end = time.monotonic() + seconds

    def wait(self, timeout=None, first=False):
        if first and self.found:
            return True
        left = max(0.0, self.end - time.monotonic())
        time.sleep(left if timeout is None else min(timeout, left))
        return time.monotonic() >= self.end

    def layout(self):
        return None


def _record_deadlines(monkeypatch):
    """The deadline of each beam run, in seconds after the search started."""
    deadlines = []
    run = Optimizer._run

    def record(self, result, beam, deadline, started, time_limit, progress):
        deadlines.append(deadline - started)
        return run(self, result, beam, deadline, started, time_limit, progress)

    monkeypatch.setattr(Optimizer, "_run", record)
    return deadlines


@pytest.mark.parametrize("found", [True, False])
def test_the_beam_search_leaves_the_cores_to_a_second_engine_with_a_plan(
    roadef_dir, monkeypatch, found
):
    # the deadlines the beam search sets itself, not the seconds it takes: a
    # busy machine changes the latter
    instance = read_challenge(roadef_dir, "A5")
    limit = 3.0
    engine_seconds = 2.5  # the engine ends after the patience share
    monkeypatch.setattr(
        Optimizer,
        "_start_treesearch",
        lambda self, *args: _Engine(found, engine_seconds),
    )
    deadlines = _record_deadlines(monkeypatch)
    reported = []
    result = Optimizer(instance).solve(
        time_limit=limit, progress=lambda fraction, _loss: reported.append(fraction)
    )
    assert result.layout.engine == "beam"
    assert result.treesearch_error == "no plan"
    share = Optimizer.beam_share * limit
    assert deadlines[0] == pytest.approx(share)
    if found:
        # the beam search plans for its share, then waits for the other engine
        assert deadlines == pytest.approx([share] * len(deadlines))
    else:
        # no plan from the other engine by its patience: the beam search goes on,
        # until the time limit
        assert deadlines[-1] == pytest.approx(limit)
    assert result.elapsed >= engine_seconds  # it waited for the other engine
    # the progress goes on while the beam search waits
    assert reported == sorted(reported)
    assert reported[-1] == 1.0
    assert any(share < fraction < 1.0 for fraction in reported)
