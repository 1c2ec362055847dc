"""A long unbroken string (a URL, a file path) wraps in every cell it is printed in.

The text is read back with pdftotext, which keeps only what is drawn inside
the page: pypdf also returns text drawn past the page's edge, where a cell
that does not wrap pushes it.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

from renders import FORM, filled_assessment, squeeze

from hpia.assessment import Assessment
from hpia.catalog.nodes import Kind
from hpia.changes import Row as ChangeRow
from hpia.render import glyphs, render

# Longer than a line of the widest cell: 140 characters without a break.
RECORD_LISTS = FORM.node("record_lists")

STEM = "https://www.example.lg.jp/" + "a1b2c3d4e5f6g7h8i9j0" * 5 + "/"


def token(n: int) -> str:
    return f"{STEM}{n:04d}.html"


def visible_text(pdf: bytes) -> str:
    """The text drawn inside the pages, as a reader sees it."""
    done = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    )
    return done.stdout.decode("utf-8")


def free_text(form_path: tuple[str | int, ...]) -> bool:
    """Whether the value at a path is written freely (not a choice)."""
    keys = tuple(k for k in form_path if isinstance(k, str))
    try:
        node = FORM.node_at(keys)
    except KeyError:  # a ticked box's label, then its detail
        node = FORM.node_at(keys[:-1])
    return node.kind is not Kind.CHOICE


def set_at(data: Any, path: tuple[str | int, ...], value: str) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


def both_record_list_styles(assessment: Assessment) -> None:
    """The first list of 別添１ as a numbered run, the second one a line each."""
    style = next(c for c in RECORD_LISTS.children if c.kind is Kind.CHOICE)
    assert style.choices is not None
    lists = assessment.value("record_lists", 0)
    lists[0][style.key] = style.choices.options[0]
    lists[1][style.key] = style.choices.options[-1]


def with_long_strings(assessment: Assessment) -> list[str]:
    """Append a long token to every free-text value; the tokens, in order."""
    tokens = []
    values = [
        (path, text)
        for path, text in glyphs.strings(assessment.data)
        if len(path) > 1 and free_text(path)
    ]
    for path, text in values:
        tokens.append(token(len(tokens)))
        set_at(assessment.data, path, f"{text}{tokens[-1]}")
    return tokens


def long_row(first: int) -> tuple[ChangeRow, list[str]]:
    """A 別添２ row with a token in each of its text columns."""
    item, before, after, reason = (token(first + n) for n in range(4))
    row = ChangeRow(dt.date(2025, 4, 1), item, before, after, "事後", reason)
    return row, [item, before, after, reason]


def test_a_long_unbroken_string_is_printed_whole_wherever_it_is(
    tmp_path: Path,
) -> None:
    assessment = filled_assessment(tmp_path)
    both_record_list_styles(assessment)
    tokens = with_long_strings(assessment)
    row, row_tokens = long_row(len(tokens))

    text = squeeze(visible_text(render(assessment, [row]).pdf))

    cut = [t for t in [*tokens, *row_tokens] if squeeze(t) not in text]
    assert len(tokens) > 100
    assert cut == []


def test_the_cover_wraps_a_url_as_the_organisation(tmp_path: Path) -> None:
    """The newcomer's case: 評価実施機関名 cut at the page's edge."""
    assessment = filled_assessment(tmp_path)
    assessment.data["表紙"]["評価実施機関名"] = token(0)

    text = squeeze(visible_text(render(assessment, []).pdf))

    assert squeeze(token(0)) in text
