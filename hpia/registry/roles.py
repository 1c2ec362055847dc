"""Roles of the staff and the rights each carries.

Every user has exactly one role. The table below is the whole of the
access rules; `staff.require` is the one place that applies it, so the
assessment's claim 「個人ごとにシステムの操作範囲権限の設定を行っている」
(Ⅲ-３ リスク２) points here.
"""

from __future__ import annotations

import enum

from hpia.errors import HpiaError


class Right(enum.Enum):
    READ = "照会"  # a person and their records
    WRITE = "登録"  # import, 転出・死亡
    SEE_NUMBER = "個人番号の表示"
    EXTRACT = "抽出"  # extraction by conditions to CSV
    TRANSFER = "提供・受入"  # records to / from another municipality
    ADMIN = "管理"  # users, deletion past retention


class Role(enum.Enum):
    VIEWER = "閲覧"
    CLERK = "登録"
    EXTRACTOR = "抽出"
    ADMIN = "管理"

    @classmethod
    def named(cls, text: str) -> Role:
        for role in cls:
            if role.value == text.strip():
                return role
        known = "・".join(r.value for r in cls)
        raise HpiaError(f"役割「{text}」はありません。役割: {known}")


RIGHTS: dict[Role, frozenset[Right]] = {
    Role.VIEWER: frozenset({Right.READ}),
    Role.CLERK: frozenset({Right.READ, Right.WRITE, Right.SEE_NUMBER, Right.TRANSFER}),
    Role.EXTRACTOR: frozenset({Right.READ, Right.EXTRACT}),
    Role.ADMIN: frozenset(Right),
}


def roles_with(right: Right) -> list[Role]:
    return [role for role in Role if right in RIGHTS[role]]
