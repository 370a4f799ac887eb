# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Batch plans (the models' API): pieces and stock in, sheets, offcuts and cuts
out (their cut maps: test_cut_map.py)."""

import json

import pytest
from cutting import (
    CuttingError,
    Piece,
    Settings,
    Stock,
    cut_map_svg,
    estimate,
    plan_batch,
    sheet_from_dict,
    sheet_to_dict,
)

SHEET = Stock("sheet", 3210, 2250, quantity=5)
NO_TRIM = Settings(trim=0)


def placed_keys(result):
    return sorted(piece.key for sheet in result.sheets for piece in sheet.pieces)


def test_pieces_tile_one_sheet_and_cuts_are_numbered():
    # four quarters of a trimmed 2020 × 1020 sheet: one sheet, no waste at all
    stock = [Stock("s", 2020, 1020, quantity=2)]
    pieces = [Piece(f"p{i}", 1000, 500) for i in range(4)]
    result = plan_batch(pieces, stock, Settings(trim=10), time_limit=5)
    assert placed_keys(result) == ["p0", "p1", "p2", "p3"]
    [sheet] = result.sheets
    assert sheet.stock.key == "s"
    assert sheet.trim == 10
    assert sheet.pieces_area == 4 * 500_000
    assert sheet.offcuts == []
    # the pieces fill the sheet inside its 10 mm trim
    assert sheet.yield_ratio == pytest.approx(2_000_000 / (2020 * 1020))
    numbers = [cut.number for cut in sheet.cuts]
    assert numbers == list(range(1, len(numbers) + 1))
    # a 2 × 2 grid needs 3 cuts: one across the sheet, one in each half
    assert len(sheet.cuts) == 3
    assert sheet.cuts[0].level == 1


def test_large_offcut_is_kept_as_a_remnant():
    result = plan_batch([Piece(1, 1000, 2000)], [SHEET], NO_TRIM, time_limit=5)
    [sheet] = result.sheets
    kept = [(rect.width, rect.height) for rect in sheet.offcuts]
    assert (2210, 2250) in kept  # what is right of the piece's strip
    assert sheet.consumed_area == 3210 * 2250 - sheet.offcut_area
    assert result.yield_ratio == pytest.approx(
        2_000_000 / (3210 * 2250 - sheet.offcut_area)
    )
    # a smaller minimum keeps the strip above the piece too; a larger one none
    small = plan_batch(
        [Piece(1, 1000, 2000)], [SHEET], Settings(trim=0, remnant_short=200)
    )
    assert len(small.sheets[0].offcuts) == 2
    huge = plan_batch(
        [Piece(1, 1000, 2000)],
        [SHEET],
        Settings(trim=0, remnant_short=3000, remnant_long=3000),
    )
    assert huge.sheets[0].offcuts == []


def test_remnant_is_used_before_a_full_sheet():
    stock = [SHEET, Stock("R-1", 1200, 900, remnant=True)]
    result = plan_batch([Piece("a", 1000, 800)], stock, time_limit=5)
    [sheet] = result.sheets
    assert sheet.stock.key == "R-1"
    assert sheet.trim == 0  # remnants have clean edges


def test_two_equal_remnants_are_told_apart():
    stock = [
        Stock("R-1", 1000, 1000, remnant=True),
        Stock("R-2", 1000, 1000, remnant=True),
    ]
    result = plan_batch([Piece(i, 1000, 1000) for i in range(2)], stock, time_limit=5)
    assert sorted(sheet.stock.key for sheet in result.sheets) == ["R-1", "R-2"]


def test_sheets_are_told_apart_when_stock_has_empty_entries():
    stock = [
        Stock("none", 3210, 2250, quantity=0),
        Stock("R-9", 1200, 900, remnant=True),
    ]
    result = plan_batch([Piece("a", 1000, 800)], stock, time_limit=1)
    assert [sheet.stock.key for sheet in result.sheets] == ["R-9"]


def test_piece_fits_turned_unless_directional():
    assert Piece(1, 2500, 900).fits(1000, 3000)
    assert not Piece(1, 2500, 900, rotatable=False).fits(1000, 3000)
    assert Piece(1, 900, 2500, rotatable=False).fits(1000, 3000)
    assert not Piece(1, 1001, 900).fits(1000, 900)


def test_directional_piece_is_not_rotated():
    stock = [Stock("s", 1000, 3000, quantity=1)]
    free = plan_batch([Piece("p", 2500, 900)], stock, NO_TRIM, time_limit=2)
    assert free.sheets[0].pieces[0].rotated
    with pytest.raises(CuttingError) as error:
        plan_batch(
            [Piece("p", 2500, 900, rotatable=False)], stock, NO_TRIM, time_limit=2
        )
    assert error.value.code == "too_big"


@pytest.mark.parametrize(
    ("pieces", "stock", "code"),
    [
        ([], [SHEET], "empty"),
        ([Piece(1, 100, 100)], [], "no_stock"),
        ([Piece(1, 100, 100)], [Stock("s", 3210, 2250, quantity=0)], "no_stock"),
        ([Piece(1, 0, 100)], [SHEET], "bad_piece"),
        ([Piece(1, 4000, 2300)], [SHEET], "too_big"),
    ],
)
def test_bad_input_is_refused_with_a_code(pieces, stock, code):
    with pytest.raises(CuttingError) as error:
        plan_batch(pieces, stock, time_limit=1)
    assert error.value.code == code


def test_zero_time_limit_is_refused():
    with pytest.raises(CuttingError) as error:
        plan_batch([Piece(1, 100, 100)], [SHEET], time_limit=0)
    assert error.value.code == "time"


def test_not_enough_sheets():
    with pytest.raises(CuttingError) as error:
        plan_batch(
            [Piece(i, 3000, 2000) for i in range(3)],
            [Stock("s", 3210, 2250, quantity=2)],
            time_limit=2,
        )
    assert error.value.code == "no_plan"


def test_progress_is_reported():
    seen = []
    plan_batch(
        [Piece(i, 300 + 10 * i, 200 + 7 * i) for i in range(30)],
        [SHEET],
        time_limit=1,
        progress=lambda fraction, loss: seen.append((fraction, loss)),
    )
    assert seen
    assert all(0 <= fraction <= 1 for fraction, _loss in seen)
    assert seen[-1][1] is not None


def test_estimate_counts_sheets_of_each_size():
    pieces = [Piece(i, 600, 400) for i in range(40)]  # 9.6 m²
    result = estimate(pieces, [(3210, 2250)], time_limit=1)
    assert len(result.sheets) == 2
    assert 0.5 < result.yield_ratio <= 1.0
    assert placed_keys(result) == list(range(40))


def test_sheet_survives_storage_as_json():
    result = plan_batch(
        [Piece(1, 1000, 600), Piece(2, 700, 500)], [SHEET], time_limit=1
    )
    [sheet] = result.sheets
    data = json.loads(json.dumps(sheet_to_dict(sheet)))
    again = sheet_from_dict(data, key="sheet")
    assert (again.pieces, again.offcuts, again.waste) == (
        sheet.pieces,
        sheet.offcuts,
        sheet.waste,
    )
    assert (again.cuts, again.trim, again.area) == (sheet.cuts, sheet.trim, sheet.area)
    assert cut_map_svg(again) == cut_map_svg(sheet)
