"""Users of the registry: adding them, signing in, checking rights.

Passwords are kept as argon2id hashes (argon2-cffi's defaults). A failed
sign-in and a refused right are written to the operation log like any
other operation; the message does not say whether the name or the
password was wrong.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, func, insert, select, update

from hpia.errors import HpiaError
from hpia.registry import audit
from hpia.registry.database import Registry
from hpia.registry.models import User
from hpia.registry.roles import RIGHTS, Right, Role, roles_with

MIN_PASSWORD = 8
_hasher = PasswordHasher()


@dataclass(frozen=True)
class Staff:
    """A signed-in user."""

    name: str
    role: Role

    def may(self, right: Right) -> bool:
        return right in RIGHTS[self.role]


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _check_new(conn: Connection, name: str, password: str) -> None:
    if not name.strip():
        raise HpiaError("使用者名が空です。")
    if len(password) < MIN_PASSWORD:
        raise HpiaError(f"パスワードは{MIN_PASSWORD}文字以上にしてください。")
    if conn.scalar(select(User.id).where(User.name == name)) is not None:
        raise HpiaError(f"使用者「{name}」は既に登録されています。")


def add_user(
    registry: Registry, name: str, role: Role, password: str, by: Staff | None
) -> None:
    """Add a user. The first user is a 管理 who adds themselves; after that
    only a signed-in 管理 may add users."""
    with registry.engine.begin() as conn:
        users = conn.scalar(select(func.count()).select_from(User)) or 0
        if by is None and users:
            raise HpiaError(
                "使用者を追加するには、--user で"
                "役割「管理」の使用者を指定してください。"
            )
        if by is None and role is not Role.ADMIN:
            raise HpiaError("最初の使用者は役割「管理」で登録してください。")
    if by is not None:
        require(registry, by, Right.ADMIN, "使用者追加", name)

    with registry.engine.begin() as conn:
        _check_new(conn, name, password)
        conn.execute(
            insert(User).values(
                name=name,
                role=role.value,
                password_hash=_hasher.hash(password),
                created_at=_now(),
            )
        )
        audit.append(
            conn,
            registry.keys,
            user=by.name if by else name,
            action="使用者追加",
            target=name,
            conditions={"役割": role.value},
        )


def _verified(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def sign_in(registry: Registry, name: str, password: str) -> Staff:
    """The user `name` if `password` is theirs; otherwise a refusal."""
    with registry.engine.begin() as conn:
        row = conn.execute(
            select(User.role, User.password_hash).where(User.name == name)
        ).one_or_none()
        if row is None or not _verified(row.password_hash, password):
            audit.append(conn, registry.keys, user=name, action="認証", outcome="失敗")
            failed = True
        else:
            failed = False
            if _hasher.check_needs_rehash(row.password_hash):
                conn.execute(
                    update(User)
                    .where(User.name == name)
                    .values(password_hash=_hasher.hash(password))
                )
    if failed or row is None:
        raise HpiaError("使用者名またはパスワードが違います。")
    return Staff(name, Role.named(row.role))


def require(
    registry: Registry, who: Staff, right: Right, action: str, target: str = ""
) -> None:
    """Refuse, and log the refusal, unless `who`'s role carries `right`."""
    if who.may(right):
        return
    with registry.engine.begin() as conn:
        audit.append(
            conn,
            registry.keys,
            user=who.name,
            action=action,
            target=target,
            outcome="拒否（権限なし）",
        )
    allowed = "・".join(role.value for role in roles_with(right))
    raise HpiaError(
        f"使用者「{who.name}」（役割: {who.role.value}）には"
        f"「{right.value}」の権限がありません。権限のある役割: {allowed}"
    )


def count_users(conn: Connection) -> dict[Role, int]:
    """How many users hold each role (for conformance)."""
    rows = conn.execute(select(User.role, func.count()).group_by(User.role))
    counts = dict.fromkeys(Role, 0)
    for role_name, n in rows:
        counts[Role.named(role_name)] = n
    return counts
