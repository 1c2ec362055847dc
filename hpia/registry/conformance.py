"""Does the registry do what its assessment says? Claim by claim.

Each `Claim` pairs what the assessment states (an item and its value or
sentence) with what the registry shows (its columns, counts, users, log)
and a verdict. The comparisons:

- 別添1: the items of ＜予防接種ファイル＞ against the columns of the records
  table, each of which declares the item it holds (`models.holds`);
- Ⅱ-２-④ 記録される項目: the band against the number of those columns;
- Ⅱ-２-④ 主な記録項目: 個人番号, 内部番号 and 4情報 ticked where held;
- Ⅱ-２-② 対象となる本人の数 and Ⅱ-３-④ 使用者数: bands against counts;
- Ⅲ: the claims the code can show — the operation log is recorded (and its
  chain verifies), the 個人番号 is kept out of extractions, rights are set
  per user, users are authenticated. A Ⅲ claim the assessment does not
  make is reported as 記載なし, not as a mismatch.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from hpia.assessment import Assessment
from hpia.catalog import labels
from hpia.errors import HpiaError
from hpia.problems import Level
from hpia.registry import audit, extract
from hpia.registry.bands import band
from hpia.registry.columns import PERSON_COLUMNS, RECORD_COLUMNS
from hpia.registry.database import Registry, connected
from hpia.registry.models import FILE_NAME, RECORD_LIST_NAME, Person, User
from hpia.registry.roles import RIGHTS
from hpia.validate import validate_file

AssessmentPath = tuple[str | int, ...]


class Verdict(enum.Enum):
    MATCH = "一致"
    MISMATCH = "不一致"
    UNCLAIMED = "記載なし"


@dataclass(frozen=True)
class Claim:
    item: str  # the form item, as messages name it
    stated: str  # what the assessment says
    evidence: str  # what the registry shows
    verdict: Verdict


@dataclass(frozen=True)
class Facts:
    """What the registry shows, gathered once."""

    persons: int
    users: int
    argon2_users: int
    log: audit.Verdict


def gather(registry: Registry) -> Facts:
    with connected(registry.engine) as conn:
        persons = conn.scalar(select(func.count()).select_from(Person)) or 0
        hashes = list(conn.scalars(select(User.password_hash)))
        log = audit.verify(conn, registry.keys)
    argon2 = sum(h.startswith("$argon2") for h in hashes)
    return Facts(persons, len(hashes), argon2, log)


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s<>＜＞]", "", folded)


def _verdict(ok: bool) -> Verdict:
    return Verdict.MATCH if ok else Verdict.MISMATCH


def _file_names(assessment: Assessment) -> list[str]:
    key = assessment.form.node("files").name_key
    return [
        str(assessment.at((*assessment.ref_path("files"), i, key)) or "")
        for i in range(assessment.count("files"))
    ]


def _file_index(assessment: Assessment) -> int | None:
    names = [_fold(name) for name in _file_names(assessment)]
    wanted = _fold(FILE_NAME)
    return names.index(wanted) if wanted in names else None


def _record_list(assessment: Assessment, file: int) -> tuple[AssessmentPath, list[str]]:
    for j in range(assessment.count("record_lists", file)):
        path = (*assessment.ref_path("record_lists", file), j)
        if _fold(str(assessment.at((*path, "名称")) or "")) == _fold(RECORD_LIST_NAME):
            return path, list(assessment.value("record_items", file, j))
    return (), []


def _label(assessment: Assessment, path: AssessmentPath) -> str:
    return labels.item_label(assessment.form, path)


def _items_claim(assessment: Assessment, file: int) -> Claim:
    path, items = _record_list(assessment, file)
    held = [c.item for c in RECORD_COLUMNS]
    evidence = "接種記録の列: " + "、".join(
        f"{c.item}（{c.header}）" if c.item != c.header else c.item
        for c in RECORD_COLUMNS
    )
    if not path:
        stated = f"記録項目一覧＜{RECORD_LIST_NAME}＞がありません"
        return Claim("（別添１）", stated, evidence, Verdict.MISMATCH)
    stated_count = Counter(_fold(i) for i in items)
    held_count = Counter(_fold(i) for i in held)
    missing = list((stated_count - held_count).elements())
    extra = list((held_count - stated_count).elements())
    if missing:
        evidence += "。台帳にない項目: " + "、".join(missing)
    if extra:
        evidence += "。別添１にない列: " + "、".join(extra)
    stated = f"{len(items)}項目: " + "、".join(items)
    return Claim(
        _label(assessment, (*path, "記録項目")),
        stated,
        evidence,
        _verdict(not missing and not extra),
    )


def _band_claim(
    assessment: Assessment, ref: str, file: int, count: int, what: str
) -> Claim:
    stated = str(assessment.value(ref, file) or "")
    path = assessment.ref_path(ref, file)
    try:
        ok = band(stated).holds(count)
    except ValueError:
        ok = False
    return Claim(
        _label(assessment, path), stated or "（空欄）", f"{what} {count}", _verdict(ok)
    )


# 主な記録項目 ticks the registry can answer for, and the columns that hold them.
_TICKS = {
    "個人番号": ("個人番号",),
    "その他識別情報（内部番号）": ("宛名番号",),
    "4情報（氏名、性別、生年月日、住所）": ("氏名", "性別", "生年月日", "住所"),
}


def _ticks_claim(assessment: Assessment, file: int) -> Claim:
    path = assessment.ref_path("record_count", file)
    ticks_path = (*path[:-1], "主な記録項目")
    ticked = set(assessment.at(ticks_path) or {})
    held = {c.item for c in PERSON_COLUMNS}
    wrong = [
        label
        for label, items in _TICKS.items()
        if (label in ticked) != all(i in held for i in items)
    ]
    stated = "、".join(label for label in _TICKS if label in ticked) or "（該当なし）"
    evidence = "宛名の列: " + "、".join(c.item for c in PERSON_COLUMNS)
    if wrong:
        evidence += "。食い違い: " + "、".join(wrong)
    return Claim(_label(assessment, ticks_path), stated, evidence, _verdict(not wrong))


def _texts(value: Any, path: AssessmentPath) -> Iterator[tuple[AssessmentPath, str]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _texts(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _texts(child, (*path, i))
    elif isinstance(value, str):
        yield path, value


def _find(
    assessment: Assessment, file: int, pattern: re.Pattern[str]
) -> tuple[AssessmentPath, str] | None:
    """The first line of Ⅲ (リスク対策) of the file that matches."""
    root = assessment.ref_path("risks", file)
    for path, text in _texts(assessment.at(root), root):
        for line in text.splitlines():
            if pattern.search(line):
                return path, line.strip()
    return None


def _risk_claim(
    assessment: Assessment,
    file: int,
    topic: str,
    pattern: str,
    evidence: str,
    ok: bool,
) -> Claim:
    found = _find(assessment, file, re.compile(pattern))
    if found is None:
        return Claim(f"Ⅲ（{topic}）", "記載なし", evidence, Verdict.UNCLAIMED)
    path, line = found
    return Claim(_label(assessment, path), line, evidence, _verdict(ok))


def _risk_claims(assessment: Assessment, file: int, facts: Facts) -> list[Claim]:
    log = facts.log
    log_evidence = (
        f"操作ログ {log.entries}件、ハッシュ連鎖は正常"
        if log.ok
        else f"操作ログ {log.entries}件、連鎖の異常: " + " ".join(log.problems)
    )
    rights = "、".join(
        f"{role.value}: " + "・".join(sorted(r.value for r in rights))
        for role, rights in RIGHTS.items()
    )
    columns = "、".join(extract.HEADERS)
    return [
        _risk_claim(
            assessment,
            file,
            "操作ログ",
            r"操作ログ|操作履歴|ログを(記録|取得|保管)",
            log_evidence,
            log.ok and log.entries > 0,
        ),
        _risk_claim(
            assessment,
            file,
            "抽出と個人番号",
            r"個人番号.*(抽出|出力)|(抽出|出力).*個人番号",
            f"抽出の列に個人番号なし（{columns}）",
            True,
        ),
        _risk_claim(
            assessment,
            file,
            "使用者ごとの権限",
            r"権限",
            f"使用者{facts.users}人、各人に1つの役割。{rights}",
            facts.users > 0,
        ),
        _authentication_claim(assessment, file, facts),
    ]


def _authentication_claim(assessment: Assessment, file: int, facts: Facts) -> Claim:
    path = assessment.ref_path("user_auth", file)
    stated = str(assessment.at(path) or "（空欄）")
    evidence = (
        f"使用者{facts.users}人のうち{facts.argon2_users}人が argon2 のパスワードで認証"
    )
    doing = facts.users > 0 and facts.argon2_users == facts.users
    return Claim(
        _label(assessment, path),
        stated,
        evidence,
        _verdict((stated == "行っている") == doing),
    )


def compare(assessment: Assessment, facts: Facts) -> list[Claim]:
    file = _file_index(assessment)
    if file is None:
        return [
            Claim(
                "特定個人情報ファイル名",
                "、".join(_file_names(assessment)),
                f"台帳は「{FILE_NAME}」",
                Verdict.MISMATCH,
            )
        ]
    return [
        _items_claim(assessment, file),
        _band_claim(
            assessment, "record_count", file, len(RECORD_COLUMNS), "接種記録の項目数"
        ),
        _ticks_claim(assessment, file),
        _band_claim(assessment, "subjects", file, facts.persons, "宛名の人数"),
        _band_claim(assessment, "users", file, facts.users, "使用者の人数"),
        *_risk_claims(assessment, file, facts),
    ]


def load(path: Path) -> Assessment:
    """A form file that validates, or its errors as one refusal."""
    problems, assessment = validate_file(path)
    errors = [p for p in problems if p.level is Level.ERROR]
    if assessment is None or errors:
        lines = "\n".join(p.format() for p in errors)
        raise HpiaError(f"評価書に誤りがあるため比較できません:\n{lines}")
    return assessment
