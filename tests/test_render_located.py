"""Where a character of a value is written, whatever the scalar's style."""

from __future__ import annotations

from pathlib import Path

import pytest

from hpia.render.located import Spots
from hpia.yamlio import read_source

TEXT = """\
a:
  literal: |-
    一行目
    二行目の吉
  folded: >-
    一行目
    二行目の吉
  plain: 一行目
    二行目の吉
  quoted: "一行目の\\u5409"
  items:
    - 吉
    - 項目の吉
b: 最後の吉
"""


@pytest.mark.parametrize(
    ("path", "where"),
    [
        (("a", "literal"), (4, 9)),
        (("a", "folded"), (7, 9)),
        (("a", "plain"), (9, 9)),
        (("a", "quoted"), (10, 11)),  # an escape: the value's start
        (("a", "items", 0), (12, 7)),
        (("a", "items", 1), (13, 10)),
        (("b",), (14, 7)),
    ],
    ids=["literal", "folded", "plain", "escaped", "item", "item-2", "last"],
)
def test_a_character_is_found_in_its_own_value(
    tmp_path: Path, path: tuple[str | int, ...], where: tuple[int, int]
) -> None:
    file = tmp_path / "x.yaml"
    file.write_text(TEXT, encoding="utf-8")

    assert Spots(read_source(file)).of(path, "吉") == where
