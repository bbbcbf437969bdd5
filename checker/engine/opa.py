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
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from checker.engine import ENTRYPOINT, PolicyBundle, RawReport, parse_report, prepared
from checker.errors import EngineError, UsageError

DEFAULT_TOKEN_ENV = "CLOUDBELEID_OPA_TOKEN"
DEFAULT_TIMEOUT = 30.0
_QUERY_PARAMS = {"strict-builtin-errors": "true", "provenance": "true"}
_PACKAGE, _RULE = ENTRYPOINT.removeprefix("data.").rsplit(".", 1)


def find_opa(explicit: str | None = None) -> str:
    """The opa binary: --opa-path or the configuration's opa.path, else PATH, else the project's .tools/bin."""
    if explicit:
        path = Path(explicit).expanduser()
        if not (path.is_file() and os.access(path, os.X_OK)):
            raise UsageError(f"--opa-path {explicit}: not an executable file")
        return str(path)
    found = shutil.which("opa")
    if found:
        return found
    local = Path(__file__).resolve().parents[2] / ".tools/bin/opa"
    if local.is_file():
        return str(local)
    raise UsageError("no opa binary found: give --opa-path, set opa.path in .cloudbeleid.yaml, put opa on PATH, or run scripts/install-opa")


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
        self._process: subprocess.Popen[bytes] | None = None
        self._client: Any = None
        self._loaded: PolicyBundle | None = None
        self._log: Any = None
        self._workdir: tempfile.TemporaryDirectory[str] | None = None
        self._token: str | None = None  # kept only to scrub it from messages

    @property
    def server(self) -> str:
        """The server as messages name it: without any user:password@ a URL may carry."""
        return _redact(self.url) if self.url else "(not started)"

    # -- connecting -------------------------------------------------------------

    def _connect(self, url: str, token: str | None) -> Any:
        from opa_client.opa import OpaClient

        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UsageError(f"--opa-url {_redact(url)!r} is not an http(s) address")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        client = OpaClient(host=parts.hostname, port=port, ssl=parts.scheme == "https", token=token, retries=0, timeout=self.timeout)
        if parts.path.rstrip("/"):
            client.root_url = f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}/v1"
        if parts.scheme == "https":
            client._session.verify = self.ca_bundle or True  # TLS verification stays on
        client._session.trust_env = False  # no proxy or .netrc credentials from the environment
        return client

    def _start(self, bundle: PolicyBundle) -> None:
        from checker.bundle import build

        opa = find_opa(self.opa_path)
        port = _free_port()
        self._workdir = tempfile.TemporaryDirectory(prefix="cloudbeleid-opa-")
        work = Path(self._workdir.name)
        build(work / "bundle.tar.gz", bundle)
        self._log = open(work / "opa.log", "w+b")  # noqa: SIM115 - kept until close
        command = [opa, "run", "--server", "--addr", f"127.0.0.1:{port}", "--skip-version-check", "--log-level", "error",
                   "--bundle", str(work / "bundle.tar.gz"),
                   "--shutdown-grace-period", "1"]  # nothing to drain when the checker stops it: Ctrl-C answers at once
        # the managed OPA needs no credentials: the token variable stays with the checker
        environment = {k: v for k, v in os.environ.items() if k not in (self.token_env, DEFAULT_TOKEN_ENV)}
        self._process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT, env=environment,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,  # noqa: PLW1509
        )
        self.url = f"http://127.0.0.1:{port}"
        self._client = self._connect(self.url, None)
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise EngineError(f"managed OPA ({opa}) exited with code {self._process.returncode} on start: {self._log_tail()}")
            if self._client.check_health():
                # OPA holds the bundle in memory now, and the log stays open: nothing need stay on disk,
                # so nothing is left behind even when the checker is killed outright
                self._workdir.cleanup()
                self._workdir = None
                return
            time.sleep(0.05)
        raise EngineError(f"managed OPA at {self.url} did not become healthy within {self.timeout:.0f} s: {self._log_tail()}")

    def _ensure(self, bundle: PolicyBundle) -> None:
        if self._process is not None and self._loaded is not bundle:
            self.close()  # other policies than the running server's: start afresh
        if self._client is None:
            if self.url:
                token = os.environ.get(self.token_env)
                self._token = token or None
                self._client = self._connect(self.url, token)
            else:
                self._start(bundle)
                self._loaded = bundle

    # -- evaluating -------------------------------------------------------------

    def evaluate(self, bundle: PolicyBundle, input_document: dict[str, Any]) -> RawReport:
        try:
            return self._evaluate(bundle, input_document)
        except EngineError as exc:
            if self._token and self._token in exc.message:  # a server or proxy that echoes the request back
                raise EngineError(exc.message.replace(self._token, "***"), location=exc.location) from None
            raise

    def _evaluate(self, bundle: PolicyBundle, input_document: dict[str, Any]) -> RawReport:
        self._ensure(bundle)
        try:
            answer = self._guard(
                lambda: self._client.query_rule(prepared(input_document), _PACKAGE, _RULE, dict(_QUERY_PARAMS)), f"evaluating {ENTRYPOINT}"
            )
        except EngineError as exc:
            raise self._died(f"evaluating {ENTRYPOINT}") or exc from None
        if not isinstance(answer, dict):
            raise EngineError(f"OPA at {self.server} answered something other than a JSON object")
        provenance = answer.get("provenance", {})
        self.version = f"OPA {provenance.get('version', 'unknown')}"
        revisions = sorted({b.get("revision") for b in provenance.get("bundles", {}).values() if b.get("revision")})
        self.revision = ", ".join(revisions) or None
        if self._process is not None and revisions != [bundle.revision]:
            raise EngineError(f"managed OPA at {self.server} loaded policy revision {self.revision}, not {bundle.revision}")
        if self._process is None:
            if self.expect_revision and revisions and revisions != [bundle.revision]:
                raise EngineError(
                    f"OPA at {self.server} serves policy revision {self.revision}, this checker has {bundle.revision}: "
                    "the verdict would come from other rules (use a bundle built by this version, or --opa-any-revision)"
                )
        if "result" not in answer:
            # undefined is not false and not a pass: the policies are not (all) there
            raise EngineError(f"OPA at {self.server}: {ENTRYPOINT} is undefined (are the cloudbeleid policies loaded?)")
        try:
            return parse_report(answer["result"], self.name)
        except EngineError as exc:
            raise EngineError(f"OPA at {self.server}: {exc.message}") from None

    def _guard(self, action: Any, what: str) -> Any:
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
            raise EngineError(f"OPA at {self.server} did not answer within {self.timeout:g} s while {what}")
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]

    def _call(self, action: Any, what: str) -> Any:
        import requests

        try:
            return action()
        except requests.exceptions.SSLError as exc:
            raise EngineError(f"OPA at {self.server}: TLS certificate not verified while {what} ({_reason(exc)})") from None
        except requests.exceptions.Timeout:
            raise EngineError(f"OPA at {self.server} did not answer within {self.timeout:g} s while {what}") from None
        except requests.exceptions.ConnectionError as exc:
            raise EngineError(f"cannot reach OPA at {self.server} while {what}: {_reason(exc)}") from None
        except requests.exceptions.HTTPError as exc:
            raise EngineError(f"OPA at {self.server} answered HTTP {exc.response.status_code} while {what}: {_body(exc.response)}") from None
        except requests.exceptions.JSONDecodeError as exc:
            raise EngineError(f"OPA at {self.server} sent an answer that is not JSON while {what}: {exc}") from None
        except requests.exceptions.RequestException as exc:
            raise EngineError(f"OPA at {self.server} failed while {what}: {_reason(exc)}") from None
        except ValueError as exc:  # a body that is not JSON
            raise EngineError(f"OPA at {self.server} sent an answer that is not JSON while {what}: {exc}") from None

    def _died(self, what: str) -> EngineError | None:
        """When the managed OPA has exited under the checker: an error that says so, else None."""
        if self._process is None:
            return None
        try:
            code = self._process.wait(timeout=1)  # a killed server closes its sockets just before it is reaped
        except subprocess.TimeoutExpired:
            return None
        how = f"was killed by signal {-code}" if code < 0 else f"exited with code {code}"
        return EngineError(f"managed OPA at {self.server} (pid {self._process.pid}) {how} while {what}: {self._log_tail()}")

    def close(self) -> None:
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
        if self._workdir is not None:
            self._workdir.cleanup()
            self._workdir = None

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


def _die_with_parent() -> None:
    """In the child: the kernel sends SIGTERM when the checker dies, so a managed OPA never outlives it."""
    import ctypes

    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the checker, which stops OPA itself


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=2)  # an idle OPA exits at once; one busy evaluating ignores SIGTERM until it is done
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def _redact(url: str) -> str:
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    if parts.port:
        netloc += f":{parts.port}"
    return parts._replace(netloc="***@" + netloc).geturl()


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
