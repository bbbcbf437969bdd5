"""The run's cache: a `check` whose every input is the same as a run before gives that run's outputs and exit code
again without checking anything (issue 16: "instant when nothing changed").

The key is a digest of everything the outputs are made of: the checker's files and the libraries that read, check
and render; the policies; the run's options (the reference date among them); each descriptor's display name, bytes
and governing configuration; each configuration's bytes, its waiver file's (or that it has none) and the baseline's;
the files discovery left out and why; the working directory and the repository root the views name files from; the
environment variables the views read; and per output its format, colour and --quiet. The value is what the run
wrote, digest-checked when read. Never used where that list is not everything: another engine than the embedded
one (a server's policies are its own), --changed-since (git's state), a repository with Terraform code (resources
are read from folders beside the descriptors), a file that is not a plain readable file (the run says why), the
GitHub job summary (written beside the output). A run that ends in an error is not kept; one whose outputs could
not all be written neither.

Like every cache entry (checker/cache.py) this one lives in the user's private cache folder: the repository under
check cannot write it. CLOUDBELEID_NO_RUN_CACHE=1 leaves this cache out and keeps the per-file one.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from checker import cache

if TYPE_CHECKING:
    from checker.pipeline import Options
    from checker.pipeline.discover import Found

KIND = "runs"
KEEP = 8  # the runs kept: a report of 10,000 services is about 40 MB, so older ones go (least recently used)
_HEADER = b"cloudbeleid-run-cache 1\n"

# the environment variables a view reads (checker/reporters: the CI checkout for repository paths, Azure
# Pipelines' identity for SARIF), and NO_COLOR; tests/test_runcache.py holds this list to what the views read
def environment_names() -> tuple[str, ...]:
    from checker.reporters.common import _CHECKOUT_VARIABLES
    from checker.reporters.sarif import _ADO_VARIABLES

    return ("NO_COLOR", "TF_BUILD", *_CHECKOUT_VARIABLES, *(name for names in _ADO_VARIABLES.values() for name in names),
            *_TERMINAL)


# what rich reads to choose the colours of a terminal's text view (checker/reporters/text.py)
_TERMINAL = ("TERM", "COLORTERM", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


@dataclass
class Entry:
    """A kept run, open: its outputs (offset and length of each in the file, every one digest-checked) and its exit
    code. Read through the handle it was checked through: an entry replaced meanwhile cannot mix with it."""

    handle: IO[bytes]
    parts: list[tuple[int, int]]
    exit_code: int

    def output(self, index: int) -> Iterator[bytes]:
        """One output's bytes, a block at a time (a report of 100,000 services is never held whole)."""
        offset, length = self.parts[index]
        self.handle.seek(offset)
        while length > 0:
            block = self.handle.read(min(length, 1 << 20))
            if not block:
                raise OSError("cache entry shrank")
            length -= len(block)
            yield block

    def close(self) -> None:
        self.handle.close()


@dataclass(frozen=True)
class RunKey:
    """A run's key, and each input file's state when its bytes were read for it (device, inode, size, times; taken
    before the bytes): a file written while the run checks it changes its state, and such a run is not kept, for
    its verdicts may be those of other bytes than the key's."""

    name: str
    files: tuple[tuple[str, tuple[int, ...] | None], ...]

    def unchanged(self) -> bool:
        return all(_state(path) == state for path, state in self.files)


def _state(path: str | Path) -> tuple[int, ...] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def usable(options: Options, outputs: list[tuple[str, bool]]) -> bool:
    """Whether this cache can serve the run at all, from its options alone (before anything is read)."""
    if (os.environ.get("CLOUDBELEID_NO_RUN_CACHE") or cache.directory() is None or options.engine != "embedded"
            or options.changed_since):
        return False
    return not (os.environ.get("GITHUB_STEP_SUMMARY") and any(name == "github" for name, _ in outputs))


def key(options: Options, found: Found, roots: tuple[Path, ...], outputs: list[tuple[str, bool]],
        quiet: bool) -> RunKey | None:
    """The run's key, or None where this cache cannot serve the run (see the module's text). found: the run's files
    and their configurations (pipeline.discover.find), roots: its policy folders. outputs: per output its format
    and whether it is in colour. The policies are keyed by their files' bytes (policies.sources_digest), not by the bundle
    and catalogue made of them: a run served from this cache loads neither."""
    if not usable(options, outputs):
        return None
    from checker import infra, waivers
    from checker.loader import read_limited
    from checker.pipeline.discover import display_path
    from checker.policies import sources_digest
    from checker.reporters.common import repository_root

    digest = hashlib.sha256()
    states: list[tuple[str, tuple[int, ...] | None]] = []

    def part(data: str | bytes) -> None:
        raw = data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data  # a name need not be UTF-8
        digest.update(len(raw).to_bytes(8, "big") + raw)

    def read(path: Path, name: str, limits: Any = None) -> bytes | None:
        states.append((os.fspath(path), _state(path)))  # before the bytes: a write after it changes the state
        raw = read_limited(path, name) if limits is None else read_limited(path, name, limits)
        return raw if isinstance(raw, bytes) else None

    def file(path: Path | None) -> bool:
        """A governing file's bytes in the key (or that there is none); False where it is not a plain readable file."""
        if path is None or not os.path.lexists(path):
            if path is not None:
                states.append((os.fspath(path), None))  # one written meanwhile is not this key's
            part("absent")
            return True
        raw = read(path, str(path))
        if raw is None:
            return False
        part(raw)
        return True

    watched: dict[str, tuple[int, ...] | None] = {}
    policies = sources_digest(roots, lambda path: states.append((os.fspath(path), _state(path))),
                              lambda root: _shipped_policies(root, watched))
    if policies is None:
        return None
    for text in (_HEADER.decode(), sys.version, _package_digest(), _libraries(), policies,
                 json.dumps([str(root) for root in roots]), repr(options),
                 os.path.realpath(os.getcwd()), repository_root(),
                 json.dumps({name: os.environ.get(name) for name in environment_names()}),
                 json.dumps([outputs, quiet]), json.dumps(found.skipped, sort_keys=True), json.dumps(sorted(found.context))):
        part(text)
    governing: dict[Path, object] = {}
    for config in found.configs.values():
        if config.path is not None and config.path not in governing:
            governing[config.path] = config
            if infra._group_folders(config):
                return None
            if not (file(config.path) and file(waivers.settings_for(config, existing=False).file)):
                return None
            part(repr(config))
    if not file(options.baseline):
        return None
    # the configurations are keyed by the files' display names, in the files' order (one key a file: same length)
    names = list(found.configs) if len(found.configs) == len(found.files) else [display_path(p) for p in found.files]
    for path, name in zip(found.files, names):
        config = found.configs[name]
        raw = read(path, name, config.limits)
        # a descriptor that names infrastructure code or a plan (checker/infra: files beside it, read when it is
        # checked) is not served; the key's test is on the bytes, so a backslash (an escape that could spell the
        # field's name) counts as naming it: the loader reads UTF-8 only
        if raw is None or b"infrastructure" in raw or b"\\" in raw:
            return None
        part(name)
        part(str(config.path))
        part(raw)
    return RunKey(digest.hexdigest(), (*states, *_PACKAGE_WATCHED.items(), *watched.items()))


def get(name: str, count: int) -> Entry | None:
    """The kept run of that key, open, or None: not kept, or not whole (every output's digest is checked)."""
    folder = cache.directory()
    if folder is None:
        return None
    path = folder / KIND / name
    try:
        handle = path.open("rb")
    except OSError:
        return None
    try:
        info = os.fstat(handle.fileno())
        if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o077):
            raise ValueError("not written by this cache")  # entries are private (0600): a checked-out file is not one
        if handle.readline() != _HEADER:
            raise ValueError("not an entry")
        head = json.loads(handle.readline())
        exit_code, lengths = head["exit"], head["outputs"]
        if (not isinstance(exit_code, int) or not isinstance(lengths, list) or len(lengths) != count
                or head["seal"] != _seal(name, exit_code, lengths)):
            raise ValueError("not this run's entry")
        parts = []
        for length, expected in lengths:
            offset, digest = handle.tell(), hashlib.sha256()
            remaining = length
            while remaining > 0:
                block = handle.read(min(remaining, 1 << 20))
                if not block:
                    raise ValueError("cut short")
                digest.update(block)
                remaining -= len(block)
            if digest.hexdigest() != expected:
                raise ValueError("altered")
            parts.append((offset, length))
        if handle.read(1):
            raise ValueError("more than it says")
        os.utime(path)  # recently used: kept longest
    except (OSError, ValueError, TypeError, KeyError):
        handle.close()
        return None
    return Entry(handle, parts, exit_code)


class Recorder:
    """What a run writes, kept beside its outputs as they are written (never held whole in memory: a report of
    100,000 services is hundreds of megabytes), then stored under the run's key when every output was written."""

    def __init__(self, name: str | None, count: int) -> None:
        self.name = name
        self.files: list[IO[bytes] | None] = [None] * count
        self.folder = cache.directory() if name is not None else None

    def tee(self, index: int, pieces: str | Iterable[str], to_file: bool) -> str | Iterable[str]:
        """The output's pieces, each also written to this output's part of the entry: for a file, as the file gets
        them (UTF-8, the platform's line ends); for standard output, as text, which a served run writes through
        standard output's own encoding and line ends as this run does."""
        if self.folder is None:
            return pieces
        import tempfile  # here: a run served from this cache writes no entry

        try:
            (self.folder / KIND).mkdir(mode=0o700, parents=True, exist_ok=True)
            handle = self.files[index] = tempfile.NamedTemporaryFile(dir=self.folder / KIND, delete=False, suffix=".part")
        except OSError:
            self.folder = None
            return pieces
        return self._copied(handle, [pieces] if isinstance(pieces, str) else pieces, to_file and os.linesep != "\n")

    def _copied(self, handle: IO[bytes], pieces: Iterable[str], translate: bool) -> Iterator[str]:
        for piece in pieces:
            if self.folder is not None:
                try:
                    handle.write((piece.replace("\n", os.linesep) if translate else piece).encode("utf-8", "surrogateescape"))
                except OSError:
                    self.folder = None
            yield piece

    def store(self, exit_code: int) -> None:
        """The entry kept: the header, then every output's bytes. Written then renamed: a reader never sees half."""
        import tempfile

        try:
            if self.folder is not None and self.name is not None and all(h is not None for h in self.files):
                parts = []
                for handle in self.files:
                    assert handle is not None
                    handle.flush()
                    handle.seek(0)
                    digest, length = hashlib.sha256(), 0
                    for block in iter(lambda h=handle: h.read(1 << 20), b""):  # type: ignore[misc]
                        digest.update(block)
                        length += len(block)
                    parts.append([length, digest.hexdigest()])
                with tempfile.NamedTemporaryFile(dir=self.folder / KIND, delete=False, suffix=".tmp") as entry:
                    head = {"exit": exit_code, "outputs": parts, "seal": _seal(self.name, exit_code, parts)}
                    entry.write(_HEADER + json.dumps(head).encode() + b"\n")
                    for handle in self.files:
                        assert handle is not None
                        handle.seek(0)
                        for block in iter(lambda h=handle: h.read(1 << 20), b""):  # type: ignore[misc]
                            entry.write(block)
                os.replace(entry.name, self.folder / KIND / self.name)
                _evict(self.folder / KIND)
        except OSError:
            pass
        finally:
            self.discard()

    def discard(self) -> None:
        for handle in self.files:
            if handle is not None:
                try:
                    handle.close()
                    os.unlink(handle.name)
                except OSError:
                    pass
        self.files = [None] * len(self.files)


def _seal(name: str, exit_code: int, parts: list[list[object]]) -> str:
    """The header's own digest: an entry of another key, or one whose exit code was altered, is not this run's."""
    return hashlib.sha256(json.dumps([name, exit_code, parts]).encode()).hexdigest()


def _evict(folder: Path, keep: int = KEEP) -> None:
    """Only the `keep` most recently used entries stay (KEEP runs), and no leftover of a run that was stopped halfway (a part or
    entry being written, older than an hour: a run that is still writing one is left alone)."""
    import time

    try:
        now = time.time()
        entries = []
        for item in folder.iterdir():
            if item.suffix in (".part", ".tmp"):
                if now - item.stat().st_mtime > 3600:
                    item.unlink(missing_ok=True)
            else:
                entries.append(item)
        entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in entries[keep:]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass


@functools.cache
def _package_digest() -> str:
    """What the outputs are made of besides the policies: the code, message catalogues and schemas the per-file
    entries' digest covers (pipeline.run._code_digest, shared, so a run reads them once), and the package's other
    files, the views' templates and the compiled catalogue. Known by the files' states where they are settled
    (_fingerprinted): a run served from this cache reads none of them."""
    import checker
    from checker.resources import schemas_dir

    here = Path(checker.__file__).parent
    _PACKAGE_WATCHED.clear()
    return _fingerprinted("package", [(here, ("_bundle",)), (schemas_dir(), ())], cache.libraries(),
                          _package_files, _PACKAGE_WATCHED, bytecode=True)  # type: ignore[return-value]


def _package_files() -> str:
    import checker
    from checker.pipeline.run import _code_digest

    here = Path(checker.__file__).parent
    digest = hashlib.sha256(_code_digest().encode())
    for path in sorted(here.rglob("*")):
        relative = path.relative_to(here)
        if (path.is_file() and "__pycache__" not in relative.parts and relative.parts[0] != "_bundle"
                and (path.suffix not in (".py", ".json") or path.name == "compiled_catalog.json")):
            digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _shipped_policies(root: Path, watched: dict[str, tuple[int, ...] | None]) -> str | None:
    """The first policy folder's part of the key (policies.root_digest: the shipped policies, or the copy
    CLOUDBELEID_POLICIES names), known by its files' states where they are settled (_fingerprinted). The
    organisation's own folders, in the repository under check, are always read."""
    from checker.policies import root_digest

    return _fingerprinted("policies", [(root, ())], "", lambda: root_digest(root), watched)


# A file or folder changed less than this long ago is not known by its state: a write within the file system's
# timestamp granularity (a few milliseconds; seconds on some) could leave its size and times as they were. As git
# treats a "racily clean" file, it is read instead, until it has settled.
SETTLED_NS = 3_000_000_000
_MEMO = "installed"  # the kind of the cache entries of _fingerprinted
_MEMO_KEEP = 16  # of them, the most recently written
# the files and folders _package_digest went by, with their states (see _fingerprinted)
_PACKAGE_WATCHED: dict[str, tuple[int, ...] | None] = {}


def _fingerprinted(kind: str, folders: list[tuple[Path, tuple[str, ...]]], extra: str,
                   compute: Callable[[], str | None], watched: dict[str, tuple[int, ...] | None],
                   bytecode: bool = False) -> str | None:
    """compute()'s digest of the files below folders (each with the names of its own subfolders the walk leaves
    out, as compute does), kept in the cache under the state of every file and folder there (name, type, device,
    inode, size, modification and change times, a link's target's too): while none of them changed, compute's
    answer is the same, so it is taken from the cache. Not kept while any of them changed within SETTLED_NS, nor when a folder cannot be listed or a link
    names a folder (which compute might follow and the states would not cover). watched: every file and folder
    gone by, with its state: a run is not kept when one of them changed while it ran (RunKey.unchanged), as for
    the files the key reads. bytecode: the folders hold Python's bytecode beside the sources compute reads (the
    checker's package): its __pycache__ folders are left out and a folder is known by its names, not its times, so
    that the first run after an install or an edit, which writes bytecode, is kept; anywhere else (the policies,
    whose loader reads every folder) a folder's times count, so a file added while a run reads them keeps the run
    out."""
    import stat
    import time

    states: list[object] = [kind, sys.version, extra]
    limit = time.time_ns() - SETTLED_NS
    settled = True
    try:
        for folder, left_out in folders:
            states += [str(folder), os.path.realpath(folder)]

            def failed(error: OSError) -> None:
                raise error

            top = os.fspath(folder)
            for directory, subdirs, names in os.walk(top, onerror=failed):
                # bytecode is Python's own, made from the sources the digest reads: a run that writes it (the first
                # after an install or an edit) is kept like any other
                subdirs[:] = sorted(d for d in subdirs if (directory != top or d not in left_out)
                                    and not (bytecode and d == "__pycache__"))
                inner = directory[len(top):]
                for name in [".", *subdirs, *sorted(names)]:
                    path = os.path.join(directory, name)
                    info = os.lstat(path)
                    if bytecode and stat.S_ISDIR(info.st_mode):
                        # a folder by what it is; what it holds is in its names and their states (a __pycache__ made in
                        # it changes its times, not its contents)
                        states.append([inner, name, info.st_mode, info.st_dev, info.st_ino])
                        continue
                    state = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
                    states.append([inner, name, info.st_mode, *state])
                    changed = max(info.st_mtime_ns, info.st_ctime_ns)
                    if stat.S_ISLNK(info.st_mode):
                        target = os.stat(path)
                        if stat.S_ISDIR(target.st_mode):
                            return compute()
                        state = (target.st_dev, target.st_ino, target.st_size, target.st_mtime_ns, target.st_ctime_ns)
                        states.append(state)
                        changed = max(changed, target.st_mtime_ns, target.st_ctime_ns)
                    settled = settled and changed < limit
                    watched[path] = state  # as _state(path) gives it
    except OSError:
        return compute()
    name = cache.key(json.dumps(states))
    if settled:
        kept = cache.get(_MEMO, name)
        if isinstance(kept, dict) and isinstance(kept.get("digest"), str):
            return kept["digest"]
    digest = compute()
    if settled and digest is not None:
        cache.put(_MEMO, name, {"digest": digest})
        home = cache.directory()
        if home is not None:
            _evict(home / _MEMO, _MEMO_KEEP)  # each edit of a checkout leaves one behind
    return digest


def _libraries() -> str:
    """The libraries that read, check and render, with their versions."""
    found = cache.installed_versions(("rich", "Jinja2", "MarkupSafe", "typer"))
    return cache.libraries() + ";" + ";".join(f"{name}=={found[name]}" for name in sorted(found))
