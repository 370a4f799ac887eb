# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Read a cut list's rows into pieces, or into the problems of each row.

The first row names the columns, in Russian or English, in any order (see
:data:`COLUMNS`); sizes are millimetres, decimal commas and spaces between
thousands are fine. Materials and edge work are named by the shop's own names
or short codes (the ones printed on its labels), given by the caller.
"""

import math
import re
from dataclasses import dataclass, field

from ._glass import Issue, _lt, fmt

SIDES = ("bottom", "right", "top", "left")

# column -> the headers that name it (lower case, units and punctuation removed)
COLUMNS = {
    "reference": ("reference", "ref", "item", "name", "позиция", "поз", "наименование"),
    "material": ("material", "glass", "материал", "стекло"),
    "width": ("width", "w", "ширина", "ш"),
    "height": ("height", "h", "length", "высота", "длина", "в", "д"),
    "quantity": ("quantity", "qty", "pcs", "count", "количество", "кол во", "шт"),
    "edge": ("edge", "edges", "edge work", "кромка", "обработка кромки", "обработка"),
    "holes": ("holes", "drilling", "отверстия", "сверление"),
    "note": ("note", "notes", "comment", "примечание", "комментарий"),
}
TEMPLATE_HEADERS = {
    "en": [
        "Reference",
        "Material",
        "Width, mm",
        "Height, mm",
        "Quantity",
        "Edge",
        "Holes",
        "Note",
    ],
    "ru": [
        "Позиция",
        "Материал",
        "Ширина, мм",
        "Высота, мм",
        "Количество",
        "Кромка",
        "Отверстия",
        "Примечание",
    ],
}
NO_EDGE = frozenset(["", "-", "–", "—", "0", "no", "none", "нет", "без"])
MAX_SIZE = 100000.0  # mm: anything larger is a typing error, not glass
MAX_QUANTITY = 10000
CM_HINT = 100.0  # mm: a list whose sizes are all below this is in centimetres

_UNIT_MM = re.compile(r"\s*(мм|mm)\.?$", re.IGNORECASE)
_UNIT_CM = re.compile(r"\s*(см|cm)\.?$", re.IGNORECASE)
_HEADER_UNITS = re.compile(r"\(.*?\)|,?\s*(мм|mm|см|cm|шт|pcs)\.?$", re.IGNORECASE)
_HOLE = re.compile(
    r"(?:[ØøDd⌀]\s*)?(?P<d>\d+(?:[.,]\d+)?)\s*(?:mm|мм)?\s*"
    r"[(@:]\s*(?P<x>\d+(?:[.,]\d+)?)\s*[;x×*хХ]\s*(?P<y>\d+(?:[.,]\d+)?)\s*\)?"
)


@dataclass
class PieceRow:
    """One row of the list: its number in the file, its values and problems."""

    number: int
    values: dict = field(default_factory=dict)
    issues: list = field(default_factory=list)

    @property
    def valid(self):
        return not self.issues


@dataclass
class CutList:
    rows: list = field(default_factory=list)
    issues: list = field(default_factory=list)  # about the whole file
    columns: dict = field(default_factory=dict)  # column -> index in the file

    @property
    def good_rows(self):
        return [row for row in self.rows if row.valid]

    @property
    def bad_rows(self):
        return [row for row in self.rows if not row.valid]


def _key(text):
    text = _HEADER_UNITS.sub("", str(text).strip().lower()).strip()
    text = re.sub(r"[\s\-_.,:/]+", " ", text).strip()
    return text.replace("ё", "е")


_ALIASES = {alias: column for column, aliases in COLUMNS.items() for alias in aliases}


def _header_column(text):
    key = _key(text)
    if key in _ALIASES:
        return _ALIASES[key]
    # "Кол-во, шт." and "Edge (all sides)": the first words name it
    for alias, column in _ALIASES.items():
        if len(alias) > 2 and key.startswith(alias + " "):
            return column
    return None


def _header_in_cm(text):
    return bool(re.search(r"\b(см|cm)\b", str(text).lower()))


def parse_number(text):
    """``(value, problem)``: a number written by hand or by a spreadsheet.

    ``"1 200,5"``, ``"1200.5"``, ``"1200 мм"`` are 1200.5 mm; ``"120 см"`` is a
    problem (``"cm"``), as is anything that is not a finite number (``"nan"``).
    """
    text = str(text).strip().replace("\u00a0", "").replace("\u202f", "")
    if _UNIT_CM.search(text):
        return None, "cm"
    text = _UNIT_MM.sub("", text).replace(" ", "").replace("'", "")
    if "," in text and "." in text:
        # the last separator is the decimal one: 1.200,5 or 1,200.5
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal == "," else ",", "").replace(decimal, ".")
    elif text.count(",") == 1:
        text = text.replace(",", ".")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
        return None, "number"
    value = float(text)
    if not math.isfinite(value):  # pragma: no cover - the pattern has no inf/nan
        return None, "number"
    return value, None


def _issue(piece_row, code, message, column, **params):
    piece_row.issues.append(Issue(code, message, params, column))


def _size(row, column, text, label):
    value, problem = parse_number(text)
    if problem == "cm":
        _issue(
            row,
            "size_cm",
            _lt(
                "Row %(row)s: %(field)s is in centimetres (%(value)s); sizes are in "
                "millimetres: write %(mm)s."
            ),
            column,
            row=row.number,
            field=label,
            value=text,
            mm=_cm_to_mm(text),
        )
    elif problem or value is None:
        _issue(
            row,
            "size_number",
            _lt(
                "Row %(row)s: %(field)s must be a number of millimetres "
                "(got %(value)s)."
            ),
            column,
            row=row.number,
            field=label,
            value=_shown(text),
        )
    elif not 0 < value <= MAX_SIZE:
        _issue(
            row,
            "size_range",
            _lt(
                "Row %(row)s: %(field)s of %(value)s mm is not a glass size: write the "
                "size in millimetres, e.g. 1200."
            ),
            column,
            row=row.number,
            field=label,
            value=fmt(value),
        )
    else:
        return value
    return None


def _cm_to_mm(text):
    value, _problem = parse_number(_UNIT_CM.sub("", str(text)))
    return fmt(value * 10) if value is not None else "…"


def _shown(text):
    text = str(text)
    return repr(text if len(text) <= 30 else text[:29] + "…")


def lookup_key(text):
    """How a material or edge name is looked up: lower case, single spaces."""
    return " ".join(str(text).strip().lower().replace("ё", "е").split())


def _lookup(table, text):
    return table.get(lookup_key(text))


def _edges(row, column, text, edges):
    parts = [part for part in re.split(r"[/;,|\s]+", str(text).strip()) if part]
    if not parts or (len(parts) == 1 and parts[0].lower() in NO_EDGE):
        return {}
    found = _lookup(edges, text)
    if found is not None:  # a name with spaces ("ground edge")
        return dict.fromkeys(SIDES, found)
    if len(parts) not in (1, 4):
        _issue(
            row,
            "edge_sides",
            _lt(
                "Row %(row)s: write one edge code for all sides or four, "
                "bottom / right / top / left (got %(value)s)."
            ),
            column,
            row=row.number,
            value=_shown(text),
        )
        return {}
    keys = []
    for part in parts:
        if part.lower() in NO_EDGE:
            keys.append(None)
            continue
        key = _lookup(edges, part)
        if key is None:
            _issue(
                row,
                "edge_unknown",
                _lt(
                    "Row %(row)s: unknown edge work %(value)s. Use one of: "
                    "%(known)s; or - for none."
                ),
                column,
                row=row.number,
                value=_shown(part),
                known=", ".join(sorted({code for code in edges if len(code) <= 4}))
                or "-",
            )
            return {}
        keys.append(key)
    if len(keys) == 1:
        keys = keys * 4
    return {side: key for side, key in zip(SIDES, keys, strict=True) if key is not None}


def _holes(row, column, text, max_holes):
    text = str(text).strip()
    if not text or text.lower() in NO_EDGE:
        return []
    holes = []
    rest = text
    for match in _HOLE.finditer(text):
        holes.append(
            tuple(parse_number(match.group(name))[0] for name in ("d", "x", "y"))
        )
        rest = rest.replace(match.group(0), " ", 1)
        if len(holes) > max_holes:
            break
    if re.sub(r"[\s,;/|]+", "", rest) or not holes:
        _issue(
            row,
            "holes_format",
            _lt(
                "Row %(row)s: holes are written diameter (x; y) from the bottom-left "
                "corner, e.g. Ø8 (100; 100), Ø8 (900; 100) (got %(value)s)."
            ),
            column,
            row=row.number,
            value=_shown(text),
        )
        return []
    if len(holes) > max_holes:
        _issue(
            row,
            "holes_max",
            _lt("Row %(row)s: at most %(max)s holes per piece."),
            column,
            row=row.number,
            max=max_holes,
        )
        return []
    return holes


def _read_row(number, cells, columns, materials, edges, default_material, max_holes):
    """One row of the list: its piece's values and its problems."""
    row = PieceRow(number=number)
    labels = {"width": _lt("the width"), "height": _lt("the height")}

    def cell(column):
        index = columns.get(column)
        if index is None or index >= len(cells):
            return ""
        return str(cells[index] if cells[index] is not None else "").strip()

    material_text = cell("material")
    if material_text:
        material = _lookup(materials, material_text)
        if material is None:
            _issue(
                row,
                "material_unknown",
                _lt(
                    "Row %(row)s: unknown material %(value)s: use a name or "
                    "code from the price list."
                ),
                "material",
                row=row.number,
                value=_shown(material_text),
            )
    else:
        material = default_material
        if material is None:
            _issue(
                row,
                "material_missing",
                _lt("Row %(row)s: the material is missing."),
                "material",
                row=row.number,
            )
    width = _size(row, "width", cell("width"), labels["width"])
    height = _size(row, "height", cell("height"), labels["height"])
    quantity_text = cell("quantity") or "1"
    quantity, problem = parse_number(quantity_text)
    if (
        problem
        or quantity is None
        or not quantity.is_integer()
        or not (1 <= quantity <= MAX_QUANTITY)
    ):
        _issue(
            row,
            "quantity",
            _lt(
                "Row %(row)s: the quantity must be a whole number from 1 to "
                "%(max)s (got %(value)s)."
            ),
            "quantity",
            row=row.number,
            max=MAX_QUANTITY,
            value=_shown(quantity_text),
        )
        quantity = None
    row.values = {
        "reference": cell("reference")[:200],
        "material": material,
        "width": width,
        "height": height,
        "quantity": int(quantity) if quantity is not None else None,
        "edges": _edges(row, "edge", cell("edge"), edges),
        "holes": _holes(row, "holes", cell("holes"), max_holes),
        "note": cell("note")[:1000],
    }
    return row


def parse(table, materials, edges, default_material=None, max_rows=500, max_holes=50):
    """Read ``table`` (rows of cells, the first the headers) into a :class:`CutList`.

    ``materials`` and ``edges`` map a lower-case name or code to the caller's key
    (e.g. a record id); ``default_material`` is used when the list has no material
    column or a row leaves it empty. Never raises: every problem is an issue of
    the file or of its row, with the row's number in the file.
    """
    result = CutList()
    rows = [list(row) for row in table or () if isinstance(row, list | tuple)]
    if not rows:
        result.issues.append(Issue("empty", _lt("The file has no rows."), {}, ""))
        return result
    headers = rows[0]
    for index, text in enumerate(headers):
        column = _header_column(text)
        if column and column not in result.columns:
            result.columns[column] = index
            if column in ("width", "height") and _header_in_cm(text):
                result.issues.append(
                    Issue(
                        "header_cm",
                        _lt(
                            "The column %(column)s is in centimetres: sizes are in "
                            "millimetres. Multiply them by 10 and name the column "
                            "%(column_mm)s."
                        ),
                        {"column": str(text), "column_mm": _key(text) + ", mm"},
                        column,
                    )
                )
    missing = [name for name in ("width", "height") if name not in result.columns]
    if "material" not in result.columns and default_material is None:
        missing.append("material")
    if missing:
        result.issues.append(
            Issue(
                "header_missing",
                _lt(
                    "The first row must name the columns; missing: %(missing)s. "
                    "Download the template to see them."
                ),
                {"missing": ", ".join(missing)},
                "",
            )
        )
        return result
    body = rows[1:]
    if len(body) > max_rows:
        result.issues.append(
            Issue(
                "rows_max",
                _lt(
                    "The list has %(count)s rows: at most %(max)s per order. Split it "
                    "into several orders."
                ),
                {"count": len(body), "max": max_rows},
                "",
            )
        )
        return result
    if result.issues:
        return result
    for offset, cells in enumerate(body):
        if any(str(value or "").strip() for value in cells):
            result.rows.append(
                _read_row(
                    offset + 2,  # the file's own row number
                    cells,
                    result.columns,
                    materials,
                    edges,
                    default_material,
                    max_holes,
                )
            )
    sizes = [
        size
        for row in result.rows
        for size in (row.values.get("width"), row.values.get("height"))
        if size is not None
    ]
    if sizes and max(sizes) < CM_HINT:
        result.issues.append(
            Issue(
                "sizes_cm",
                _lt(
                    "Every size in the list is under %(hint)s mm: the list looks "
                    "like it is in centimetres. Sizes are in millimetres: multiply "
                    "them by 10."
                ),
                {"hint": fmt(CM_HINT)},
                "",
            )
        )
    return result


def template_rows(lang="en"):
    """The downloadable template: the headers and two example rows."""
    headers = TEMPLATE_HEADERS["ru" if str(lang).startswith("ru") else "en"]
    return [
        headers,
        ["1", "M4", "1200", "800", "2", "Ш", "Ø8 (100; 100), Ø8 (1100; 100)", ""],
        ["2", "M4", "450,5", "600", "1", "П / - / П / -", "", ""],
    ]
