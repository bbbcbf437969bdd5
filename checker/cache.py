"""A small on-disk cache for work that only depends on file contents: the rule catalogue, evaluation results.

Entries are JSON files named by a SHA-256 key of everything the result depends on, in
$CLOUDBELEID_CACHE_DIR, else $XDG_CACHE_HOME/cloudbeleid-checker, else ~/.cache/cloudbeleid-checker.
CLOUDBELEID_NO_CACHE=1 turns it off. A cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Any

# the folders of the repositories under check (guard): a cache folder inside one is not used
_GUARDED: list[str] = []
_DECIDED: dict[tuple[str, tuple[str, ...]], bool] = {}


def guard(paths: tuple[Path, ...] | list[Path]) -> None:
    """No cache inside what this run checks: whoever can write the cache can decide verdicts, and the repository
    under check is untrusted, so a cache folder inside a searched path or inside the git work tree that holds one
    (or the working folder) is not used: a checkout could bring its own entries (a CI cache kept in the project
    folder, say)."""
    here = os.path.realpath(os.getcwd())
    # no paths: the run searches the working folder
    searched = {os.path.realpath(p if os.path.isdir(p) else os.path.dirname(os.path.abspath(p))) for p in paths} if paths else {here}
    guarded = set(searched)
    for folder in searched | {here}:
        top = _work_tree(folder)
        if top is not None:
            guarded.add(top)
    _GUARDED[:] = sorted(guarded)


def _work_tree(folder: str) -> str | None:
    """The git work tree holding folder (the nearest folder up with a .git entry), without asking git."""
    current = folder
    while True:
        if os.path.lexists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def _inside_guarded(folder: Path) -> bool:
    decided = _DECIDED.get((str(folder), tuple(_GUARDED)))
    if decided is None:
        real = os.path.realpath(folder)
        decided = any(real == g or real.startswith(g.rstrip(os.sep) + os.sep) for g in _GUARDED)
        _DECIDED[(str(folder), tuple(_GUARDED))] = decided
    return decided


def directory() -> Path | None:
    """The cache folder, created private (0700); not used when it belongs to someone else or others may write it,
    when it is named by a relative path, or when it lies inside what the run checks (guard): whoever can write the
    cache can decide verdicts, so a shared cache is trusted input."""
    if os.environ.get("CLOUDBELEID_NO_CACHE"):
        return None
    if os.environ.get("CLOUDBELEID_CACHE_DIR"):
        folder = Path(os.environ["CLOUDBELEID_CACHE_DIR"])
        if not folder.is_absolute():  # relative to wherever the run happens to start: inside the repository, often
            return None
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = Path(base) / "cloudbeleid-checker"
    if _GUARDED and _inside_guarded(folder):
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = folder.stat()
    except OSError:
        return None
    if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o022):
        return None
    return folder


def key(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part  # a name need not be UTF-8
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def get(kind: str, name: str) -> Any | None:
    folder = directory()
    if folder is None:
        return None
    try:
        return json.loads((folder / kind / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def put(kind: str, name: str, value: Any) -> None:
    folder = directory()
    if folder is None:
        return
    try:
        target = folder / kind
        target.mkdir(parents=True, exist_ok=True)
        import tempfile  # here: its import (shutil, random, the compression modules) is not a start's

        # write then rename: a reader never sees half a file, and parallel runs do not collide
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target, delete=False, suffix=".tmp") as handle:
            json.dump(value, handle, ensure_ascii=False)
        os.replace(handle.name, target / f"{name}.json")
    except OSError:
        pass


_DATABASES: dict[Path, Any] = {}


def _database() -> Any | None:
    """Many small entries (one per descriptor) live in one SQLite file, safe for parallel worker processes."""
    folder = directory()
    if folder is None:
        return None
    if folder not in _DATABASES:
        import sqlite3

        try:
            folder.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(folder / "entries.sqlite", timeout=30, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("CREATE TABLE IF NOT EXISTS entries (kind TEXT, key TEXT, value TEXT, PRIMARY KEY (kind, key))")
        except (OSError, sqlite3.Error):
            connection = None
        _DATABASES[folder] = connection
    return _DATABASES[folder]


def get_many(kind: str, keys: list[str]) -> dict[str, Any]:
    connection = _database()
    if connection is None or not keys:
        return {}
    found: dict[str, Any] = {}
    try:
        for start in range(0, len(keys), 500):
            batch = keys[start:start + 500]
            marks = ",".join("?" * len(batch))
            for name, value in connection.execute(f"SELECT key, value FROM entries WHERE kind = ? AND key IN ({marks})", [kind, *batch]):
                found[name] = json.loads(value)
    except Exception:  # noqa: BLE001 - a broken cache is no cache
        return {}
    return found


def put_many(kind: str, values: dict[str, Any]) -> None:
    connection = _database()
    if connection is None or not values:
        return
    try:
        connection.execute("BEGIN")
        connection.executemany(
            "INSERT OR REPLACE INTO entries (kind, key, value) VALUES (?, ?, ?)",
            [(kind, name, json.dumps(value, ensure_ascii=False)) for name, value in values.items()],
        )
        connection.execute("COMMIT")
    except Exception:  # noqa: BLE001 - a cache that cannot be written is simply not used
        try:
            connection.execute("ROLLBACK")
        except Exception:  # noqa: BLE001
            pass


def close() -> None:
    """Close every open cache connection; the next use opens it again."""
    for connection in _DATABASES.values():
        if connection is not None:
            try:
                connection.close()
            except Exception:  # noqa: BLE001 - closing a broken cache is not worth failing for
                pass
    _DATABASES.clear()


# An SQLite connection must not cross a fork (the pool's workers): the child would share the parent's file
# locks and state. Closing before every fork keeps it on the side that opened it; each side opens its own.
if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=close)


# they decide verdicts too (regorus's distribution is gordon-to-regorus: the name regorus is no installed distribution)
_LIBRARIES = ("gordon-to-regorus", "ruamel.yaml", "ruamel.yaml.clib", "jsonschema", "jsonschema-rs")


@functools.cache
def library_versions() -> dict[str, str | None]:
    """The installed version of each of those libraries, found once per process."""
    return installed_versions(_LIBRARIES)


@functools.cache
def libraries() -> str:
    """The versions of the libraries that read, validate and evaluate (once per process): an upgrade of one of them
    must not be served what the old one decided."""
    found = library_versions()
    return ";".join(f"{name}=={found[name]}" if found[name] else f"{name}: none" for name in _LIBRARIES)


def installed_versions(names: tuple[str, ...]) -> dict[str, str | None]:
    """The installed version of each distribution (None: not installed), from the names of the dist-info folders on
    sys.path, the first one found winning as it does for importlib.metadata; importlib.metadata (which reads every
    distribution's metadata: tens of milliseconds at start-up) only for one not found that way, an egg say."""
    import re
    import sys

    def normal(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    wanted = {normal(name): name for name in names}
    found: dict[str, str | None] = {}
    for entry in sys.path:
        try:
            listing = sorted(os.listdir(entry or "."))
        except OSError:
            continue
        for item in listing:
            if item.endswith(".dist-info"):
                project, _, number = item.removesuffix(".dist-info").partition("-")
                name = wanted.get(normal(project))
                if name is not None and number and name not in found:
                    found[name] = number
    for name in names:
        if name not in found:
            from importlib.metadata import PackageNotFoundError, version

            try:
                found[name] = version(name)
            except PackageNotFoundError:
                found[name] = None
    return found

