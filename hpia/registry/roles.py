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
    READ = "宛名と接種記録の照会"
    WRITE = "宛名と接種記録の登録・更新"
    SEE_NUMBER = "個人番号の表示"
    EXTRACT = "条件による抽出"
    TRANSFER = "転出先への提供・転入元からの受入"
    ADMIN = "使用者の管理と保存期間を過ぎた記録の削除"


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
