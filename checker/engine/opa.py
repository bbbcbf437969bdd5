"""The OPA engine: the real Open Policy Agent over its REST API, through opa-python-client.

Two modes. Given a URL, it queries a running OPA (a central policy service) that
already holds the policies, from a bundle. Without one, it builds a bundle of the
policies, starts `opa run --server` on 127.0.0.1 with it, evaluates, and stops the
server again, also after an error or Ctrl-C.

A bundle loads all modules at once, unmodified; uploading them one by one through
the REST API fails when a module calls a function of one not yet uploaded, and the
client would rewrite policies it considers old syntax. The client's other quirks
(anchors research §4.3) are kept away from the user too: the token goes only to
the OPA server (no call here fetches another URL); an undefined decision is an
error, never an empty pass; builtin errors are strict; the bundle revision the
server reports must be that of the checker's policies; and every connection or
HTTP failure is an EngineError (exit 3) naming the server and the cause.

The repository under check is untrusted (docs/central-opa.md, Trust): where the token goes,
which variable holds it, which binary runs as the engine and which CA is trusted come only
from the command line or the run's environment (resolve_options), never from a configuration.
The managed OPA leaves nothing on disk: its bundle and log are anonymous in-memory files,
so not even SIGKILL can leave a folder behind; SIGTERM, SIGINT and SIGHUP stop it cleanly.
"""

from __future__ import annotations

import contextlib
import ipaddress
import math
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from checker.bundle import archive
from checker.engine import ENTRYPOINT, RawReport, parse_report, prepared
from checker.errors import EngineError, UsageError
from checker.i18n import message, os_reason
from checker.model import Text
from checker.policies import PolicyBundle

DEFAULT_TOKEN_ENV = "CLOUDBELEID_OPA_TOKEN"
DEFAULT_TIMEOUT = 30.0
MAX_TIMEOUT = 3600.0  # as the configuration's opa.timeout_seconds
# the run's environment, set by whoever runs the checker (a pipeline's owner), never by the repository
ENV_URL = "CLOUDBELEID_OPA_URL"
ENV_TOKEN_ENV = "CLOUDBELEID_OPA_TOKEN_ENV"
ENV_PATH = "CLOUDBELEID_OPA_PATH"
ENV_CA_BUNDLE = "CLOUDBELEID_OPA_CA_BUNDLE"
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_QUERY_PARAMS = {"strict-builtin-errors": "true", "provenance": "true"}
_PACKAGE, _RULE = ENTRYPOINT.removeprefix("data.").rsplit(".", 1)


def find_opa(explicit: str | None = None, source: str = "--opa-path") -> str:
    """The opa binary: --opa-path or CLOUDBELEID_OPA_PATH, else PATH, else the checker's own .tools/bin."""
    if explicit:
        path = Path(explicit).expanduser()
        if not (path.is_file() and os.access(path, os.X_OK)):
            raise UsageError(message("opa.not_executable", source=source, path=explicit))
        return str(path)
    # only absolute PATH entries: a relative one ('.', or an empty entry) would find an 'opa' in the repository under check
    search = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep) if os.path.isabs(p))
    found = shutil.which("opa", path=search)
    if found:
        return found
    local = Path(__file__).resolve().parents[2] / ".tools/bin/opa"
    if local.is_file():
        return str(local)
    raise UsageError(message("opa.no_binary", variable=ENV_PATH))


def resolve_options(
    url: str | None = None,
    token_env: str | None = None,
    ca_bundle: str | None = None,
    timeout: float | None = None,
    opa_path: str | None = None,
    any_revision: bool = False,
    configured_timeout: float | None = None,
    environ: Any = None,
) -> dict[str, Any]:
    """The OPA engine's options: each from its flag, else from the run's environment; all checked before anything starts.

    A configuration file may set only the timeout (configured_timeout): it lies in the repository under
    check, which must not choose where a token goes, which program runs, or which CA is trusted.
    Every problem is a UsageError (exit 2) in one line naming the flag or variable.
    """
    env = os.environ if environ is None else environ

    def pick(value: Any, flag: str, variable: str) -> tuple[str | None, str]:
        if value is not None:
            return str(value), flag
        return env.get(variable) or None, variable

    url, url_from = pick(url, "--opa-url", ENV_URL)
    token_env, token_env_from = pick(token_env, "--opa-token-env", ENV_TOKEN_ENV)
    ca_bundle, ca_from = pick(ca_bundle, "--opa-ca-bundle", ENV_CA_BUNDLE)
    opa_path, path_from = pick(opa_path, "--opa-path", ENV_PATH)
    if token_env is not None and not _VARIABLE.fullmatch(token_env):
        raise UsageError(message("opa.token_env", source=token_env_from, name=repr(token_env)))
    token_env = token_env or DEFAULT_TOKEN_ENV
    if timeout is not None and not (math.isfinite(timeout) and 0 < timeout <= MAX_TIMEOUT):
        raise UsageError(message("opa.timeout", timeout=f"{timeout:g}", limit=f"{MAX_TIMEOUT:g}"))
    if ca_bundle is not None:
        _check_ca_bundle(ca_bundle, ca_from)
    if url is not None:
        check_url(url, url_from, env.get(token_env) or None, token_env)
    else:
        opa_path = find_opa(opa_path, path_from)  # a binary that is not one is refused now, not after loading everything
    return {"url": url, "token_env": token_env, "ca_bundle": ca_bundle, "timeout": timeout or configured_timeout,
            "opa_path": opa_path, "expect_revision": not any_revision}


_LOOPBACK_NAMES = ("localhost", "localhost.")


def check_url(url: str, source: str = "--opa-url", token: str | None = None, token_env: str = DEFAULT_TOKEN_ENV) -> Any:
    """The parts of an OPA address, or a UsageError in one line: an http(s) URL with a host, a valid port, no query;
    and a token goes over plain http only to this machine (loopback), where nobody on the network can read it."""
    shown = _redact(url)
    try:
        parts = urlsplit(url)
        port = parts.port
        host = parts.hostname
    except ValueError as exc:  # '[::1' without its ']', a port beyond 65535 or not a number
        raise UsageError(message("opa.url_invalid", source=source, url=repr(shown), why=_url_problem(exc))) from None
    if parts.scheme not in ("http", "https"):
        raise UsageError(message("opa.url_scheme", source=source, url=repr(shown)))
    if not host:
        raise UsageError(message("opa.url_host", source=source, url=repr(shown)))
    if port == 0 or any(c.isspace() or ord(c) < 32 for c in url):
        raise UsageError(message("opa.url_invalid", source=source, url=repr(shown), why=message("opa.port_0" if port == 0 else "opa.url_space")))
    if parts.query or parts.fragment:
        raise UsageError(message("opa.url_query", source=source, url=repr(shown)))
    if token is not None:
        if any(c in token for c in "\r\n\0"):
            raise UsageError(message("opa.token_break", variable=token_env))
        if parts.scheme == "http" and not is_loopback(host):
            raise UsageError(message("opa.plain_http", source=source, url=repr(shown), variable=token_env))
    return parts


def _url_problem(exc: ValueError) -> Text | str:
    """What urllib found wrong with an address, in the catalogue's words where it knows the case."""
    said = str(exc)
    if "IPv6" in said:
        return message("opa.url_ipv6")
    if said.startswith("Port out of range"):
        return message("opa.url_port_range")
    if said.startswith("Port"):
        return message("opa.url_port")
    return said


def is_loopback(host: str) -> bool:
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_ca_bundle(ca_bundle: str, source: str) -> None:
    path = Path(ca_bundle).expanduser()
    try:
        if path.is_dir():  # a folder of hashed certificates, as requests and OpenSSL take it
            os.listdir(path)
            return
        if path.exists() and not path.is_file():  # a pipe or a device: reading it could block or never end
            raise UsageError(message("opa.ca_not_regular", source=source, path=ca_bundle))
        with path.open("rb") as handle:
            head = handle.read(1 << 20)
    except OSError as exc:
        raise UsageError(message("opa.ca_cannot_read", source=source, path=ca_bundle, reason=os_reason(exc))) from None
    if b"-----BEGIN CERTIFICATE-----" not in head:
        raise UsageError(message("opa.ca_no_pem", source=source, path=ca_bundle))


class OpaEngine:
    name = "opa"

    def __init__(
        self,
        url: str | None = None,
        token_env: str | None = None,
        ca_bundle: str | None = None,
        timeout: float | None = None,
        opa_path: str | None = None,
        expect_revision: bool = True,
    ) -> None:
        self.url = url
        self.token_env = token_env or DEFAULT_TOKEN_ENV
        self.ca_bundle = ca_bundle
        self.timeout = timeout or DEFAULT_TIMEOUT
        self.opa_path = opa_path
        self.expect_revision = expect_revision
        self.version = "unknown"
        self.revision: str | None = None
        self._managed: str | None = None  # "managed OPA 127.0.0.1:PORT" once started; kept for the report after close
        self._process: subprocess.Popen[bytes] | None = None
        self._client: Any = None
        self._loaded: PolicyBundle | None = None
        self._log: Any = None
        self._signals: _Signals | None = None
        self._token: str | None = None  # kept only to scrub it from messages

    @property
    def server(self) -> str | None:
        """The server the run used, as the report names it: a URL without any user:password@, or the managed OPA."""
        if self._managed:
            return self._managed
        return _redact(self.url) if self.url else None

    @property
    def _where(self) -> str:
        """The server as messages name it."""
        return _redact(self.url) if self.url else "(not started)"

    # -- connecting -------------------------------------------------------------

    def _connect(self, url: str, token: str | None) -> Any:
        from opa_client.opa import OpaClient

        parts = check_url(url, "--opa-url", token, self.token_env)  # again here: the engine may be used as a library
        port = parts.port or (443 if parts.scheme == "https" else 80)
        host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname  # the client writes host:port as given
        client = OpaClient(host=host, port=port, ssl=parts.scheme == "https", token=token, retries=0, timeout=self.timeout)
        # the URL's path prefix, if any (behind a gateway); any user:password@ stays out of every request
        client.root_url = f"{parts.scheme}://{host}:{port}{parts.path.rstrip('/')}/v1"
        if parts.scheme == "https":
            client._session.verify = self.ca_bundle or True  # TLS verification stays on
        client._session.trust_env = False  # no proxy or .netrc credentials from the environment
        return client

    def _start(self, bundle: PolicyBundle) -> None:
        from functools import partial


        opa = find_opa(self.opa_path)
        content, _ = archive(bundle)
        # SIGTERM and SIGHUP interrupt the run as Ctrl-C does, so that close() stops OPA (the kernel's
        # PR_SET_PDEATHSIG covers SIGKILL, which no handler sees)
        self._signals = _Signals.install()
        port = _free_port()
        # the bundle and the log are in-memory files without a name: there is no folder to leave behind
        bundle_file = _anonymous("cloudbeleid-opa-bundle")
        bundle_file.write(content)
        bundle_file.flush()
        bundle_file.seek(0)  # where /dev/fd/N shares the offset (not Linux) OPA reads from the start
        self._log = _anonymous("cloudbeleid-opa-log")
        command = [opa, "run", "--server", "--addr", f"127.0.0.1:{port}", "--skip-version-check", "--log-level", "error",
                   "--bundle", f"/dev/fd/{bundle_file.fileno()}",
                   "--shutdown-grace-period", "1"]  # nothing to drain when the checker stops it: Ctrl-C answers at once
        # the managed OPA needs no environment, and must get none: opa.runtime().env would hand every CI secret
        # to a custom rule of the repository under check (and from there to the report or http.send)
        environment = {"PATH": os.environ.get("PATH", os.defpath)}
        try:
            with _Signals.held(self._signals):  # an interrupt between fork and assignment would lose the child
                self._process = subprocess.Popen(
                    command, stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT, env=environment,
                    pass_fds=(bundle_file.fileno(),),
                    preexec_fn=partial(_die_with_parent, os.getpid()) if sys.platform.startswith("linux") else None,  # noqa: PLW1509
                )
        finally:
            bundle_file.close()  # OPA has its own descriptor; it reads the bundle once, at start
        self.url = f"http://127.0.0.1:{port}"
        self._managed = f"managed OPA 127.0.0.1:{port}"
        self._client = self._connect(self.url, None)
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self._signals is not None and self._signals.received is not None:  # the interrupt was swallowed: raise it again
                raise KeyboardInterrupt(signal.Signals(self._signals.received).name)
            if self._process.poll() is not None:
                raise EngineError(message("opa.start_exited", opa=opa, code=self._process.returncode, log=self._log_tail()))
            if self._client.check_health():
                return
            time.sleep(0.05)
        raise EngineError(message("opa.not_healthy", url=self.url, timeout=f"{self.timeout:g}", log=self._log_tail()))

    def _ensure(self, bundle: PolicyBundle) -> None:
        if self._process is not None and self._loaded is not bundle:
            self.close()  # other policies than the running server's: start afresh
        if self._client is None:
            if self.url:
                token = os.environ.get(self.token_env)
                self._token = token or None
                self._client = self._connect(self.url, token or None)
            else:
                self._start(bundle)
                self._loaded = bundle

    # -- evaluating -------------------------------------------------------------

    def evaluate(self, bundle: PolicyBundle, input_document: dict[str, Any]) -> RawReport:
        try:
            return self._evaluate(bundle, input_document)
        except EngineError as exc:
            if self._token and self._token in exc.text.en + exc.text.nl:  # a server or proxy that echoes the request back
                token = self._token
                raise EngineError(Text(exc.text.nl.replace(token, "***"), exc.text.en.replace(token, "***")),
                                  location=exc.location) from None
            raise

    def _evaluate(self, bundle: PolicyBundle, input_document: dict[str, Any]) -> RawReport:
        self._ensure(bundle)
        try:
            answer = self._guard(
                lambda: self._client.query_rule(prepared(input_document), _PACKAGE, _RULE, dict(_QUERY_PARAMS)),
                message("opa.evaluating", entrypoint=ENTRYPOINT)
            )
        except EngineError as exc:
            raise self._died(message("opa.evaluating", entrypoint=ENTRYPOINT)) or exc from None
        if not isinstance(answer, dict):
            raise EngineError(message("opa.not_object", where=self._where))
        provenance = answer.get("provenance")
        provenance = provenance if isinstance(provenance, dict) else {}
        self.version = f"OPA {provenance.get('version', 'unknown')}"
        bundles = provenance.get("bundles")
        bundles = bundles.values() if isinstance(bundles, dict) else ()
        revisions = sorted({str(b["revision"]) for b in bundles if isinstance(b, dict) and b.get("revision")})
        self.revision = ", ".join(revisions) or None
        if "result" not in answer:
            # undefined is not false and not a pass: the policies are not (all) there
            raise EngineError(message("opa.undefined", where=self._where, entrypoint=ENTRYPOINT))
        if self.expect_revision and revisions != [bundle.revision]:
            # no revision is no proof either: plain policy files, another version's, anyone's
            got = self.revision or message("opa.no_revision")
            raise EngineError(message("opa.revision_managed" if self._process is not None else "opa.revision", where=self._where,
                                      got=got, expected=bundle.revision))
        try:
            return parse_report(answer["result"], self.name)
        except EngineError as exc:
            raise EngineError(message("opa.at", where=self._where, error=exc.text)) from None

    def _guard(self, action: Any, what: Text) -> Any:
        """Run a call to OPA within the timeout as a whole, and turn every failure into an EngineError naming server and cause.

        requests' timeout bounds each read, not the answer: a server that sends a byte now
        and then would hold the checker forever. The call runs in a daemon thread that is
        abandoned (the process exits without it) when the deadline passes.
        """
        import threading

        outcome: dict[str, Any] = {}

        def call() -> None:
            try:
                outcome["value"] = self._call(action, what)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
                outcome["error"] = exc

        worker = threading.Thread(target=call, name="cloudbeleid-opa-call", daemon=True)
        worker.start()
        worker.join(self.timeout + 0.5)  # the per-read timeout, when it applies, fires first with the same message
        if worker.is_alive():
            raise EngineError(message("opa.no_answer", where=self._where, timeout=f"{self.timeout:g}", what=what))
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]

    def _call(self, action: Any, what: Text) -> Any:
        import requests

        try:
            return action()
        except requests.exceptions.SSLError as exc:
            raise EngineError(message("opa.tls", where=self._where, what=what, reason=_reason(exc))) from None
        except requests.exceptions.Timeout:
            raise EngineError(message("opa.no_answer", where=self._where, timeout=f"{self.timeout:g}", what=what)) from None
        except requests.exceptions.ConnectionError as exc:
            raise EngineError(message("opa.unreachable", where=self._where, what=what, reason=_reason(exc))) from None
        except requests.exceptions.HTTPError as exc:
            raise EngineError(message("opa.http", where=self._where, status=exc.response.status_code if exc.response is not None else "?",
                                      what=what, body=_body(exc.response))) from None
        except requests.exceptions.JSONDecodeError as exc:
            raise EngineError(message("opa.not_json", where=self._where, what=what, error=str(exc))) from None
        except requests.exceptions.RequestException as exc:
            raise EngineError(message("opa.failed", where=self._where, what=what, reason=_reason(exc))) from None
        except ValueError as exc:  # a body that is not JSON
            raise EngineError(message("opa.not_json", where=self._where, what=what, error=str(exc))) from None

    def _died(self, what: Text) -> EngineError | None:
        """When the managed OPA has exited under the checker: an error that says so, else None."""
        if self._process is None:
            return None
        try:
            code = self._process.wait(timeout=1)  # a killed server closes its sockets just before it is reaped
        except subprocess.TimeoutExpired:
            return None
        how = message("opa.killed", signal=-code) if code < 0 else message("opa.exited", code=code)
        return EngineError(message("opa.died", where=self._where, pid=self._process.pid, how=how, what=what, log=self._log_tail()))

    def close(self) -> None:
        # a second signal while stopping is held until OPA is stopped, then interrupts as the first one would
        with _Signals.held(self._signals):
            if self._client is not None:
                self._client.close_connection()
                self._client = None
            if self._process is not None:
                _stop(self._process)
                self._process = None
                self.url = None
                self._loaded = None
            if self._log is not None:
                self._log.close()
                self._log = None
            if self._signals is not None:
                self._signals.restore()
                self._signals = None

    def _log_tail(self) -> str:
        if self._log is None:
            return ""
        self._log.flush()
        self._log.seek(0)
        return self._log.read()[-800:].decode("utf-8", "replace").strip() or "(no output)"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _anonymous(name: str) -> Any:
    """A read-write file that has no name on any file system (Linux: memfd), so nothing is left when the checker dies."""
    if hasattr(os, "memfd_create"):
        with contextlib.suppress(OSError):  # a sandbox may forbid it
            return os.fdopen(os.memfd_create(name, 0), "w+b")  # without MFD_CLOEXEC: handed to OPA by pass_fds anyway
    return tempfile.TemporaryFile(prefix=f"{name}-")  # elsewhere: O_TMPFILE where it can, else unlinked at once


def _die_with_parent(parent: int) -> None:
    """In the child: the kernel kills it when the checker dies, so a managed OPA never outlives it, not even SIGKILL."""
    import ctypes

    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the checker died between fork and prctl
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the checker, which stops OPA itself


class _Signals:
    """While a managed OPA runs: SIGTERM and SIGHUP raise KeyboardInterrupt as SIGINT does, so the run stops
    through close(); inside held() any of the three waits until the block is done, so that no interrupt
    falls between starting OPA and remembering it, or in the middle of stopping it."""

    CAUGHT = ("SIGINT", "SIGTERM", "SIGHUP")

    def __init__(self) -> None:
        self.saved: dict[int, Any] = {}
        self.depth = 0
        self.pending: int | None = None
        self.received: int | None = None  # also when the interrupt was raised where Python swallows it (a weakref callback)

    @classmethod
    def install(cls) -> _Signals | None:
        import threading

        if threading.current_thread() is not threading.main_thread():
            return None  # only the main thread may set handlers; a library caller in a thread keeps its own
        guard = cls()
        for name in cls.CAUGHT:
            number = getattr(signal, name, None)
            if number is None:
                continue
            current = signal.getsignal(number)
            if current in (signal.SIG_DFL, signal.default_int_handler):  # a handler the caller set stays theirs
                guard.saved[number] = current
                signal.signal(number, guard._handle)
        return guard

    def _handle(self, number: int, frame: Any) -> None:
        self.received = number
        if self.depth:
            self.pending = number
            return
        raise KeyboardInterrupt(signal.Signals(number).name)

    def restore(self) -> None:
        for number, handler in self.saved.items():
            signal.signal(number, handler)
        self.saved = {}

    @staticmethod
    @contextlib.contextmanager
    def held(guard: _Signals | None) -> Iterator[None]:
        if guard is None:
            yield
            return
        guard.depth += 1
        try:
            yield
        finally:
            guard.depth -= 1
        if not guard.depth and guard.pending is not None:
            number, guard.pending = guard.pending, None
            raise KeyboardInterrupt(signal.Signals(number).name)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=2)  # an idle OPA exits at once; one busy evaluating ignores SIGTERM until it is done
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def _redact(url: str) -> str:
    """The URL without any user:password@ (also of one too malformed to parse: the part before the last @ of the host)."""
    return re.sub(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@", r"\1***@", url)


def _reason(exc: BaseException) -> str:
    text = str(exc)
    for marker in ("Connection refused", "Name or service not known", "certificate verify failed", "Read timed out", "Remote end closed"):
        if marker in text:
            return marker.lower() if marker != "Connection refused" else "connection refused"
    if "Connection reset" in text:
        return "the server reset the connection (an https server asked over http?)"
    return text[:300]


def _body(response: Any) -> str:
    try:
        data = response.json()
        return f"{data.get('code', '')}: {data.get('message', '')}".strip(": ") or response.text[:300]
    except ValueError:
        return response.text[:300] or response.reason
