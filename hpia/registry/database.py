"""Where the registry lives: `--db` to an engine, migrations, opening.

`--db` is a file path (SQLite, the default) or a URL. `postgresql://…`
URLs are served by psycopg 3. The schema is Alembic's: `init` brings a
database to the newest revision; every other command refuses a database
that is not there yet.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, insert, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.pool import NullPool

from hpia.errors import HpiaError
from hpia.registry import audit
from hpia.registry import keys as keyfile
from hpia.registry.keys import Keys
from hpia.registry.models import Setting

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
FINGERPRINT = "key_fingerprint"


@dataclass(frozen=True)
class Registry:
    """An open registry: its database and the keys from the key file."""

    engine: Engine
    keys: Keys

    @property
    def where(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)


def url_of(db: str) -> URL:
    """A path to a SQLite URL; `postgresql://` to the psycopg 3 driver."""
    if "://" not in db:
        return URL.create("sqlite", database=str(Path(db).resolve()))
    try:
        url = make_url(db)
    except ArgumentError as err:
        raise HpiaError(f"データベースの指定を読めません: {db}") from err
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def _enforce_foreign_keys(dbapi: Any, _record: Any) -> None:
    if isinstance(dbapi, sqlite3.Connection):
        dbapi.execute("PRAGMA foreign_keys = ON")


def engine_for(db: str, *, create: bool = False) -> Engine:
    url = url_of(db)
    missing = url.database and not Path(url.database).is_file()
    if url.get_backend_name() == "sqlite" and missing and not create:
        raise HpiaError(
            f"台帳がありません: {url.database}。"
            f"hpia registry --db {db} init で作成してください。"
        )
    # One command, a few connections: no pool to outlive it.
    engine = create_engine(url, poolclass=NullPool)
    event.listen(engine, "connect", _enforce_foreign_keys)
    return engine


@contextmanager
def connected(engine: Engine) -> Iterator[Connection]:
    """A connection, with an unreachable server told in Japanese."""
    try:
        conn = engine.connect()
    except OperationalError as err:
        where = engine.url.render_as_string(hide_password=True)
        reason = str(err.orig).strip().splitlines()[0] if err.orig else ""
        raise HpiaError(f"データベースに接続できません: {where}（{reason}）") from err
    with conn:
        yield conn


def _alembic(conn: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def _head() -> str | None:
    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def init(db: str) -> tuple[Registry, bool]:
    """Create or upgrade the registry; create the key file when absent.

    Returns the registry and whether a new key file was written.
    """
    path = keyfile.key_path()
    created = not path.exists()
    keys = keyfile.create(path) if created else keyfile.load(path)
    engine = engine_for(db, create=True)
    with connected(engine) as conn:
        command.upgrade(_alembic(conn), "head")
        conn.commit()
        _bind_key(conn, keys)
        audit.start(conn, keys)
        conn.commit()
    return Registry(engine, keys), created


def _bind_key(conn: Connection, keys: Keys) -> None:
    """Remember the key's fingerprint on first use; refuse another key."""
    stored = conn.scalar(select(Setting.value).where(Setting.name == FINGERPRINT))
    if stored is None:
        row = {"name": FINGERPRINT, "value": keys.fingerprint}
        conn.execute(insert(Setting).values(**row))
    else:
        _check_key(stored, keys)


def _check_key(stored: str | None, keys: Keys) -> None:
    if stored != keys.fingerprint:
        raise HpiaError(
            "鍵ファイルがこの台帳の鍵ではありません。"
            f"台帳を作成したときの鍵ファイルを {keyfile.ENV} に指定してください。"
        )


def open_registry(db: str) -> Registry:
    """An initialised registry with its own key, or a clear refusal."""
    engine = engine_for(db)
    keys = keyfile.load(keyfile.key_path())
    with connected(engine) as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        if current is None:
            raise HpiaError(
                f"台帳が初期化されていません。hpia registry --db {db} init "
                "を実行してください。"
            )
        if current != _head():
            raise HpiaError(
                "台帳の形式が古くなっています。"
                f"hpia registry --db {db} init で更新してください。"
            )
        _check_key(
            conn.scalar(select(Setting.value).where(Setting.name == FINGERPRINT)),
            keys,
        )
    return Registry(engine, keys)
