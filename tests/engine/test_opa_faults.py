"""OPA faults that tests/engine/test_opa_engine.py does not already show, each against a real OPA or a real socket.

Every one is exit code 3 with a message that names the server and the cause, never a pass;
the bearer token never appears in any output; the managed OPA never outlives the checker,
not even after Ctrl-C.
"""

from __future__ import annotations

import contextlib
import datetime
import ipaddress
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import AS_OF, MINISTRY_CONFIG, PACKS, ROOT, RULE, VALID_DESCRIPTOR, own_policies, run_cli, write
from tests.opa_binary import opa_path
from tests.opa_server import opa_server, served_policies

TOKEN = "tok-6f1d2c9a-never-print-me"
WITH_TOKEN = {"CLOUDBELEID_OPA_TOKEN": TOKEN}


def assert_clean_engine_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 3, output
    assert "Traceback" not in output
    assert TOKEN not in output
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr


@pytest.fixture
def service(repo: Path) -> Path:
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    return repo


# --- fake servers on real sockets -------------------------------------------------------------

@contextlib.contextmanager
def raw_server(handle: Callable[[socket.socket], None]) -> Iterator[str]:
    """A TCP server on 127.0.0.1 that hands every accepted connection to handle, in a thread."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    stop = threading.Event()
    connections: list[socket.socket] = []

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                continue
            connections.append(connection)
            threading.Thread(target=handle, args=(connection,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(timeout=5)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.close()
        listener.close()


def _read_request(connection: socket.socket) -> bytes:
    connection.settimeout(10)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")), 0)
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def answering(status: str, body: bytes, content_type: str = "application/json") -> Callable[[socket.socket], None]:
    def handle(connection: socket.socket) -> None:
        request = _read_request(connection)
        text = body.replace(b"{authorization}", next(
            (line.split(b":", 1)[1].strip() for line in request.split(b"\r\n") if line.lower().startswith(b"authorization:")), b""))
        connection.sendall(f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(text)}\r\nConnection: close\r\n\r\n".encode() + text)
        connection.close()
    return handle


def silent(connection: socket.socket) -> None:
    """Accept, read the request, and never answer."""
    _read_request(connection)
    time.sleep(60)


def dripping(connection: socket.socket) -> None:
    """Start an answer and never finish it: one byte every half second, so no single read times out."""
    _read_request(connection)
    with contextlib.suppress(OSError):
        connection.sendall(b"HTTP/1.1 200 OK\r\n")
        for _ in range(240):
            connection.sendall(b"X")
            time.sleep(0.5)


def hanging_up(connection: socket.socket) -> None:
    _read_request(connection)
    connection.close()


# --- a server that accepts and never answers, or answers forever --------------------------------

def test_server_that_never_answers_times_out(service: Path):
    with raw_server(silent) as url:
        started = time.monotonic()
        result = run_cli("check", "--lang", "en", "--opa-url", url, "--opa-timeout", "1", str(service), env=WITH_TOKEN)
        elapsed = time.monotonic() - started
    assert_clean_engine_error(result, f"OPA at {url} did not answer within 1 s while evaluating data.cloudbeleid.main.report")
    assert elapsed < 20


def test_server_that_drips_its_answer_times_out_as_a_whole(service: Path):
    with raw_server(dripping) as url:
        started = time.monotonic()
        result = run_cli("check", "--lang", "en", "--opa-url", url, "--opa-timeout", "1", str(service), env=WITH_TOKEN)
        elapsed = time.monotonic() - started
    assert_clean_engine_error(result, f"OPA at {url} did not answer within 1 s")
    assert elapsed < 20


def test_server_that_hangs_up_without_an_answer(service: Path):
    with raw_server(hanging_up) as url:
        result = run_cli("check", "--lang", "en", "--opa-url", url, str(service), env=WITH_TOKEN)
    assert_clean_engine_error(result, f"cannot reach OPA at {url} while evaluating", "remote end closed")


# --- answers that are not a report ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("status", "body", "content_type", "expected"),
    [
        ("200 OK", b"<html>login</html>", "text/html", "sent an answer that is not JSON"),
        ("200 OK", b'{"result": {"violations": "none"}}', "application/json", "malformed report: no list of violations"),
        ("200 OK", b'{"result": {"violations": [{"rule": 1}], "subjects": {}}}', "application/json", "lacks rule, service, path, kind or params"),
        ("200 OK", b"[1, 2]", "application/json", "answered something other than a JSON object"),
        ("502 Bad Gateway", b"<html><h1>502 Bad Gateway</h1></html>", "text/html", "answered HTTP 502"),
    ],
    ids=["html", "violations-not-a-list", "violation-without-fields", "json-list", "proxy-502"],
)
def test_answer_that_is_not_a_report(service: Path, status: str, body: bytes, content_type: str, expected: str):
    from checker.policies import load_bundle

    # with this checker's revision, so that the report itself is what is refused
    body = body.replace(b'{"result"', b'{"provenance": {"bundles": {"cloudbeleid": {"revision": "%s"}}}, "result"' % load_bundle().revision.encode())
    with raw_server(answering(status, body, content_type)) as url:
        result = run_cli("check", "--lang", "en", "--opa-url", url, str(service), env=WITH_TOKEN)
    assert_clean_engine_error(result, f"OPA at {url}", expected)


NONE = "none (no bundle revision in its answer)"


@pytest.mark.parametrize(("provenance", "got"), [
    (None, NONE),
    ({"version": "1.22.3"}, NONE),
    ({"bundles": {"cloudbeleid": {"revision": ""}}}, NONE),
    ({"bundles": {"cloudbeleid": {"revision": "0.0.1+elsewhere"}}}, "0.0.1+elsewhere"),
    ({"bundles": {"cloudbeleid": {"revision": "THIS"}, "other": {"revision": "x"}}}, "THIS, x"),
], ids=["no-provenance", "no-bundles", "empty-revision", "other-revision", "one-bundle-too-many"])
def test_an_answer_without_this_checkers_revision_is_refused(service: Path, provenance: dict | None, got: str):
    """A stand-in server that answers a well-formed, passing report: only the revision shows it is not the checker's rules."""
    import json

    from checker.policies import load_bundle

    expected = load_bundle().revision
    answer = {"result": {"violations": [], "subjects": {}}}
    if provenance is not None:
        answer["provenance"] = json.loads(json.dumps(provenance).replace("THIS", expected))
    with raw_server(answering("200 OK", json.dumps(answer).encode())) as url:
        result = run_cli("check", "--lang", "en", "--opa-url", url, str(service), env=WITH_TOKEN)
    got = got.replace("THIS", expected)
    assert_clean_engine_error(result, f"OPA at {url} serves policy revision {got}, expected {expected}: ")
    assert len(result.stderr.splitlines()) == 1


def test_token_echoed_by_a_server_is_scrubbed(service: Path):
    """A proxy that echoes the request (here the Authorization header) into its error page."""
    with raw_server(answering("401 Unauthorized", b'{"code": "unauthorized", "message": "rejected {authorization}"}')) as url:
        result = run_cli("check", "--lang", "en", "--opa-url", url, str(service), env=WITH_TOKEN)
    assert_clean_engine_error(result, f"OPA at {url} answered HTTP 401", "rejected Bearer ***")


def test_credentials_in_the_url_are_never_shown(service: Path):
    with raw_server(hanging_up) as url:
        with_password = url.replace("http://", "http://cloudbeleid:pa55w0rd@")
        result = run_cli("check", "--lang", "en", "--opa-url", with_password, str(service))
    assert_clean_engine_error(result, "cannot reach OPA at http://***@127.0.0.1:")
    assert "pa55w0rd" not in result.stdout + result.stderr


# --- TLS ----------------------------------------------------------------------------------------

def _certificate(folder: Path, name: str, *, ip: bool) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (ip=True) or for another host only, and its key."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1" if ip else "opa.example.org")])
    names = [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))] if ip else [x509.DNSName("opa.example.org")]
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert, private = folder / f"{name}.pem", folder / f"{name}.key"
    cert.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    private.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return cert, private


def test_self_signed_certificate_is_refused_and_its_ca_bundle_accepted(service: Path, tmp_path: Path):
    cert, key = _certificate(tmp_path, "loopback", ip=True)
    with opa_server("--tls-cert-file", str(cert), "--tls-private-key-file", str(key), *served_policies(tmp_path / "served")) as url:
        https = url.replace("http://", "https://")
        refused = run_cli("check", "--lang", "en", "--opa-url", https, "--as-of", AS_OF, str(service), env=WITH_TOKEN)
        trusted = run_cli("check", "--lang", "en", "--opa-url", https, "--opa-ca-bundle", str(cert), "--as-of", AS_OF, str(service), env=WITH_TOKEN)
        plain = run_cli("check", "--lang", "en", "--opa-url", url, "--as-of", AS_OF, str(service), env=WITH_TOKEN)
    assert_clean_engine_error(refused, f"OPA at {https}: TLS certificate not verified", "certificate verify failed")
    assert trusted.returncode == 0, trusted.stderr  # the same server, verified: the fault was the certificate
    # plain HTTP to the TLS port: Go answers 400 or resets the connection, whichever comes first
    assert_clean_engine_error(plain, f"OPA at {url}")


def test_certificate_for_another_host_is_refused_even_with_its_ca(service: Path, tmp_path: Path):
    cert, key = _certificate(tmp_path, "elsewhere", ip=False)
    with opa_server("--tls-cert-file", str(cert), "--tls-private-key-file", str(key), *served_policies(tmp_path / "served")) as url:
        https = url.replace("http://", "https://")
        result = run_cli("check", "--lang", "en", "--opa-url", https, "--opa-ca-bundle", str(cert), str(service), env=WITH_TOKEN)
    assert_clean_engine_error(result, f"OPA at {https}: TLS certificate not verified")


# --- the managed OPA: dies, never starts, and Ctrl-C -------------------------------------------

SLOW = RULE.replace(
    "\tcountry == data.eigen.forbidden_parent\n}\n",
    "\tcountry == data.eigen.forbidden_parent\n}\n\n"
    "# thirty seconds of OPA's time, so that the test can act while it evaluates\n"
    "deny contains result.fail(i, [\"id\"], \"default\", {\"country\": \"-\"}) if {\n"
    "\tsome i in subject\n"
    "\tnot every_pair_positive\n"
    "}\n\n"
    "every_pair_positive if {\n"
    "\tevery a in numbers.range(1, 4000) {\n"
    "\t\tevery b in numbers.range(1, 4000) {\n"
    "\t\t\ta + b > 0\n"
    "\t\t}\n"
    "\t}\n"
    "}\n",
)


def _cmdline(pid: int) -> str:
    """A process's command line, or '' when it ended between being listed and being read."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return ""


@pytest.fixture
def slow_repo(tmp_path: Path) -> Path:
    own_policies(tmp_path / "repo" / "eigen-regels", SLOW)  # inside the repository: its configuration names only its own folders
    repo = tmp_path / "repo"
    write(repo, ".cloudbeleid.yaml", MINISTRY_CONFIG.replace(PACKS, "packs: [eigen]\n") + "policies: [eigen-regels]\n")
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR.replace("status: in_use", "status: planned"))
    return repo


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError):
                stat = (entry / "stat").read_text()
                if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
    return found


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False


def _start_checker(repo: Path, env: dict[str, str] | None = None) -> tuple[subprocess.Popen[str], int]:
    """`cloudbeleid check --engine opa` in its own session; returns it and its OPA, once OPA is evaluating."""
    checker = _spawn_checker(repo, opa_path(), env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert checker.poll() is None, checker.communicate()
        opa = [p for p in _children(checker.pid) if "opa" in _cmdline(p)]
        # loading the bundle takes well under a second of CPU; the slow rule takes tens
        if opa and _cpu_seconds(opa[0]) > 2.5:
            return checker, opa[0]
        time.sleep(0.1)
    checker.kill()
    raise AssertionError("the managed OPA never started evaluating")


def _spawn_checker(repo: Path, opa: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "checker", "check", "--lang", "en", "--engine", "opa", "--opa-path", opa, "--opa-timeout", "120",
         "--as-of", AS_OF, str(repo)],
        cwd=ROOT, env={**os.environ, "NO_COLOR": "1", **WITH_TOKEN, **(env or {})}, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, start_new_session=True,
    )


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGKILL], ids=lambda n: n.name)
def test_a_signal_while_the_managed_opa_starts_leaves_nothing_behind(service: Path, tmp_path: Path, number: signal.Signals):
    """The checker is signalled while its OPA is still starting (a stand-in that never becomes healthy):
    no folder or file is left in TMPDIR, and the would-be OPA does not outlive the checker."""
    scratch, pid_file = tmp_path / "scratch", tmp_path / "opa.pid"
    scratch.mkdir()
    fake = write(tmp_path, "opa", f"#!/bin/sh\necho $$ > {pid_file}.tmp\nmv {pid_file}.tmp {pid_file}\nexec sleep 300\n")
    fake.chmod(0o755)
    checker = _spawn_checker(service, str(fake), {"TMPDIR": str(scratch)})
    deadline = time.monotonic() + 60
    while not pid_file.exists():
        assert checker.poll() is None, checker.communicate()
        assert time.monotonic() < deadline, "the stand-in OPA never started"
        time.sleep(0.05)
    opa = int(pid_file.read_text())
    os.kill(checker.pid, number)
    stdout, stderr = checker.communicate(timeout=30)
    if number == signal.SIGKILL:
        assert checker.returncode == -signal.SIGKILL
    else:
        assert checker.returncode == 3, stdout + stderr
        assert "cloudbeleid: interrupted" in stderr and "Traceback" not in stderr
    deadline = time.monotonic() + 10
    while _running(opa) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(opa), f"the would-be OPA {opa} outlived the checker ({number.name})"
    assert list(scratch.iterdir()) == []


def test_managed_opa_killed_while_it_evaluates(slow_repo: Path):
    checker, opa = _start_checker(slow_repo)
    os.kill(opa, signal.SIGKILL)
    stdout, stderr = checker.communicate(timeout=60)
    result = subprocess.CompletedProcess(checker.args, checker.returncode, stdout, stderr)
    assert_clean_engine_error(result, "managed OPA at http://127.0.0.1:", f"(pid {opa}) was killed by signal 9 while evaluating")


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_an_interrupt_stops_the_checker_and_its_opa(slow_repo: Path, tmp_path: Path, how: str):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    checker, opa = _start_checker(slow_repo, {"TMPDIR": str(scratch)})
    if how == "ctrl-c":
        os.killpg(checker.pid, signal.SIGINT)  # what a terminal sends on Ctrl-C: to the checker and to OPA
    else:
        os.kill(checker.pid, signal.SIGTERM)  # what a CI runner sends a cancelled job: to the checker only
    stdout, stderr = checker.communicate(timeout=30)
    assert checker.returncode == 3, stderr
    assert "cloudbeleid: interrupted" in stderr and "Traceback" not in stderr and TOKEN not in stdout + stderr
    deadline = time.monotonic() + 10
    while _running(opa) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(opa), f"managed OPA {opa} still runs after {how}"
    assert list(scratch.iterdir()) == []  # its bundle and log had no name on disk


def test_managed_opa_that_never_becomes_healthy(service: Path, tmp_path: Path):
    pid_file = tmp_path / "fake-opa.pid"
    fake = write(tmp_path, "opa", f"#!/bin/sh\necho $$ > {pid_file}\nexec sleep 300\n")
    fake.chmod(0o755)
    started = time.monotonic()
    result = run_cli("check", "--lang", "en", "--engine", "opa", "--opa-path", str(fake), "--opa-timeout", "2", str(service), env=WITH_TOKEN)
    assert time.monotonic() - started < 30
    assert_clean_engine_error(result, "managed OPA at http://127.0.0.1:", "did not become healthy within 2 s")
    pid = int(pid_file.read_text())
    deadline = time.monotonic() + 10
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(pid), "the would-be OPA outlived the checker"
