"""How a finding names an item of the other form of the pair.

A finding is located in one file; when the item it disagrees with is in
the other, the message names that item fully, with the file and line an
editor can open.
"""

from __future__ import annotations

from pathlib import PurePath

from hpia.assessment import Assessment, Path
from hpia.catalog import labels


def mention(a: Assessment, path: Path) -> str:
    """「重点項目評価書 Ⅰ-１-③ 対象人数（juten.yaml:16:11）」"""
    line, col = a.position(path)
    label = labels.item_label(a.form, path)
    return f"{a.form.name} {label}（{PurePath(a.file).name}:{line}:{col}）"


def mention_file(a: Assessment, path: Path) -> str:
    """「重点項目評価書（juten.yaml:71:17）」, when the words name the item."""
    line, col = a.position(path)
    return f"{a.form.name}（{PurePath(a.file).name}:{line}:{col}）"


def label(a: Assessment, path: Path) -> str:
    """The item's label alone, for an item of the same form."""
    return labels.item_label(a.form, path)
