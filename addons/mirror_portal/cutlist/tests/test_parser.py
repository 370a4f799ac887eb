# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Cut lists as clients write them: Russian and English headers, decimal commas,
edge codes, holes; every bad row says why, and no input makes the parser raise."""

import pytest
from cutlist import parse, template_rows
from cutlist.parser import parse_number
from hypothesis import given, settings
from hypothesis import strategies as st

MATERIALS = {"m4": "mirror4", "зеркало 4 мм": "mirror4", "f6": "float6"}
EDGES = {"ш": "ground", "п": "polished", "шлифовка": "ground"}


def read(rows, **kwargs):
    return parse(rows, MATERIALS, EDGES, **kwargs)


def codes(issues):
    return [issue.code for issue in issues]


@pytest.mark.parametrize(
    ("text", "value", "problem"),
    [
        ("1200", 1200.0, None),
        ("1 200,5", 1200.5, None),
        ("1\u00a0200", 1200.0, None),
        ("1.200,5", 1200.5, None),
        ("1,200.5", 1200.5, None),
        ("450,5 мм", 450.5, None),
        ("450mm", 450.0, None),
        ("120 см", None, "cm"),
        ("120cm", None, "cm"),
        ("abc", None, "number"),
        ("nan", None, "number"),
        ("inf", None, "number"),
        ("", None, "number"),
        ("1e5", None, "number"),
    ],
)
def test_numbers_as_people_write_them(text, value, problem):
    assert parse_number(text) == (value, problem)


def test_a_russian_list_with_codes_holes_and_decimal_commas():
    result = read(
        [
            [
                "Позиция",
                "Материал",
                "Ширина, мм",
                "Высота, мм",
                "Кол-во, шт.",
                "Кромка",
                "Отверстия",
                "Примечание",
            ],
            ["1", "M4", "1200", "800", "2", "Ш", "Ø8 (100; 100), Ø8 (1100; 100)", ""],
            ["2", "Зеркало 4 мм", "450,5", "600", "", "П / - / П / -", "", "фасад"],
        ]
    )
    assert result.issues == []
    first, second = result.rows
    assert first.valid and second.valid
    assert first.values["material"] == "mirror4"
    assert (first.values["width"], first.values["height"]) == (1200, 800)
    assert first.values["quantity"] == 2
    assert first.values["edges"] == dict.fromkeys(
        ("bottom", "right", "top", "left"), "ground"
    )
    assert first.values["holes"] == [(8, 100, 100), (8, 1100, 100)]
    assert second.values["width"] == 450.5
    assert second.values["quantity"] == 1
    assert second.values["edges"] == {"bottom": "polished", "top": "polished"}
    assert second.values["note"] == "фасад"


def test_english_headers_in_any_order_and_a_default_material():
    result = read(
        [["Qty", "Height (mm)", "Width (mm)", "Edge"], ["3", "700", "500", "-"]],
        default_material="float6",
    )
    assert result.issues == []
    (row,) = result.rows
    assert row.values["material"] == "float6"
    assert (row.values["width"], row.values["height"], row.values["quantity"]) == (
        500,
        700,
        3,
    )
    assert row.values["edges"] == {}


def test_each_bad_row_says_why_and_the_good_ones_stay():
    result = read(
        [
            ["Material", "Width", "Height", "Qty", "Edge", "Holes"],
            ["M4", "1200", "800", "1", "Ш", ""],
            ["M9", "1200", "800", "1", "", ""],  # unknown material
            ["M4", "120 см", "800", "1", "", ""],  # centimetres
            ["M4", "abc", "0", "1", "", ""],  # not a number, zero
            ["M4", "500", "500", "1,5", "", ""],  # fractional quantity
            ["M4", "500", "500", "1", "X", ""],  # unknown edge
            ["M4", "500", "500", "1", "Ш П", ""],  # two codes
            ["M4", "500", "500", "1", "", "here"],  # holes not understood
            [],  # blank lines are skipped
            ["M4", "500", "500", "1", "", ""],
        ]
    )
    assert [row.number for row in result.good_rows] == [2, 11]
    bad = {row.number: codes(row.issues) for row in result.bad_rows}
    assert bad == {
        3: ["material_unknown"],
        4: ["size_cm"],
        5: ["size_number", "size_range"],
        6: ["quantity"],
        7: ["edge_unknown"],
        8: ["edge_sides"],
        9: ["holes_format"],
    }
    cm = result.bad_rows[1].issues[0].render()
    assert "Row 4" in cm and "1200" in cm
    assert "Row 3" in result.bad_rows[0].issues[0].render()


def test_file_level_problems():
    assert codes(read([]).issues) == ["empty"]
    assert codes(read([["a", "b"], ["1", "2"]]).issues) == ["header_missing"]
    missing = read([["Width", "Height"], ["1", "2"]]).issues[0]
    assert "material" in missing.render()
    cm = read([["Material", "Width, cm", "Height, cm"], ["M4", "120", "80"]])
    assert codes(cm.issues) == ["header_cm", "header_cm"]
    assert cm.rows == []  # nothing is read from a list in centimetres
    small = read(
        [["Material", "Width", "Height"], ["M4", "45", "60"], ["M4", "12", "8"]]
    )
    assert codes(small.issues) == ["sizes_cm"]
    many = read(
        [["Material", "Width", "Height"]] + [["M4", "500", "500"]] * 3, max_rows=2
    )
    assert codes(many.issues) == ["rows_max"]
    assert "3" in many.issues[0].render()


def test_holes_per_piece_are_limited():
    holes = ", ".join("Ø8 (100; 100)" for _ in range(4))
    result = read(
        [["Material", "Width", "Height", "Holes"], ["M4", "500", "500", holes]],
        max_holes=3,
    )
    assert codes(result.rows[0].issues) == ["holes_max"]


@pytest.mark.parametrize("lang", ["en", "ru_RU"])
def test_the_template_reads_back_without_problems(lang):
    result = read(template_rows(lang))
    assert result.issues == []
    assert [row.valid for row in result.rows] == [True, True]


cells = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["M4", "Ш", "П", "-", "1 200,5", "120 см", "nan", "Ø8 (1; 1)"]),
    st.integers(-(10**6), 10**6).map(str),
    st.none(),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(cells, max_size=10),
        max_size=12,
    ),
    st.booleans(),
)
def test_no_table_makes_the_parser_raise(body, with_header):
    header = ["Material", "Width", "Height", "Qty", "Edge", "Holes", "Note"]
    table = [header] + body if with_header else body
    result = parse(table, MATERIALS, EDGES, default_material="float6")
    for row in result.rows:
        for issue in row.issues:
            assert issue.render()
        if row.valid:
            assert row.values["width"] > 0 and row.values["height"] > 0
            assert 1 <= row.values["quantity"] <= 10000
    for issue in result.issues:
        assert issue.render()
