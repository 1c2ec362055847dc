"""しきい値判断: which evaluations the law requires of a 事務.

Three facts decide it (指針 第5 2, spipa.md §3): 対象人数, 取扱者数 (the
staff of the agency and of its contractors who handle the file) and
whether a serious incident (重大事故) with 特定個人情報 happened in the
agency within the past year. A 基礎項目評価 is part of every obligation.

The forms state the counts as bands, so `decide_bands` gives every result
the bands allow; one result means the bands settle the question.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from hpia.rules.bands import Band, people

SOURCE = "指針 第5 2（しきい値判断）"

# The steps of 対象人数 and 取扱者数 at which the result changes.
PEOPLE_STEPS = (1_000, 10_000, 100_000, 300_000)
HANDLERS_STEP = 500


class Evaluation(enum.Enum):
    BASIC = "基礎項目評価"
    FOCUSED = "重点項目評価"
    FULL = "全項目評価"


Required = tuple[Evaluation, ...]

NONE: Required = ()
BASIC: Required = (Evaluation.BASIC,)
FOCUSED: Required = (Evaluation.BASIC, Evaluation.FOCUSED)
FULL: Required = (Evaluation.BASIC, Evaluation.FULL)


@dataclass(frozen=True)
class Decision:
    """The evaluations required, and why, in the words of the law."""

    required: Required
    reason: str

    @property
    def names(self) -> list[str]:
        return [e.value for e in self.required]

    @property
    def sentence(self) -> str:
        """The reason and the result as one Japanese sentence."""
        if not self.required:
            return (
                f"{self.reason}、特定個人情報保護評価の実施は義務付けられません"
                "（任意に実施できます）。"
            )
        return f"{self.reason}、{'及び'.join(self.names)}が義務付けられます。"


def people_band(n: int) -> str:
    """The band of 対象人数 that n falls in, as the forms word it."""
    low = max((s for s in PEOPLE_STEPS if s <= n), default=0)
    high = min((s for s in PEOPLE_STEPS if s > n), default=None)
    if not low:
        return f"{people(PEOPLE_STEPS[0])}人未満"
    if high is None:
        return f"{people(low)}人以上"
    return f"{people(low)}人以上{people(high)}人未満"


def decide(n_people: int, n_handlers: int, serious_incident: bool) -> Decision:
    """The しきい値判断 for exact counts (spipa.md §3.2)."""
    where = f"対象人数が{people_band(n_people)}"
    if n_people < 10_000:
        required = NONE if n_people < 1_000 else BASIC
        return Decision(required, f"{where}のため")

    many = n_handlers >= HANDLERS_STEP
    if n_people >= 300_000:
        return Decision(FULL, f"{where}のため")
    if not many and not serious_incident:
        calm = f"取扱者数が{HANDLERS_STEP}人未満で重大事故の発生もない"
        lower = BASIC if n_people < 100_000 else FOCUSED
        return Decision(lower, f"{where}で、{calm}ため")
    higher = FOCUSED if n_people < 100_000 else FULL
    return Decision(higher, f"{where}で、{_causes(many, serious_incident)}ため")


def _causes(many: bool, serious_incident: bool) -> str:
    staff = f"取扱者数が{HANDLERS_STEP}人以上"
    incident = "過去1年以内に特定個人情報に関する重大事故"
    if many and serious_incident:
        return f"{staff}であり、{incident}も発生している"
    return f"{staff}である" if many else f"{incident}が発生している"


def decide_bands(
    people_count: Band, handlers: Band, serious_incident: bool | None
) -> list[Decision]:
    """Every distinct decision the bands allow, lowest first.

    The result only grows with each input, so the lowest and highest ends
    of the bands bound it; an unknown incident (None) is tried both ways.
    Between the ends a band may span a step: every step inside is tried.
    """
    incidents = (False, True) if serious_incident is None else (serious_incident,)
    found: dict[Required, Decision] = {}
    for n in _corners(people_count, PEOPLE_STEPS):
        for h in _corners(handlers, (HANDLERS_STEP,)):
            for incident in incidents:
                decision = decide(n, h, incident)
                found.setdefault(decision.required, decision)
    order = (NONE, BASIC, FOCUSED, FULL)
    return sorted(found.values(), key=lambda d: order.index(d.required))


def _corners(band: Band, steps: tuple[int, ...]) -> list[int]:
    """The band's ends and every step inside it."""
    inside = [
        s for s in steps if band.low < s and (band.high is None or s <= band.high)
    ]
    return [band.low, *inside, band.top]
