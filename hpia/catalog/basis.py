"""Which parts of a catalog rest on sources not yet checked.

Only the 重点項目評価書 could be read from a published form (the seed); the
other forms are partly reconstructed (spipa.md §2). A catalog says so on
the nodes concerned, and every message or hover text about such an item
can say it too, so nobody takes a guessed label for the official one.
"""

from __future__ import annotations

from collections.abc import Iterator

from hpia.catalog.labels import Path, steps
from hpia.catalog.nodes import Basis, Form, walk

WORDS = {
    Basis.MEMORY: "公式様式との照合が未了",
    Basis.UNSURE: "公式様式での有無・表記が不確か",
}


def basis_of(form: Form, path: Path) -> Basis:
    """The basis of the item at `path`: its own, else the nearest above."""
    found = Basis.SEED
    for step in steps(form, path):
        if step.node.basis is not None:
            found = step.node.basis
    return found


def unverified(form: Form) -> Iterator[tuple[tuple[str, ...], Basis]]:
    """Each node whose basis is unverified while its parent's is not.

    One entry per unverified part (a whole section is listed once, not
    item by item), in form order.
    """
    for _node, path in walk(form.children):
        basis = basis_of(form, path)
        parent = basis_of(form, path[:-1]) if len(path) > 1 else Basis.SEED
        if not basis.verified and (parent.verified or parent is not basis):
            yield path, basis


def note(basis: Basis) -> str:
    """The hover text line for an item of this basis ("" when verified)."""
    if basis.verified:
        return ""
    return f"出典: {WORDS[basis]}（[{basis.value}]）。公式様式で確認してください。"
