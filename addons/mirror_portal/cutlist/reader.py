# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A cut-list file (CSV or XLSX) as rows of text cells."""

import csv
import io
import zipfile

from ._glass import _lt

MAX_BYTES = 2 * 1024 * 1024  # a cut list of 500 rows is a few dozen kB
MAX_ROWS = 2000  # rows read (the parser refuses more than the order limit)
MAX_COLUMNS = 40
XLSX_MAGIC = b"PK\x03\x04"
ENCODINGS = ("utf-8-sig", "cp1251")  # Excel's "CSV (Windows)" in Russia is cp1251


class CutListFileError(ValueError):
    """A file that is not a readable cut list: ``message % params`` says why."""

    def __init__(self, message, **params):
        super().__init__(message % params if params else message)
        self.message = message
        self.params = params


def read_table(data, filename=""):
    """The rows of a CSV or XLSX cut list, each a list of stripped strings.

    The type comes from the content (an XLSX file is a zip archive), not from the
    name. Raises :class:`CutListFileError` for anything else.
    """
    if not isinstance(data, bytes | bytearray):
        raise CutListFileError(
            _lt("The file could not be read: send a CSV or XLSX file.")
        )
    if len(data) > MAX_BYTES:
        raise CutListFileError(
            _lt(
                "The file is %(size)s kB: a cut list may be up to %(max)s kB. Split it "
                "into several files."
            ),
            size=len(data) // 1024,
            max=MAX_BYTES // 1024,
        )
    if not data.strip():
        raise CutListFileError(_lt("The file is empty."))
    if data.startswith(XLSX_MAGIC):
        rows = _read_xlsx(bytes(data))
    elif filename.lower().endswith((".xlsx", ".xls", ".ods")) or b"\x00" in data[:4096]:
        raise CutListFileError(
            _lt(
                "This is not a CSV or XLSX file. Save the table as Excel (.xlsx) or "
                "CSV and upload it again."
            )
        )
    else:
        rows = _read_csv(bytes(data))
    rows = [row for row in rows if any(cell for cell in row)]
    if not rows:
        raise CutListFileError(_lt("The file has no rows."))
    return rows


def _read_csv(data):
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1251 decodes almost any byte
        raise CutListFileError(
            _lt("The file's text encoding is unknown: save it as UTF-8.")
        )
    sample = "\n".join(text.splitlines()[:20])
    delimiter = _delimiter(sample)
    rows = []
    try:
        for row in csv.reader(io.StringIO(text), delimiter=delimiter):
            if len(rows) >= MAX_ROWS:
                break
            rows.append([cell.strip() for cell in row[:MAX_COLUMNS]])
    except csv.Error as error:
        raise CutListFileError(
            _lt("The CSV file is malformed (%(error)s)."), error=str(error)
        ) from error
    return rows


def _delimiter(sample):
    """``;`` (Excel in Russia, decimal commas), tab or ``,``: the most frequent."""
    counts = {delimiter: sample.count(delimiter) for delimiter in (";", "\t", ",")}
    if counts[";"] or counts["\t"]:
        return ";" if counts[";"] >= counts["\t"] else "\t"
    return ","


def _read_xlsx(data):
    try:
        import openpyxl
    except ImportError as error:  # pragma: no cover - Odoo requires openpyxl
        raise CutListFileError(
            _lt("XLSX files cannot be read here: send a CSV file.")
        ) from error
    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True
        )
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise CutListFileError(
            _lt("The XLSX file is damaged or not an Excel workbook: save it again.")
        ) from error
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise CutListFileError(_lt("The workbook has no sheet."))
        rows = []
        for values in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
            if len(rows) >= MAX_ROWS:
                break
            cells = [_cell_text(value) for value in values]
            while cells and not cells[-1]:  # read-only sheets pad every row
                cells.pop()
            rows.append(cells)
        return rows
    finally:
        workbook.close()


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
