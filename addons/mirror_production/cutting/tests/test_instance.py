# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Reading instances (challenge CSV, JSON) and writing plans."""

import json

from cutting import instance, plan


def test_reads_every_challenge_instance(roadef_dir):
    params = instance.read_params(roadef_dir / "global_param.csv")
    assert (params.plate_width, params.plate_height) == (6000, 3210)
    assert (params.min1cut, params.max1cut, params.min2cut, params.min_waste) == (
        100,
        3500,
        100,
        20,
    )
    names = sorted(
        path.name[: -len("_batch.csv")] for path in roadef_dir.glob("*_batch.csv")
    )
    assert len(names) >= 30
    for name in names:
        batch = instance.read_challenge(roadef_dir, name, params)
        assert batch.items, name
        for item in batch.items:
            assert 0 < min(item.length, item.width)
            assert max(item.length, item.width) <= 6000
        # the stacks' sequences are 1, 2, … in each stack
        stacks = {}
        for item in batch.items:
            stacks.setdefault(item.stack, []).append(item.sequence)
        for sequences in stacks.values():
            assert sorted(sequences) == list(range(1, len(sequences) + 1))


def test_json_instance(tmp_path):
    path = tmp_path / "shop.json"
    path.write_text(
        json.dumps(
            {
                "name": "workshop batch",
                "plate": {"width": 3210, "height": 2250},
                "items": [
                    {"width": 500, "height": 700, "quantity": 3},
                    {"width": 400, "height": 400, "rotatable": False},
                ],
                "defects": [{"x": 10, "y": 10, "width": 5, "height": 5}],
            }
        )
    )
    batch = instance.read_json(path)
    assert batch.params.plate_width == 3210
    assert [item.id for item in batch.items] == [0, 1, 2, 3]
    assert [item.rotatable for item in batch.items] == [True, True, True, False]
    assert batch.defects[0].plate == 0


def test_plan_csv_round_trip(tmp_path):
    nodes = [
        plan.Node(0, 0, 0, 0, 6000, 3210, plan.BRANCH, 0),
        plan.Node(0, 1, 0, 0, 1000, 3210, 7, 1, 0),
        plan.Node(0, 2, 1000, 0, 5000, 3210, plan.RESIDUAL, 1, 0),
    ]
    path = tmp_path / "solution.csv"
    plan.write_csv(path, nodes)
    assert path.read_text().splitlines()[:2] == [
        "PLATE_ID;NODE_ID;X;Y;WIDTH;HEIGHT;TYPE;CUT;PARENT",
        "0;0;0;0;6000;3210;-2;0;",
    ]
    assert plan.read_csv(path) == nodes
