# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""SVG drawing of a glass piece: outline, edge work per side, holes, cutouts.

The drawing is in millimetres with the origin at the bottom-left corner (as holes
are dimensioned), scaled by the viewer. Text is escaped; nothing but the spec's
numbers and the given labels reaches the markup.
"""

from xml.sax.saxutils import escape

from . import geometry
from .spec import SHAPE_CIRCLE, SHAPE_CUSTOM, SHAPE_OVAL, SIDES
from .validation import fmt

EDGE_COLORS = {
    "arrised": "#8d6e63",
    "ground": "#1e88e5",
    "polished": "#43a047",
    "facet": "#8e24aa",
}
DEFAULT_EDGE_COLOR = "#fb8c00"


def _text(x, y, size, content, anchor="middle", color="#263238", rotate=None):
    transform = f' transform="rotate({rotate} {x:.1f} {y:.1f})"' if rotate else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:.1f}" text-anchor="{anchor}" '
        f'font-family="sans-serif" '
        f'fill="{color}"{transform}>{escape(str(content))}</text>'
    )


def edge_label(operation):
    return operation.code or operation.name


def render(spec, width_px=None, title=""):
    """An SVG document (str) for ``spec``; ``width_px`` fixes the rendered width."""
    width, height = float(spec.width or 0), float(spec.height or 0)
    if not (width > 0 and height > 0):  # also NaN, which compares False
        return ""
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
    path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in points)
    dash = f' stroke-dasharray="{stroke * 6:.1f}"' if spec.shape == SHAPE_CUSTOM else ""
    parts.append(
        f'<polygon points="{path}" fill="#e3f2fd" fill-opacity="0.7" stroke="#37474f" '
        f'stroke-width="{stroke:.2f}"{dash}/>'
    )

    # edge work: a coloured band along each processed side
    band = size * 0.012
    round_piece = spec.shape in (SHAPE_CIRCLE, SHAPE_OVAL)
    if round_piece and spec.edge("bottom"):
        operation = spec.edge("bottom")
        color = EDGE_COLORS.get(operation.edge_type, DEFAULT_EDGE_COLOR)
        parts.append(
            f'<ellipse cx="{px(width / 2):.1f}" cy="{py(height / 2):.1f}" '
            f'rx="{width / 2 - band / 2:.1f}" ry="{height / 2 - band / 2:.1f}" '
            f'fill="none" '
            f'stroke="{color}" stroke-width="{band:.1f}" class="o_mirror_edge"/>'
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
                f'<line x1="{px(x1):.1f}" y1="{py(y1):.1f}" x2="{px(x2):.1f}" '
                f'y2="{py(y2):.1f}" '
                f'stroke="{color}" stroke-width="{band:.1f}" class="o_mirror_edge" '
                f'data-side="{side}"/>'
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
        parts.append(
            f'<rect x="{px(cutout.x):.1f}" y="{py(cutout.y + cutout.height):.1f}" '
            f'width="{cutout.width:.1f}" height="{cutout.height:.1f}" fill="#ffffff" '
            f'stroke="#c62828" stroke-width="{stroke:.2f}" class="o_mirror_cutout"/>'
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
        radius = max(hole.diameter / 2.0, stroke)
        parts.append(
            f'<circle cx="{px(hole.x):.1f}" cy="{py(hole.y):.1f}" r="{radius:.1f}" '
            f'fill="#ffffff" '
            f'stroke="#c62828" stroke-width="{stroke:.2f}" class="o_mirror_hole"/>'
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
        f'<line x1="{px(0):.1f}" y1="{dim_y:.1f}" x2="{px(width):.1f}" '
        f'y2="{dim_y:.1f}" '
        f'stroke="#546e7a" stroke-width="{stroke:.2f}"/>'
    )
    parts.append(_text(px(width / 2), dim_y + font * 1.2, font, fmt(width)))
    dim_x = px(0) - font * 2.4
    parts.append(
        f'<line x1="{dim_x:.1f}" y1="{py(0):.1f}" x2="{dim_x:.1f}" '
        f'y2="{py(height):.1f}" '
        f'stroke="#546e7a" stroke-width="{stroke:.2f}"/>'
    )
    parts.append(
        _text(dim_x - font * 0.5, py(height / 2), font, fmt(height), rotate=-90)
    )
    if spec.shape == SHAPE_CIRCLE:
        parts.append(_text(px(width / 2), py(height / 2), font, f"Ø{fmt(width)}"))

    size_attr = ""
    if width_px:
        size_attr = f' width="{width_px}" height="{width_px * view_h / view_w:.0f}"'
    title_tag = f"<title>{escape(title)}</title>" if title else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {view_w:.1f} '
        f'{view_h:.1f}"'
        f'{size_attr} class="o_mirror_drawing">{title_tag}' + "".join(parts) + "</svg>"
    )
