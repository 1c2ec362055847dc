"""The forms hpia knows, keyed by the stamp printed on their cover."""

from __future__ import annotations

import unicodedata

from hpia.catalog import juten_r06_10, kiso_r06_10
from hpia.catalog.nodes import Basis, Choices, Form, Kind, Node, Option, walk

FORMS: tuple[Form, ...] = (juten_r06_10.FORM, kiso_r06_10.FORM)

__all__ = [
    "FORMS",
    "Basis",
    "Choices",
    "Form",
    "Kind",
    "Node",
    "Option",
    "find_form",
    "walk",
]


def _stamp_key(stamp: str) -> str:
    folded = unicodedata.normalize("NFKC", stamp)
    return "".join(c for c in folded if not c.isspace() and c not in "[]")


def find_form(stamp: str) -> Form | None:
    """The form whose cover stamp is `stamp`, in any width or spacing."""
    wanted = _stamp_key(stamp)
    return next((f for f in FORMS if _stamp_key(f.stamp) == wanted), None)
