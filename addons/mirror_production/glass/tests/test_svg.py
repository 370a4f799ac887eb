# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The SVG drawing: well-formed, one circle per hole, edges only where processed,
labels escaped."""

import xml.etree.ElementTree as ET

import pytest
from glass import markup, svg

NS = "{http://www.w3.org/2000/svg}"


def parse(document):
    root = ET.fromstring(document)
    assert root.tag == f"{NS}svg"
    return root


def find(root, tag, css_class=None):
    return [
        element
        for element in root.iter(f"{NS}{tag}")
        if css_class is None or element.get("class") == css_class
    ]


def texts(root):
    return [element.text for element in root.iter(f"{NS}text")]


DRAWINGS = {
    "plain rectangle": dict(),
    "rectangle with everything": dict(
        width=1000,
        height=1000,
        edges={"bottom": "ground", "top": "polished"},
        holes=[(8, 100, 100), (35, 500, 700), (8, 900, 100)],
        cutouts=[(200, 100, 400, 300)],
    ),
    "rounded": dict(
        width=800, height=600, shape="rounded", corner_radius=50, edges="ground"
    ),
    "circle": dict(
        width=600, height=600, shape="circle", edges="polished", holes=[(35, 300, 300)]
    ),
    "oval": dict(width=800, height=400, shape="oval", edges="ground"),
    "custom": dict(width=700, height=400, shape="custom", has_drawing=True),
    "tall narrow": dict(width=20, height=3000, edges={"left": "ground"}),
}


@pytest.mark.parametrize("kwargs", DRAWINGS.values(), ids=DRAWINGS.keys())
def test_valid_xml_with_one_circle_per_hole(make_spec, kwargs):
    spec = make_spec("mirror4", **{"width": 1000, "height": 500, **kwargs})
    root = parse(svg.render(spec))
    # the only <circle> elements are the holes
    assert len(find(root, "circle")) == len(spec.holes)
    assert len(find(root, "circle", "o_mirror_hole")) == len(spec.holes)
    assert len(find(root, "rect", "o_mirror_cutout")) == len(spec.cutouts)
    assert len(find(root, "polygon")) == 1  # the glass outline


@pytest.mark.parametrize(
    ("edges", "sides"),
    [
        (None, []),
        ({"bottom": "ground"}, ["bottom"]),
        ({"bottom": "ground", "top": "ground"}, ["bottom", "top"]),
        ({"left": "polished", "right": "ground"}, ["right", "left"]),
        ("polished", ["bottom", "right", "top", "left"]),
        # a side explicitly without edge work
        ({"bottom": "ground", "top": None}, ["bottom"]),
    ],
)
def test_edge_lines_only_on_processed_sides(make_spec, edges, sides):
    root = parse(svg.render(make_spec("mirror4", 1000, 500, edges=edges)))
    lines = find(root, "line", "o_mirror_edge")
    assert [line.get("data-side") for line in lines] == sides


@pytest.mark.parametrize(
    ("edge", "color", "label"),
    [
        ("ground", "#1e88e5", "GE"),
        ("polished", "#43a047", "PE"),
        ("facet20", "#8e24aa", "F20"),
    ],
)
def test_edge_colour_and_label(make_spec, edge, color, label):
    root = parse(svg.render(make_spec("mirror4", 1000, 500, edges={"bottom": edge})))
    (line,) = find(root, "line", "o_mirror_edge")
    assert line.get("stroke") == color
    assert label in texts(root)


@pytest.mark.parametrize(
    ("shape", "width", "height"), [("circle", 600, 600), ("oval", 800, 400)]
)
def test_round_piece_has_one_edge_ellipse(make_spec, shape, width, height):
    spec = make_spec("mirror4", width, height, shape=shape, edges="polished")
    root = parse(svg.render(spec))
    assert find(root, "line", "o_mirror_edge") == []
    (ellipse,) = find(root, "ellipse", "o_mirror_edge")
    assert ellipse.get("stroke") == "#43a047"


def test_labels_are_escaped(make_spec, ops):
    from dataclasses import replace

    bold = replace(ops["ground"], code="", name="<b>Bold & co</b>")
    spec = make_spec("mirror4", 1000, 500, edges={"bottom": bold})
    document = svg.render(spec, title='<script>alert("x")</script>')
    assert "<b>" not in document and "<script>" not in document
    assert "&lt;b&gt;Bold &amp; co&lt;/b&gt;" in document
    root = parse(document)
    assert find(root, "b") == [] and find(root, "script") == []
    assert "<b>Bold & co</b>" in texts(root)
    assert root.find(f"{NS}title").text == '<script>alert("x")</script>'


@pytest.mark.parametrize(
    ("width", "height"),
    [(0, 500), (1000, 0), (0, 0), (-10, 500), (None, 500), (float("nan"), 500)],
)
def test_empty_for_no_size(make_spec, width, height):
    assert svg.render(make_spec("mirror4", width, height)) == ""


def test_size_and_view_box(make_spec):
    # size 1000 → font 45, margin 4.5 × 45 = 202.5; view 1000 + 405 = 1405 × 500 + 405
    # = 905;
    # 281 px wide → 281 × 905 / 1405 = 181 px high
    root = parse(svg.render(make_spec("mirror4", 1000, 500), width_px=281))
    assert root.get("viewBox") == "0 0 1405 905"
    assert (root.get("width"), root.get("height")) == ("281", "181")
    assert root.get("class") == "o_mirror_drawing"


def test_no_size_attributes_without_width_px(make_spec):
    root = parse(svg.render(make_spec("mirror4", 1000, 500)))
    assert root.get("width") is None and root.get("height") is None


def test_hole_position_is_measured_from_the_bottom_left(make_spec):
    # margin 202.5 (see test_size_and_view_box): x = 202.5 + 100 = 302.5,
    # y flipped = 202.5 + 500 − 100 = 602.5, r = 8 / 2 = 4
    spec = make_spec("mirror4", 1000, 500, holes=[(8, 100, 100)])
    root = parse(svg.render(spec))
    (hole,) = find(root, "circle", "o_mirror_hole")
    assert (hole.get("cx"), hole.get("cy"), hole.get("r")) == ("302.5", "602.5", "4")
    assert "Ø8 (100; 100)" in texts(root)


@pytest.mark.parametrize(("x", "anchor"), [(100, "start"), (900, "end")])
def test_hole_label_points_to_the_middle(make_spec, x, anchor):
    # a label on the right half is written leftwards, so it is never cut off
    spec = make_spec("mirror4", 1000, 500, holes=[(8, x, 100)])
    root = parse(svg.render(spec))
    [label] = [
        node
        for node in root.iter("{http://www.w3.org/2000/svg}text")
        if node.text and node.text.startswith("Ø8")
    ]
    assert label.get("text-anchor") == anchor


@pytest.mark.parametrize(
    ("kwargs", "expected_texts"),
    [
        # overall dimensions
        (dict(width=1000, height=500), ["1000", "500"]),
        # a circle shows its diameter
        (dict(width=600, height=600, shape="circle"), ["600", "Ø600"]),
        # cutout size
        (dict(width=1000, height=1000, cutouts=[(200, 100, 400, 300)]), ["200×100"]),
        # fractional sizes as a workshop writes them
        (dict(width=1000.5, height=499.25), ["1000.5", "499.25"]),
    ],
)
def test_dimension_texts(make_spec, kwargs, expected_texts):
    found = texts(parse(svg.render(make_spec("mirror4", **kwargs))))
    for text in expected_texts:
        assert text in found


@pytest.mark.parametrize(("shape", "dashed"), [("custom", True), ("rectangle", False)])
def test_custom_outline_is_dashed(make_spec, shape, dashed):
    root = parse(
        svg.render(make_spec("mirror4", 700, 400, shape=shape, has_drawing=True))
    )
    (polygon,) = find(root, "polygon")
    assert (polygon.get("stroke-dasharray") is not None) is dashed


PAYLOAD = '"><img src=x onerror=alert(1)>'
# what a piece drawing is made of: nothing that runs or embeds anything
DRAWING_TAGS = {
    f"{NS}{tag}"
    for tag in ("svg", "title", "polygon", "line", "ellipse", "rect", "circle", "text")
}


def assert_no_markup(document, payload=PAYLOAD):
    """``document`` is an SVG of drawing elements only, without event handlers or
    links, and ``payload`` is in it as text only."""
    assert "<img" not in document
    root = parse(document)
    for element in root.iter():
        assert element.tag in DRAWING_TAGS, element.tag
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            assert not local.startswith("on"), name
            assert local != "href", name
            assert payload not in value, name
    return root


@pytest.mark.parametrize("shape", ["rectangle", "circle"])
def test_no_markup_from_any_text(make_spec, ops, shape):
    from dataclasses import replace

    # edge codes, operation and material names and the title come from users
    by_code = replace(ops["ground"], code=PAYLOAD)
    by_name = replace(ops["polished"], code="", name=PAYLOAD)
    spec = make_spec(
        "mirror4",
        1000,
        1000,
        material_changes={"name": PAYLOAD},
        shape=shape,
        edges={"bottom": by_code, "top": by_name, "left": by_name, "right": by_code},
        holes=[(8, 100, 100)],
        cutouts=[(200, 100, 400, 300)] if shape == "rectangle" else [],
    )
    root = assert_no_markup(svg.render(spec, width_px=300, title=PAYLOAD))
    assert root.find(f"{NS}title").text == PAYLOAD
    assert PAYLOAD in texts(root)


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(holes=[(8, float("inf"), 100)]),
        dict(holes=[(float("nan"), 100, 100)]),
        dict(holes=[(8, 100, PAYLOAD, None)]),
        dict(cutouts=[(200, float("nan"), 400, 300)]),
        dict(cutouts=[(200, 100, '0" onclick="alert(1)', 300, None)]),
    ],
    ids=["hole x", "hole diameter", "hole y", "cutout height", "cutout x"],
)
def test_what_is_not_a_number_is_not_drawn(make_spec, kwargs):
    document = svg.render(make_spec("mirror4", 1000, 1000, **kwargs))
    root = parse(document)
    assert find(root, "circle") == [] and find(root, "rect") == []
    assert "inf" not in document and "nan" not in document
    assert "onclick" not in document and "<img" not in document


@pytest.mark.parametrize(
    ("width", "height"), [(float("inf"), 500), (1000, float("-inf")), (PAYLOAD, 500)]
)
def test_empty_for_a_size_that_is_not_a_number(make_spec, width, height):
    assert svg.render(make_spec("mirror4", width, height)) == ""


def test_numbers_in_text_are_read_as_numbers(make_spec):
    spec = make_spec("mirror4", "1000", "500", holes=[("8", "100", "100", None)])
    root = parse(svg.render(spec, width_px="281"))
    assert (root.get("width"), root.get("height")) == ("281", "181")
    (hole,) = find(root, "circle")
    assert (hole.get("cx"), hole.get("cy"), hole.get("r")) == ("302.5", "602.5", "4")


@pytest.mark.parametrize("width_px", ['300" onload="alert(1)', float("inf"), "x"])
def test_the_rendered_width_must_be_a_number(make_spec, width_px):
    with pytest.raises(ValueError):
        svg.render(make_spec("mirror4", 1000, 500), width_px=width_px)


def test_escape_covers_text_and_attribute_values():
    assert markup.escape("""<a href='x' title="y">&</a>""") == (
        "&lt;a href=&#x27;x&#x27; title=&quot;y&quot;&gt;&amp;&lt;/a&gt;"
    )
    assert markup.escape(42) == "42"


def test_numbers_are_written_as_numbers():
    assert markup.number(10) == "10"
    assert markup.number("1500") == "1500"
    assert markup.number(2.25) == "2.2"
    assert markup.number(2.25, 2) == "2.25"
    assert markup.number(4.0, 2) == "4"
    assert markup.number(-0.0) == "0"
    assert markup.number(True) == "1"
    assert markup.finite("2.5") == 2.5
    assert markup.is_finite(1, "2", 3.5)
    for value in (float("nan"), float("inf"), None, "", "1 2", PAYLOAD, [1], 10**400):
        assert not markup.is_finite(1, value)
        with pytest.raises(ValueError):
            markup.finite(value)
        with pytest.raises(ValueError):
            markup.number(value)
