# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Files as clients send them: Excel's CSV (cp1251, semicolons), UTF-8 with a BOM,
XLSX; and what is not a cut list."""

import io

import openpyxl
import pytest
from cutlist import CutListFileError, read_table
from cutlist.reader import MAX_BYTES
from hypothesis import given, settings
from hypothesis import strategies as st


def test_excel_csv_in_cp1251_with_semicolons():
    data = "Материал;Ширина, мм;Высота, мм\nM4;1200,5;800\n".encode("cp1251")
    assert read_table(data) == [
        ["Материал", "Ширина, мм", "Высота, мм"],
        ["M4", "1200,5", "800"],
    ]


def test_utf8_with_bom_and_commas():
    data = "\ufeffMaterial,Width,Height\nM4,1200,800\n\n".encode()
    assert read_table(data) == [["Material", "Width", "Height"], ["M4", "1200", "800"]]


def test_xlsx():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Material", "Width", "Height"])
    sheet.append(["M4", 1200, 800.5])
    sheet.append([None, None, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert read_table(buffer.getvalue(), "list.xlsx") == [
        ["Material", "Width", "Height"],
        ["M4", "1200", "800.5"],
    ]


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (b"", "a.csv", "empty"),
        (b"   \n", "a.csv", "empty"),
        (b"PK\x03\x04broken", "a.xlsx", "damaged"),
        (b"\x00\x01\x02", "a.bin", "not a CSV"),
        (b"anything", "old.xls", "not a CSV"),
        (b"x" * (MAX_BYTES + 1), "big.csv", "kB"),
        ("not bytes", "a.csv", "could not be read"),
    ],
)
def test_what_is_not_a_cut_list(data, name, words):
    with pytest.raises(CutListFileError) as error:
        read_table(data, name)
    assert words in str(error.value)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["a.csv", "a.xlsx", ""]))
def test_no_file_makes_the_reader_fail_otherwise(data, name):
    try:
        rows = read_table(data, name)
    except CutListFileError as error:
        assert str(error)
    else:
        assert all(isinstance(cell, str) for row in rows for cell in row)
