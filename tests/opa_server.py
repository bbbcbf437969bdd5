"""A real OPA server on loopback, for the tests of the OPA engine."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

from tests.opa_binary import opa_path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _listening(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.settimeout(0.2)
        return sock.connect_ex((host, port)) == 0


@contextlib.contextmanager
def opa_server(*args: str, ready: str | None = None, host: str = "127.0.0.1") -> Iterator[str]:
    """`opa run --server` on a free loopback port (of 127.0.0.1, or of host, e.g. ::1); yields its URL; stops it afterwards."""
    port = free_port()
    address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    command = [opa_path(), "run", "--server", "--addr", address, "--skip-version-check", "--log-level", "error", *args]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://{address}"
    try:
        deadline = time.monotonic() + 30
        while not _listening(host, port):
            assert process.poll() is None, process.stdout.read().decode()
            assert time.monotonic() < deadline, "OPA did not start"
            time.sleep(0.05)
        if ready:  # e.g. the bundle was pulled: /health?bundles
            import urllib.request

            while True:
                try:
                    with urllib.request.urlopen(url + ready, timeout=2) as answer:
                        if answer.status == 200:
                            break
                except OSError:
                    pass
                assert time.monotonic() < deadline, f"OPA never became ready ({ready})"
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextlib.contextmanager
def file_server(folder: Path) -> Iterator[str]:
    """A plain HTTP server for a folder on loopback: the bundle server."""
    handler = partial(SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *a, **k: None  # type: ignore[method-assign]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def served_policies(folder: Path, authz: str | None = None) -> list[str]:
    """`opa run` arguments that load the checker's policies as the bundle `cloudbeleid bundle build` writes, so that
    OPA reports its revision (plain policy files carry none, and the checker refuses such a server); with authz,
    also a system.authz policy, in a bundle of its own whose root cannot overlap the policies'."""
    import json

    from checker.bundle import build

    folder.mkdir(parents=True, exist_ok=True)
    build(folder / "cloudbeleid.tar.gz")
    args = ["--bundle", str(folder / "cloudbeleid.tar.gz")]
    if authz is not None:
        (folder / "authz").mkdir()
        (folder / "authz" / ".manifest").write_text(json.dumps({"roots": ["system"]}))
        (folder / "authz" / "authz.rego").write_text(authz)
        args.append(str(folder / "authz"))
    return args
