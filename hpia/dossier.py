"""The 評価書 of one 事務: the forms kept together in one folder.

A 重点 or 全項目 is always filed with its 基礎 (spipa.md §3.2), and the law
asks questions of the pair: whether they agree, whether their result is the
one the counts require, when the next review is due. A dossier is what
those rules read: every form file of the folder, valid or not, and the
assessments of those that passed validation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from hpia.assessment import Assessment
from hpia.catalog import juten_r06_10, kiso_r06_10

JUTEN = juten_r06_10.FORM.name
KISO = kiso_r06_10.FORM.name


@dataclass(frozen=True)
class Dossier:
    folder: Path
    files: tuple[str, ...]
    assessments: tuple[Assessment, ...]
    partial: bool = False  # some files of the folder were left out

    def form(self, name: str) -> Assessment | None:
        """The assessment of the form named `name` (基礎項目評価書 …)."""
        return next((a for a in self.assessments if a.form.name == name), None)

    @property
    def juten(self) -> Assessment | None:
        return self.form(JUTEN)

    @property
    def kiso(self) -> Assessment | None:
        return self.form(KISO)

    @property
    def complete(self) -> bool:
        """Every form file of the folder passed validation."""
        return len(self.files) == len(self.assessments)


def dossiers(
    files: Iterable[str],
    assessments: Iterable[Assessment],
    partial: Iterable[Path] = (),
) -> list[Dossier]:
    """The form files grouped by folder, in folder order.

    `partial` names the folders of which only some files were asked for.
    """
    chosen = set(partial)
    by_folder: dict[Path, list[str]] = {}
    for file in files:
        by_folder.setdefault(Path(file).parent, []).append(file)
    valid: dict[Path, list[Assessment]] = {}
    for a in assessments:
        valid.setdefault(Path(a.file).parent, []).append(a)
    return [
        Dossier(folder, tuple(names), tuple(valid.get(folder, ())), folder in chosen)
        for folder, names in sorted(by_folder.items())
    ]
