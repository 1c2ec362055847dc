"""The ※ marks: which items are 重要な変更の対象.

A ※ printed on an item marks that item; on a heading it marks everything
under it (Ⅰ４, Ⅰ５, and Ⅲ as a whole). A node may opt out explicitly, as
Ⅲ７② does under 「Ⅲ　リスク対策　※（７．②を除く。）」 (spipa.md §1.2, §4.1).
"""

from __future__ import annotations

from hpia.catalog.labels import Path, steps
from hpia.catalog.nodes import Form, Node


def own_mark(node: Node, inherited: bool) -> bool:
    if node.important is not None:
        return node.important
    return bool(node.mark) or inherited


def is_important(form: Form, path: Path) -> bool:
    """Whether a change at `path` is a change of a ※ item."""
    marked = False
    for step in steps(form, path):
        marked = own_mark(step.node, marked)
    return marked
