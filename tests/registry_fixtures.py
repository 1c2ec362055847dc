"""Fixtures of the registry tests: a throwaway PostgreSQL, registries.

The PostgreSQL server is started once per test session in a temporary
directory (initdb, as the `postgres` user when running as root), listens
on a unix socket only, and is stopped at the end. Without the binaries the
PostgreSQL cases are skipped, unless HPIA_TEST_POSTGRES=required (set by
`make test`), where they fail.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from conftest import FIXTURES, Run

REGISTRY_FIXTURES = FIXTURES / "registry"
ADMIN_PASSWORD = "admin-pass-1"


def _bindir() -> Path | None:
    """Debian keeps initdb and pg_ctl off PATH, under its version."""
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda p: int(p.parent.parent.name),
    )
    if versions:
        return versions[-1].parent
    found = shutil.which("pg_ctl")
    return Path(found).resolve().parent if found else None


@dataclass(frozen=True)
class PgServer:
    socket_dir: Path

    def url(self, database: str) -> str:
        return f"postgresql://postgres@/{database}?host={self.socket_dir}"

    def admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(
            host=str(self.socket_dir),
            user="postgres",
            dbname="postgres",
            autocommit=True,
        )


def _as_postgres(argv: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *argv]
    return argv


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    bindir = _bindir()
    if bindir is None:
        reason = "PostgreSQL binaries (initdb, pg_ctl) not found"
        if os.environ.get("HPIA_TEST_POSTGRES") == "required":
            pytest.fail(reason + "; install Debian's postgresql (scripts/setup.sh)")
        pytest.skip(reason)
    root = Path(tempfile.mkdtemp(prefix="hpia-pg-"))
    if os.geteuid() == 0:
        account = pwd.getpwnam("postgres")
        os.chown(root, account.pw_uid, account.pw_gid)
    data, log = root / "data", root / "server.log"
    subprocess.run(
        _as_postgres(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C",
            ]
        ),
        check=True,
        capture_output=True,
    )
    options = f"-k {root} -c listen_addresses='' -c fsync=off"
    subprocess.run(
        _as_postgres(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(log),
                "-o",
                options,
                "-w",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield PgServer(root)
    finally:
        subprocess.run(
            _as_postgres(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-m",
                    "immediate",
                    "-w",
                    "stop",
                ]
            ),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A registry location on each backend (an empty database)."""
    if request.param == "sqlite":
        yield str(tmp_path / "registry.sqlite3")
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = "t_" + tmp_path.name.replace("-", "_").lower()[:50]
    with server.admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield server.url(name)
    with server.admin() as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture
def registry_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The key file's place and the admin's password in the environment."""
    key = tmp_path / "registry.key"
    monkeypatch.setenv("HPIA_REGISTRY_KEY", str(key))
    monkeypatch.setenv("HPIA_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.delenv("HPIA_NEW_PASSWORD", raising=False)
    return key


@pytest.fixture
def loaded(hpia: Callable[..., Run], db_url: str, registry_env: Path) -> str:
    """A registry with an admin and the fixture persons and records."""
    for args in (
        ("init",),
        ("user", "add", "admin", "--role", "管理"),
        ("--user", "admin", "import", "persons", REGISTRY_FIXTURES / "persons.csv"),
        (
            "--user",
            "admin",
            "import",
            "records",
            REGISTRY_FIXTURES / "records-cp932.csv",
        ),
    ):
        run = hpia("registry", "--db", db_url, *args)
        assert run.code == 0, run.err
    return db_url
