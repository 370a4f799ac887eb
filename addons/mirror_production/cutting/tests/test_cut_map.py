# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Cut maps: well-formed SVG with the pieces' labels and the cuts numbered, built
from numbers and escaped text only (the tablet and the forms insert it as is)."""

import xml.etree.ElementTree as ET

import pytest
from cutting import (
    Piece,
    PlannedSheet,
    Stock,
    cut_map_svg,
    plan_batch,
    sheet_from_dict,
)
from cutting.planning import Cut, PlacedPiece, Rect

NS = "{http://www.w3.org/2000/svg}"
PAYLOAD = '"><img src=x onerror=alert(1)>'
# what a cut map is made of: nothing that runs or embeds anything
DRAWING_TAGS = {f"{NS}{tag}" for tag in ("svg", "rect", "line", "circle", "text")}
DRAWING_TAGS.add(f"{NS}tspan")


def assert_no_markup(document, payload=PAYLOAD):
    """``document`` is an SVG of drawing elements only, without event handlers or
    links, and ``payload`` is in it as text or attribute value only."""
    assert "<img" not in document
    root = ET.fromstring(document)
    assert root.tag == f"{NS}svg"
    seen = False
    for element in root.iter():
        assert element.tag in DRAWING_TAGS, element.tag
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            assert not local.startswith("on"), name
            assert local != "href", name
            seen = seen or payload in value
        seen = seen or payload in (element.text or "")
    assert seen, "the text is shown, as text"
    return root


def test_cut_map_is_svg_with_labels_and_numbers():
    pieces = [Piece(7, 1000, 600), Piece(8, 500, 500)]
    result = plan_batch(pieces, [Stock("sheet", 3210, 2250, quantity=5)], time_limit=2)
    [sheet] = result.sheets
    svg = cut_map_svg(
        sheet,
        {7: ["GP00000007", "S00042 <ООО>"], 8: ["GP00000008", "S00043"]},
        {"remnant": "Остаток", "title": 'Лист "1"'},
    )
    root = ET.fromstring(svg)  # well-formed, text escaped
    assert root.tag == f"{NS}svg"
    assert root.get("aria-label") == 'Лист "1"'
    text = "".join(root.itertext())
    assert "GP00000007" in text
    assert "S00042 <ООО>" in text
    assert "Остаток" in text
    assert "1000 × 600" in text
    pieces_drawn = root.findall(f".//{NS}rect[@data-piece]")
    assert sorted(rect.get("data-piece") for rect in pieces_drawn) == ["7", "8"]
    circles = root.findall(f".//{NS}circle")
    assert len(circles) == len(sheet.cuts)
    numbers = [node.text for node in root.iter(f"{NS}text") if node.text]
    assert numbers == [str(cut.number) for cut in sheet.cuts]


def _crafted_sheet(key=PAYLOAD):
    """A sheet with a piece, an offcut, waste and cuts, as a stored layout gives
    it back."""
    return PlannedSheet(
        stock=Stock("sheet", 3000, 2000),
        pieces=[PlacedPiece(key, 0, 0, 1500, 1000, False)],
        offcuts=[Rect(1500, 0, 1500, 2000)],
        waste=[Rect(0, 1000, 1500, 1000)],
        cuts=[Cut(1, 1, 1500, 0, 1500, 2000), Cut(2, 2, 0, 1000, 1500, 1000)],
    )


def test_no_markup_from_any_text():
    # the piece's key, its labels (barcode, order, client) and the translated
    # words all come from users: they are text, in text and in attributes alike
    sheet = _crafted_sheet()
    document = cut_map_svg(
        sheet,
        {PAYLOAD: [PAYLOAD, f"S0001 {PAYLOAD}"]},
        {"remnant": PAYLOAD, "title": PAYLOAD},
    )
    root = assert_no_markup(document)
    assert root.get("aria-label") == PAYLOAD
    [piece] = root.findall(f".//{NS}rect[@data-piece]")
    assert piece.get("data-piece") == PAYLOAD
    spans = [span.text for span in root.iter(f"{NS}tspan")]
    assert spans.count(PAYLOAD) == 2  # the piece's first line and the remnant
    assert f"S0001 {PAYLOAD}" in spans


def test_a_key_without_labels_is_text_too():
    assert_no_markup(cut_map_svg(_crafted_sheet()))


@pytest.mark.parametrize(
    "layout",
    [
        {"cuts": [[PAYLOAD, 1, 0, 0, 0, 2000]]},
        {"cuts": [[1, 1, '0" onmouseover="alert(1)', 0, 0, 2000]]},
        {"pieces": [[1, f"0{PAYLOAD}", 0, 100, 100, False]]},
        {"pieces": [[1, 0, 0, float("inf"), 100, False]]},
        {"offcuts": [[0, 0, float("nan"), 100]]},
        {"waste": [[0, 0, None, 100]]},
        {"width": PAYLOAD},
        {"height": float("-inf")},
    ],
    ids=[
        "cut number",
        "cut position",
        "piece position",
        "infinite piece",
        "NaN offcut",
        "no size",
        "sheet width",
        "sheet height",
    ],
)
def test_a_layout_with_anything_but_numbers_is_refused(layout):
    # the layout is JSON: a crafted one must not reach the markup
    stored = dict({"width": 3000, "height": 2000}, **layout)
    with pytest.raises(ValueError):
        cut_map_svg(sheet_from_dict(stored))
