"""Whether the forms declare the evaluations the law requires (指針 第5 2).

The 基礎 states the しきい値判断 (Ⅱ its inputs, Ⅲ its result, Ⅳ１ the
評価書 filed); the 重点 repeats the result in Ⅴ１② and holds counts of its
own that can imply a different one. Each result a form claims is checked
against `threshold.decide` on the counts the forms give; where the bands
leave the result open, any result they allow is accepted.
"""

from __future__ import annotations

from collections.abc import Iterator

from hpia.assessment import Assessment
from hpia.catalog import juten_r06_10, kiso_r06_10
from hpia.dossier import Dossier
from hpia.problems import Problem
from hpia.rules import counts
from hpia.rules.bands import band
from hpia.rules.counts import Stated
from hpia.rules.mention import label
from hpia.rules.threshold import (
    BASIC,
    FOCUSED,
    FULL,
    HANDLERS_STEP,
    NONE,
    SOURCE,
    Decision,
    Required,
    decide_bands,
)

# What each answer claims the law requires, option by option in the
# form's order. The 重点's ２） and ３） record a voluntary 重点.
JUTEN_CLAIMS: dict[str, Required] = dict(
    zip(juten_r06_10.THRESHOLD_RESULT.options, (FOCUSED, BASIC, NONE), strict=True)
)
KISO_CLAIMS: dict[str, Required] = dict(
    zip(
        kiso_r06_10.THRESHOLD_RESULT.options,
        (FULL, FOCUSED, BASIC, NONE),
        strict=True,
    )
)
KISO_FILED: dict[str, Required] = dict(
    zip(kiso_r06_10.SUBMITTED.options, (BASIC, FOCUSED, FULL), strict=True)
)
RANK = (NONE, BASIC, FOCUSED, FULL)


def check(d: Dossier) -> Iterator[Problem]:
    if d.kiso is not None:
        yield from kiso_result(d.kiso)
        yield from kiso_filed(d.kiso)
    if d.juten is not None:
        yield from juten_result(d.juten, alone=d.kiso is None)
        yield from file_subjects(d.juten)


def _expected(decision: Decision, claims: dict[str, Required]) -> str | None:
    return next((o for o, r in claims.items() if r == decision.required), None)


def _decisions(
    people: Stated, handlers: Stated | None, incident: bool | None
) -> list[Decision]:
    band = handlers.band if handlers else counts.UNBOUNDED
    return decide_bands(people.band, band, incident)


def kiso_result(a: Assessment) -> Iterator[Problem]:
    """Ⅲ is the result the law gives for the answers of Ⅱ."""
    people = counts.people(a)
    claimed = KISO_CLAIMS.get(a.value("threshold"))
    if people is None or claimed is None:
        return
    decisions = _decisions(people, counts.handlers(a), counts.serious_incident(a))
    if claimed in (d.required for d in decisions):
        return
    decision = decisions[0]
    yield a.problem(
        a.ref_path("threshold"),
        f"Ⅱの回答では、{decision.sentence}"
        f"しきい値判断結果は「{_expected(decision, KISO_CLAIMS)}」になります。",
        rule="threshold-result",
        source=SOURCE,
    )


def kiso_filed(a: Assessment) -> Iterator[Problem]:
    """Ⅳ１ files at least the 評価書 Ⅲ requires; more is voluntary."""
    result, filed = a.value("threshold"), a.value("submitted")
    required, claimed = KISO_CLAIMS.get(result), KISO_FILED.get(filed)
    if required is None or claimed is None:
        return
    short = RANK.index(claimed) < RANK.index(required)
    if short or (required == FULL and claimed != FULL):
        yield a.problem(
            a.ref_path("submitted"),
            f"Ⅲ しきい値判断結果が「{result}」なので、「{filed}」では足りません。",
            rule="threshold-filed",
            source=SOURCE,
        )


def juten_result(a: Assessment, alone: bool) -> Iterator[Problem]:
    """Ⅴ１② is the result the 重点's own counts allow.

    When its staff counts reach 500, they decide, and the finding points
    at the 使用者数 that makes them: the item to change. Otherwise, with a
    基礎 beside it, Ⅴ１② is held to the 基礎's result (`agreement`); alone,
    to what its 対象人数 allows, a 重大事故 being unknown to the 重点.
    """
    people, staff = counts.people(a), counts.staff(a)
    answer = a.value("threshold")
    claimed = JUTEN_CLAIMS.get(answer)
    if people is None or claimed is None:
        return
    decisive = staff if staff and staff.band.at_least(HANDLERS_STEP) else None
    if decisive is None and not alone:
        return
    decisions = _decisions(people, decisive or staff, None)
    if claimed in (d.required for d in decisions):
        return

    decision = decisions[0]
    remedy = _remedy(decision)
    if decisive is None:
        yield a.problem(
            a.ref_path("threshold"),
            f"{decision.sentence}{remedy}",
            rule="threshold-result",
            source=SOURCE,
        )
        return
    yield a.problem(
        decisive.path,
        f"{decisive.words}を合わせると、取扱者数は{HANDLERS_STEP}人以上です。"
        f"{decision.sentence}{label(a, a.ref_path('threshold'))}は"
        f"「{answer}」となっています。{remedy}",
        rule="threshold-counts",
        source=SOURCE,
    )


def _remedy(decision: Decision) -> str:
    if decision.required == FULL:
        return "重点項目評価書ではなく全項目評価書が必要です。"
    return f"しきい値判断結果は「{_expected(decision, JUTEN_CLAIMS)}」になります。"


def file_subjects(a: Assessment) -> Iterator[Problem]:
    """No file records more people than the 事務 has (Ⅱ２② ≤ Ⅰ１③).

    対象人数 counts the people of every file of the 事務 (spipa.md §3.1),
    so a file with more is a sign that 対象人数 was put too low.
    """
    people = counts.people(a)
    if people is None or people.band.high is None:
        return
    for f in range(a.count("files")):
        value = a.value("subjects", f)
        stated = band(value) if isinstance(value, str) else None
        if stated is None or stated.low <= people.band.high:
            continue
        yield a.problem(
            a.ref_path("subjects", f),
            f"対象となる本人の数「{value}」は、{label(a, people.path)}の"
            f"{people.words}より多くなっています。対象人数は事務の全ての"
            "特定個人情報ファイルの本人を数えたものです。",
            rule="threshold-people",
            source=SOURCE,
        )
