# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Cut maps: the SVG drawing of a planned sheet for the cutting table.

The drawing is markup the tablet and the forms insert as is, so it is built from
numbers and escaped text only, with the glass package's markup helpers: every
number goes through ``finite`` (a finite ``float()``; a stored layout with anything
else is refused with ``ValueError``) and every string, in text or in an attribute,
through ``escape``.
"""

from ._glass import escape, finite, number


def cut_map_svg(sheet, labels=None, texts=None):
    """An SVG drawing of ``sheet``: its pieces with their labels, the offcuts kept,
    the waste, and the cuts numbered in cutting order.

    ``labels`` maps a piece's key to its lines of text (e.g. barcode, order);
    ``texts`` gives the translated words ``remnant`` and ``title``. Raises
    ``ValueError`` when a size, position or cut number of ``sheet`` is not a
    finite number.
    """
    labels = labels or {}
    texts = texts or {}
    width, height = finite(sheet.stock.width), finite(sheet.stock.height)
    unit = max(width, height) / 100.0  # 1 % of the sheet's long side, in mm
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{number(-2 * unit, 0)} '
        f"{number(-2 * unit, 0)} {number(width + 4 * unit, 0)} "
        f'{number(height + 4 * unit, 0)}" '
        f'class="o_mirror_cut_map" role="img" '
        f'aria-label="{escape(texts.get("title", ""))}" '
        'preserveAspectRatio="xMidYMid meet" font-family="sans-serif" '
        'style="width: 100%; max-height: 75vh;">',
        f'<rect x="0" y="0" width="{number(width)}" height="{number(height)}" '
        f'fill="#eef3f6" stroke="#37474f" stroke-width="{number(unit / 3)}"/>',
    ]

    def flip(y, h):  # drawings have y upwards, like the plan
        return height - finite(y) - finite(h)

    for rect in sheet.waste:
        out.append(
            f'<rect x="{number(rect.x)}" y="{number(flip(rect.y, rect.height))}" '
            f'width="{number(rect.width)}" height="{number(rect.height)}" '
            'fill="#d7d7d7"/>'
        )
    for rect in sheet.offcuts:
        y = flip(rect.y, rect.height)
        out.append(
            f'<rect x="{number(rect.x)}" y="{number(y)}" '
            f'width="{number(rect.width)}" height="{number(rect.height)}" '
            f'fill="#dcedc8" stroke="#689f38" stroke-width="{number(unit / 5)}"/>'
        )
        out.append(
            _text_block(
                rect.x,
                y,
                rect.width,
                rect.height,
                [
                    texts.get("remnant", "Remnant"),
                    f"{number(rect.width)} × {number(rect.height)}",
                ],
                "#33691e",
                unit,
            )
        )
    for piece in sheet.pieces:
        y = flip(piece.y, piece.height)
        out.append(
            f'<rect x="{number(piece.x)}" y="{number(y)}" '
            f'width="{number(piece.width)}" height="{number(piece.height)}" '
            f'fill="#bbdefb" stroke="#0d47a1" stroke-width="{number(unit / 5)}" '
            f'data-piece="{escape(piece.key)}"/>'
        )
        lines = [*labels.get(piece.key, [piece.key])]
        # the piece's size as ordered; ↻ when it lies turned on the sheet
        size = (
            (piece.height, piece.width)
            if piece.rotated
            else (piece.width, piece.height)
        )
        lines.append(
            f"{number(size[0])} × {number(size[1])}" + (" ↻" if piece.rotated else "")
        )
        out.append(
            _text_block(piece.x, y, piece.width, piece.height, lines, "#0d2a4f", unit)
        )
    radius = 1.6 * unit
    for cut in sheet.cuts:
        x0, x1 = finite(cut.x0), finite(cut.x1)
        y0, y1 = height - finite(cut.y0), height - finite(cut.y1)
        out.append(
            f'<line x1="{number(x0)}" y1="{number(y0)}" x2="{number(x1)}" '
            f'y2="{number(y1)}" stroke="#d32f2f" stroke-width="{number(unit / 4)}" '
            f'stroke-dasharray="{number(unit, 0)} {number(unit / 2, 0)}"/>'
        )
        # the number sits at the cut's start: bottom for cuts along y, left else
        cx, cy = (x0, max(y0, y1) - radius) if x0 == x1 else (x0 + radius, y0)
        out.append(
            f'<circle cx="{number(cx)}" cy="{number(cy, 0)}" r="{number(radius, 0)}" '
            f'fill="#d32f2f"/>'
            f'<text x="{number(cx)}" y="{number(cy, 0)}" fill="#ffffff" '
            f'font-size="{number(radius, 0)}" text-anchor="middle" '
            f'dominant-baseline="central">{number(cut.number, 0)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _text_block(x, y, width, height, lines, color, unit):
    """``lines`` centred in a box, as large as the box allows (nothing if the box
    is too small to read)."""
    x, y, width, height = finite(x), finite(y), finite(width), finite(height)
    lines = [str(line) for line in lines]
    longest = max(len(line) for line in lines)
    size = min(
        height / (1.3 * len(lines) + 0.5), width / (0.62 * longest + 1), 4 * unit
    )
    if size < 0.8 * unit:
        return ""
    top = y + height / 2 - (len(lines) - 1) * 0.65 * size
    spans = "".join(
        f'<tspan x="{number(x + width / 2, 0)}" '
        f'y="{number(top + index * 1.3 * size, 0)}">{escape(line)}</tspan>'
        for index, line in enumerate(lines)
    )
    return (
        f'<text fill="{escape(color)}" font-size="{number(size, 0)}" '
        'text-anchor="middle" dominant-baseline="central">'
        f"{spans}</text>"
    )
