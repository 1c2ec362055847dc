"""Reading a CSV file of 予診票 data: encoding, header, numbered lines.

Files come from Excel on Windows as often as from anywhere else, so the
encoding is UTF-8 (with or without BOM) or CP932, decided from the first
bytes. Headers are the Japanese item names; each data line keeps its
physical line number for messages.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from hpia.errors import HpiaError
from hpia.registry.fields import fold

_SNIFF = 1 << 16


class CsvError(HpiaError):
    """A line of a CSV file that cannot be taken; names file, line, column."""

    def __init__(self, path: Path, line: int, message: str, column: str = "") -> None:
        where = f"{path}:{line}: " + (f"列「{column}」: " if column else "")
        super().__init__(where + message)
        self.line = line
        self.column = column


@dataclass(frozen=True)
class Line:
    number: int
    cells: dict[str, str]


def encoding_of(path: Path) -> str:
    """'utf-8-sig' (BOM or not) or 'cp932'."""
    with path.open("rb") as raw:
        head = raw.read(_SNIFF)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("cp932")().decode(head, final=False)
    except UnicodeDecodeError as err:
        raise CsvError(
            path,
            1,
            "文字コードを読み取れません。"
            "UTF-8 か CP932（Shift_JIS）で保存してください。",
        ) from err
    return "cp932"


def _columns(
    path: Path,
    header: list[str],
    names: Mapping[str, str],
    required: Mapping[str, str],
) -> list[str]:
    """The field of each header cell; unknown or missing headers refused."""
    fields: list[str] = []
    for cell in header:
        field = names.get(fold(cell))
        if field is None:
            raise CsvError(path, 1, f"見出し「{cell}」は知らない列です。")
        if field in fields:
            raise CsvError(path, 1, f"見出し「{cell}」が2回あります。")
        fields.append(field)
    missing = [name for key, name in required.items() if key not in fields]
    if missing:
        raise CsvError(path, 1, "見出しに次の列がありません: " + "、".join(missing))
    return fields


def read(
    path: Path, names: Mapping[str, str], required: Mapping[str, str]
) -> Iterator[Line]:
    """The data lines of `path`, cells keyed by field.

    `names` maps each accepted header (NFKC-folded) to its field;
    `required` maps each field that must have a column to its header.
    """
    if not path.is_file():
        raise HpiaError(f"ファイルがありません: {path}")
    encoding = encoding_of(path)
    with path.open(encoding=encoding, newline="") as stream:
        reader = csv.reader(stream)
        try:
            header = next(reader, None)
            if header is None:
                raise CsvError(path, 1, "ファイルが空です。")
            fields = _columns(path, header, names, required)
            for cells in reader:
                if not any(c.strip() for c in cells):
                    continue
                if len(cells) != len(fields):
                    raise CsvError(
                        path,
                        reader.line_num,
                        f"列の数が見出しと合いません（見出し{len(fields)}列、"
                        f"この行{len(cells)}列）。",
                    )
                yield Line(reader.line_num, dict(zip(fields, cells, strict=True)))
        except UnicodeDecodeError as err:
            raise CsvError(
                path,
                reader.line_num + 1,
                f"{encoding.upper()} として読めない文字があります。"
                "ファイル全体を同じ文字コードで保存してください。",
            ) from err
        except csv.Error as err:
            raise CsvError(
                path, reader.line_num, f"CSV として読めません（{err}）。"
            ) from err
