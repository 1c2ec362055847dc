"""The 基礎 and the 重点 of one 事務 say the same things the same way.

Both forms state the 事務, the agency and the しきい値判断; the 重点's Ⅰ１③
is to match the 基礎's Ⅱ１ and its Ⅴ１ repeats the 基礎 (spipa.md §1.3-1).
Disagreements on the threshold are errors: one of the two is wrong about
what the law requires. Differences in wording elsewhere are warnings.
Findings sit on the 基礎's item unless the 重点's is the one to change.
"""

from __future__ import annotations

from collections.abc import Iterator

from hpia.assessment import Assessment
from hpia.dossier import Dossier
from hpia.problems import Level, Problem
from hpia.rules import counts
from hpia.rules.mention import mention, mention_file
from hpia.rules.obligation import JUTEN_CLAIMS, KISO_CLAIMS
from hpia.rules.threshold import HANDLERS_STEP, SOURCE
from hpia.values import fold, is_unknown

# Items both forms carry, by the ref both catalogs give them.
SHARED = (
    ("number", "記載要領 表紙（評価書番号）"),
    ("organisation", "記載要領 表紙（評価実施機関名）"),
    ("task_name", "様式2 Ⅰ１①・様式3 Ⅰ１①（事務の名称）"),
    ("linkage", "様式2 Ⅰ４①・様式3 Ⅰ５①（情報連携の実施の有無）"),
)


def check(d: Dossier) -> Iterator[Problem]:
    kiso, juten = d.kiso, d.juten
    if juten is not None and kiso is None and d.complete and not d.partial:
        yield juten.problem(
            (),
            "同じフォルダに基礎項目評価書がありません。重点項目評価書は"
            "基礎項目評価書とともに提出・公表します。",
            Level.INFO,
            rule="pair",
            source=SOURCE,
        )
    if kiso is None or juten is None:
        return
    for ref, source in SHARED:
        yield from same_text(kiso, juten, ref, source)
    yield from same_people(kiso, juten)
    yield from same_result(kiso, juten)
    yield from handlers_and_staff(kiso, juten)
    yield from incidents(kiso, juten)


def _known(value: object) -> bool:
    return value not in (None, "") and not is_unknown(value)


def same_text(
    kiso: Assessment, juten: Assessment, ref: str, source: str
) -> Iterator[Problem]:
    mine, theirs = kiso.value(ref), juten.value(ref)
    if not (_known(mine) and _known(theirs)) or fold(mine) == fold(theirs):
        return
    yield kiso.problem(
        kiso.ref_path(ref),
        f"{mention(juten, juten.ref_path(ref))}では「{theirs}」です。"
        "同じ事務の評価書どうしで一致させてください。",
        Level.WARNING,
        rule="pair-text",
        source=source,
    )


def same_people(kiso: Assessment, juten: Assessment) -> Iterator[Problem]:
    """基礎 Ⅱ１ and 重点 Ⅰ１③ name the same band."""
    mine, theirs = counts.people(kiso), counts.people(juten)
    if mine is None or theirs is None or mine.band == theirs.band:
        return
    yield kiso.problem(
        mine.path,
        f"{mention(juten, theirs.path)}は{theirs.words}です。"
        "対象人数は両方の評価書で一致させてください。",
        rule="pair-people",
        source=SOURCE,
    )


def same_result(kiso: Assessment, juten: Assessment) -> Iterator[Problem]:
    """重点 Ⅴ１② repeats the result of 基礎 Ⅲ."""
    mine, theirs = kiso.value("threshold"), juten.value("threshold")
    if mine not in KISO_CLAIMS or theirs not in JUTEN_CLAIMS:
        return
    if KISO_CLAIMS[mine] == JUTEN_CLAIMS[theirs]:
        return
    yield juten.problem(
        juten.ref_path("threshold"),
        f"{mention(kiso, kiso.ref_path('threshold'))}は「{mine}」です。"
        "重点項目評価書のしきい値判断結果は基礎項目評価の結果と一致させてください。",
        rule="pair-result",
        source=SOURCE,
    )


def handlers_and_staff(kiso: Assessment, juten: Assessment) -> Iterator[Problem]:
    """基礎 Ⅱ２ agrees with what the 重点's staff counts add up to."""
    answer, staff = counts.handlers(kiso), counts.staff(juten)
    if answer is None or staff is None:
        return
    there = mention_file(juten, staff.path)
    if answer.band.below(HANDLERS_STEP) and staff.band.at_least(HANDLERS_STEP):
        yield kiso.problem(
            answer.path,
            f"{answer.words}としていますが、{there}の{staff.words}を合わせると"
            f"{HANDLERS_STEP}人以上です。",
            rule="pair-handlers",
            source=SOURCE,
        )
    if answer.band.at_least(HANDLERS_STEP) and staff.band.below(HANDLERS_STEP):
        yield kiso.problem(
            answer.path,
            f"{answer.words}としていますが、{there}の{staff.words}を合わせても"
            f"{HANDLERS_STEP}人未満です。どちらかを確認してください。",
            Level.WARNING,
            rule="pair-handlers",
            source=SOURCE,
        )


def incidents(kiso: Assessment, juten: Assessment) -> Iterator[Problem]:
    """A 重大事故 of the past year is also one of the past three years.

    基礎 Ⅱ３ asks about 特定個人情報 within one year, 重点 Ⅲ７② about any
    個人情報 within three (spipa.md §3.1), so 「発生あり」 in the first
    forces it in the second.
    """
    if counts.serious_incident(kiso) is not True:
        return
    happened = kiso.value("serious_incident")
    for f in range(juten.count("files")):
        if juten.value("incident", f) == happened:
            continue
        yield juten.problem(
            juten.ref_path("incident", f),
            f"{mention(kiso, kiso.ref_path('serious_incident'))}が「{happened}」"
            "です。過去1年以内の重大事故は過去３年以内の重大事故にも当たります。",
            rule="pair-incident",
            source="様式2 Ⅱ３・様式3 Ⅲ７②",
        )
