# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""SVG drawing of a glass piece: outline, edge work per side, holes, cutouts.

The drawing is in millimetres with the origin at the bottom-left corner (as holes
are dimensioned), scaled by the viewer. It is markup the forms, the reports and the
workshop tablet insert as is, so nothing but numbers and escaped text reaches it
(see :mod:`.markup`). A hole or cutout whose numbers are not finite is not drawn.
"""

from dataclasses import replace

from . import geometry
from .markup import escape, is_finite, number
from .spec import SHAPE_CIRCLE, SHAPE_CUSTOM, SHAPE_OVAL, SIDES, Cutout, Hole
from .validation import fmt

EDGE_COLORS = {
    "arrised": "#8d6e63",
    "ground": "#1e88e5",
    "polished": "#43a047",
    "facet": "#8e24aa",
}
DEFAULT_EDGE_COLOR = "#fb8c00"


def _text(x, y, size, content, anchor="middle", color="#263238", rotate=None):
    transform = (
        f' transform="rotate({number(rotate, 0)} {number(x)} {number(y)})"'
        if rotate
        else ""
    )
    return (
        f'<text x="{number(x)}" y="{number(y)}" font-size="{number(size)}" '
        f'text-anchor="{escape(anchor)}" font-family="sans-serif" '
        f'fill="{escape(color)}"{transform}>{escape(content)}</text>'
    )


def edge_label(operation):
    return operation.code or operation.name


def render(spec, width_px=None, title=""):
    """An SVG document (str) for ``spec``; ``width_px`` fixes the rendered width.

    Empty when the piece has no finite positive size (or its outline is not
    finite); ``ValueError`` when ``width_px`` is not a finite number.
    """
    if not is_finite(spec.width or 0, spec.height or 0, spec.corner_radius or 0):
        return ""
    width, height = float(spec.width or 0), float(spec.height or 0)
    if not (width > 0 and height > 0):
        return ""
    spec = replace(
        spec, width=width, height=height, corner_radius=float(spec.corner_radius or 0)
    )
    size = max(width, height)
    font = size * 0.045
    margin = font * 4.5
    view_w, view_h = width + 2 * margin, height + 2 * margin

    def px(x):
        return margin + x

    def py(y):  # flip: the drawing's origin is the bottom-left corner
        return margin + height - y

    parts = []
    stroke = size * 0.004
    points = geometry.outline(spec)
    if not all(is_finite(x, y) for x, y in points):
        return ""
    path = " ".join(f"{number(px(x))},{number(py(y))}" for x, y in points)
    dash = (
        f' stroke-dasharray="{number(stroke * 6)}"'
        if spec.shape == SHAPE_CUSTOM
        else ""
    )
    parts.append(
        f'<polygon points="{path}" fill="#e3f2fd" fill-opacity="0.7" stroke="#37474f" '
        f'stroke-width="{number(stroke, 2)}"{dash}/>'
    )

    # edge work: a coloured band along each processed side
    band = size * 0.012
    round_piece = spec.shape in (SHAPE_CIRCLE, SHAPE_OVAL)
    if round_piece and spec.edge("bottom"):
        operation = spec.edge("bottom")
        color = EDGE_COLORS.get(operation.edge_type, DEFAULT_EDGE_COLOR)
        parts.append(
            f'<ellipse cx="{number(px(width / 2))}" cy="{number(py(height / 2))}" '
            f'rx="{number(width / 2 - band / 2)}" ry="{number(height / 2 - band / 2)}" '
            f'fill="none" stroke="{escape(color)}" stroke-width="{number(band)}" '
            'class="o_mirror_edge"/>'
        )
        parts.append(
            _text(
                px(width / 2),
                py(height) - font * 0.6,
                font,
                edge_label(operation),
                color=color,
            )
        )
    elif not round_piece:
        inset = band / 2
        segments = {
            "bottom": ((0, inset), (width, inset), (width / 2, -font * 1.2), None),
            "top": (
                (0, height - inset),
                (width, height - inset),
                (width / 2, height + font * 0.5),
                None,
            ),
            "left": ((inset, 0), (inset, height), (-font * 0.6, height / 2), -90),
            "right": (
                (width - inset, 0),
                (width - inset, height),
                (width + font * 1.3, height / 2),
                -90,
            ),
        }
        for side in SIDES:
            operation = spec.edge(side)
            if not operation:
                continue
            color = EDGE_COLORS.get(operation.edge_type, DEFAULT_EDGE_COLOR)
            (x1, y1), (x2, y2), (tx, ty), rotate = segments[side]
            parts.append(
                f'<line x1="{number(px(x1))}" y1="{number(py(y1))}" '
                f'x2="{number(px(x2))}" y2="{number(py(y2))}" '
                f'stroke="{escape(color)}" stroke-width="{number(band)}" '
                f'class="o_mirror_edge" data-side="{escape(side)}"/>'
            )
            parts.append(
                _text(
                    px(tx),
                    py(ty),
                    font,
                    edge_label(operation),
                    color=color,
                    rotate=rotate,
                )
            )

    for cutout in spec.cutouts:
        if not is_finite(cutout.x, cutout.y, cutout.width, cutout.height):
            continue
        cutout = Cutout(
            float(cutout.width), float(cutout.height), float(cutout.x), float(cutout.y)
        )
        parts.append(
            f'<rect x="{number(px(cutout.x))}" '
            f'y="{number(py(cutout.y + cutout.height))}" '
            f'width="{number(cutout.width)}" height="{number(cutout.height)}" '
            f'fill="#ffffff" stroke="#c62828" stroke-width="{number(stroke, 2)}" '
            'class="o_mirror_cutout"/>'
        )
        parts.append(
            _text(
                px(cutout.x + cutout.width / 2),
                py(cutout.y + cutout.height / 2) + font * 0.35,
                font * 0.8,
                f"{fmt(cutout.width)}×{fmt(cutout.height)}",
                color="#c62828",
            )
        )

    for hole in spec.holes:
        if not is_finite(hole.x, hole.y, hole.diameter):
            continue
        hole = Hole(float(hole.diameter), float(hole.x), float(hole.y))
        radius = max(hole.diameter / 2.0, stroke)
        parts.append(
            f'<circle cx="{number(px(hole.x))}" cy="{number(py(hole.y))}" '
            f'r="{number(radius)}" fill="#ffffff" stroke="#c62828" '
            f'stroke-width="{number(stroke, 2)}" class="o_mirror_hole"/>'
        )
        # the label goes towards the middle of the piece, so it stays in the drawing
        right_half = hole.x > width / 2
        offset = radius + font * 0.2
        parts.append(
            _text(
                px(hole.x) - offset if right_half else px(hole.x) + offset,
                py(hole.y) - radius - font * 0.2,
                font * 0.8,
                f"Ø{fmt(hole.diameter)} ({fmt(hole.x)}; {fmt(hole.y)})",
                anchor="end" if right_half else "start",
                color="#c62828",
            )
        )

    # overall dimensions
    dim_y = py(0) + font * 2.6
    parts.append(
        f'<line x1="{number(px(0))}" y1="{number(dim_y)}" x2="{number(px(width))}" '
        f'y2="{number(dim_y)}" stroke="#546e7a" stroke-width="{number(stroke, 2)}"/>'
    )
    parts.append(_text(px(width / 2), dim_y + font * 1.2, font, fmt(width)))
    dim_x = px(0) - font * 2.4
    parts.append(
        f'<line x1="{number(dim_x)}" y1="{number(py(0))}" x2="{number(dim_x)}" '
        f'y2="{number(py(height))}" stroke="#546e7a" '
        f'stroke-width="{number(stroke, 2)}"/>'
    )
    parts.append(
        _text(dim_x - font * 0.5, py(height / 2), font, fmt(height), rotate=-90)
    )
    if spec.shape == SHAPE_CIRCLE:
        parts.append(_text(px(width / 2), py(height / 2), font, f"Ø{fmt(width)}"))

    size_attr = ""
    if width_px:
        width_px = float(number(width_px, 0))
        size_attr = (
            f' width="{number(width_px, 0)}" '
            f'height="{number(width_px * view_h / view_w, 0)}"'
        )
    title_tag = f"<title>{escape(title)}</title>" if title else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {number(view_w)} '
        f'{number(view_h)}"{size_attr} class="o_mirror_drawing">{title_tag}'
        + "".join(parts)
        + "</svg>"
    )
