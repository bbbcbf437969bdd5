"""The checker cannot be turned against the machine it runs on.

A descriptor reads no other file and fetches nothing; YAML tags build no objects; a policy
folder that is not one is a clear error in every command; outputs go only where the user
asked; the OPA token appears in no output and does not reach the managed OPA; a recursive
Rego function, which would crash the embedded engine, is refused before anything runs.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.loader import load_bytes
from tests.conftest import AS_OF, MINISTRY_CONFIG, PACKS, RULE, VALID_DESCRIPTOR, line_of, own_policies, run_cli, write
from tests.inprocess import invoke
from tests.opa_binary import opa_path
from tests.opa_server import opa_server, served_policies

TOKEN = "tok-81c0e5b7-never-print-me"


@contextlib.contextmanager
def listener() -> Iterator[tuple[str, list[bytes]]]:
    """A TCP port on loopback that records whatever connects to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    seen: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            connection.settimeout(1)
            with contextlib.suppress(OSError):
                seen.append(connection.recv(4096))
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}", seen
    finally:
        stop.set()
        thread.join(timeout=5)
        server.close()


# --- a descriptor reads nothing else ------------------------------------------------------------

def test_a_descriptor_can_make_the_checker_read_no_file_and_fetch_nothing(repo: Path):
    # Opening a named pipe for reading blocks until someone writes: had the checker tried to
    # read the trap, this run would hang. Any fetch would show on the listener.
    os.mkfifo(repo / "trap.yaml")
    with listener() as (url, seen):
        attempts = {
            "include-tag": VALID_DESCRIPTOR.replace("provider:\n", "provider: !include trap.yaml\nprovider_2:\n"),
            "include-merge": VALID_DESCRIPTOR.replace("service:\n", "service:\n  <<: !include trap.yaml\n"),
            "ref-field": VALID_DESCRIPTOR + "$ref: trap.yaml\n",
            "ref-nested": VALID_DESCRIPTOR.replace("provider:\n", f"provider:\n  $ref: {url}/provider.yaml\n"),
            "schema-field": f"$schema: {url}/schema.json\n" + VALID_DESCRIPTOR.replace("id: mail", "id: schema-field"),
            "schema-comment": f"# yaml-language-server: $schema={url}/schema.json\n" + VALID_DESCRIPTOR.replace("id: mail", "id: schema-comment"),
            "tag-directive": f"%TAG !t! tag:{url}/\n---\n" + VALID_DESCRIPTOR.replace("  name: Mail", "  name: !t!remote Mail"),
            "verbatim-tag": VALID_DESCRIPTOR.replace("  name: Mail", f"  name: !<{url}/trap.yaml> Mail"),
        }
        for name, text in attempts.items():
            write(repo, f"{name}.cloud.yaml", text)
        (repo / "ref.cloud.json").write_text(json.dumps({"$ref": "trap.yaml", "$id": f"{url}/x", "schema_version": 1, "id": "json"}))
        result = invoke("check", "--as-of", AS_OF, "--format", "concise", str(repo), env={"NO_PROXY": "*"})
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert seen == [], "a descriptor made the checker connect somewhere"
    for name in ("include-tag", "include-merge", "tag-directive", "verbatim-tag"):
        assert f"{name}.cloud.yaml" in result.stdout and "niet ondersteunde tag" in result.stdout
    assert "onbekend veld '$ref'" in result.stdout
    # the editor's schema reference is allowed, and only that: nothing is fetched for it
    assert "schema-comment.cloud.yaml:" not in result.stdout.replace("CB22", "")


@pytest.mark.parametrize(
    "tagged",
    [
        '!!python/object/apply:os.system ["touch {marker}"]',
        '!!python/object/new:os.system ["touch {marker}"]',
        "!!python/name:os.system",
        "!!python/module:os",
        "!!python/object:__main__.Marker {{path: {marker}}}",
        '!<tag:yaml.org,2002:python/object/apply:os.system> ["touch {marker}"]',
        "!!set {{a, b}}",
        "!!omap [a: 1, b: 2]",
        "!!pairs [a: 1]",
        "!!binary aGVsbG8=",
        "!ruby/object:Gem::Installer {{i: x}}",
        "!!js/function 'function () {{ return 1 }}'",
    ],
)
def test_yaml_tags_construct_no_objects(tagged: str, tmp_path: Path):
    marker = tmp_path / "constructed"
    text = f"a: 1\nb: {tagged.format(marker=marker)}\n"
    result = load_bytes(text.encode(), "tags.yaml")
    assert not result.documents and len(result.problems) == 1
    assert "unsupported tag" in result.problems[0].message and result.problems[0].line == 2
    assert not marker.exists()


def test_tag_directives_cannot_reach_python_tags(tmp_path: Path):
    marker = tmp_path / "constructed"
    text = f'%TAG !p! tag:yaml.org,2002:python/\n---\na: !p!object/apply:os.system ["touch {marker}"]\n'
    loaded = load_bytes(text.encode(), "tags.yaml")
    problem = loaded.problems[0]
    assert "%TAG directive is not allowed" in problem.message and problem.line == 1
    assert not loaded.documents and not marker.exists()


@pytest.mark.parametrize("text", ["a: !!str 12\n", "b: !!int '7'\n", "c: !!bool yes\n", "d: !!null ''\n", "e: !!float 1.5\n"])
def test_even_standard_tags_are_refused(text: str):
    """A tag decides what a value means, behind the reader's back (!!bool yes read as false): none is accepted."""
    loaded = load_bytes(text.encode(), "plain.yaml")
    assert not loaded.documents and "unsupported tag" in loaded.problems[0].message and loaded.problems[0].line == 1


# --- policy folders -----------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["missing", "a file", "an empty folder"])
def test_a_policy_folder_that_is_not_one_is_refused_by_every_command(repo: Path, tmp_path: Path, kind: str):
    target = {"missing": tmp_path / "geen-regels", "a file": tmp_path / "regel.rego", "an empty folder": tmp_path / "leeg"}[kind]
    if kind == "a file":
        target.write_text(RULE)
    elif kind == "an empty folder":
        target.mkdir()
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    bundle = tmp_path / "bundle.tar.gz"
    for command in (["check", "--as-of", AS_OF, "--policies", str(target), str(repo)],
                    ["rules", "--policies", str(target)],
                    ["explain", "CB22-EXIT-STRATEGY", "--policies", str(target)],
                    ["bundle", "build", "--output", str(bundle), "--policies", str(target)]):
        result = invoke(*command)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert f"policymap {target}" in result.stderr and "Traceback" not in result.stderr, (command, result.stderr)
    assert not bundle.exists()


# --- outputs ------------------------------------------------------------------------------------

def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_symlink()}


def test_outputs_go_only_where_the_user_asked(tmp_path: Path):
    work, home, scratch, cache = (tmp_path / name for name in ("work", "home", "scratch", "cache"))
    for folder in (home, scratch):
        folder.mkdir()
    write(work, ".cloudbeleid.yaml", MINISTRY_CONFIG)
    write(work, "services/mail.cloud.yaml", VALID_DESCRIPTOR.replace("covers_data_destruction: true", "covers_data_destruction: false"))
    env = {"HOME": str(home), "TMPDIR": str(scratch), "CLOUDBELEID_CACHE_DIR": str(cache), "XDG_CACHE_HOME": str(home / ".cache")}
    before = _files(work)
    result = run_cli("check", "--as-of", AS_OF, "--engine", "opa", "--opa-path", opa_path(),
                     "-f", "text", "-f", "json", "-o", "reports/cloudbeleid.json", "-f", "sarif", "-o", "reports/cloudbeleid.sarif",
                     "services", cwd=work, env=env)
    assert result.returncode == 1, result.stderr
    assert _files(work) - before == {"reports/cloudbeleid.json", "reports/cloudbeleid.sarif"}
    assert _files(scratch) == set() and list(scratch.iterdir()) == []  # the managed OPA's bundle folder is gone
    assert _files(home) == set()  # the cache went where CLOUDBELEID_CACHE_DIR says, and nowhere else

    gate = run_cli("gate", "--stage", "operation", "--dossier", "dossier", "--as-of", AS_OF, "services", cwd=work, env=env)
    assert gate.returncode == 1, gate.stderr
    assert {f for f in _files(work) - before if not f.startswith("reports/")} == {"dossier/cloudbeleid-dossier.md", "dossier/cloudbeleid-dossier.json"}

    plain = run_cli("check", "--as-of", AS_OF, "services", cwd=work, env={**env, "CLOUDBELEID_NO_CACHE": "1"})
    assert plain.returncode == 1 and _files(work) - before == {"reports/cloudbeleid.json", "reports/cloudbeleid.sarif",
                                                                  "dossier/cloudbeleid-dossier.md", "dossier/cloudbeleid-dossier.json"}


def test_an_output_that_cannot_be_written_is_a_clear_error(repo: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    (repo / "taken").mkdir()
    result = invoke("check", "--as-of", AS_OF, "-f", "json", "-o", str(repo / "taken"), str(repo))
    assert result.returncode == 2 and f"kan {repo / 'taken'} niet schrijven: het is een map" in result.stderr and "Traceback" not in result.stderr


# --- the OPA token ------------------------------------------------------------------------------

def test_the_token_is_in_no_output_and_not_given_to_the_managed_opa(tmp_path: Path, repo: Path):
    authz = f'package system.authz\n\ndefault allow := false\n\nallow if input.identity == "{TOKEN}"\n'
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR.replace("covers_data_destruction: true", "covers_data_destruction: false"))
    outputs = tmp_path / "out"
    formats = ["json", "sarif", "junit", "github", "gitlab", "markdown"]
    args = [arg for name in formats for arg in ("-f", name, "-o", str(outputs / f"report.{name}"))]
    env = {"CLOUDBELEID_OPA_TOKEN": TOKEN, "GITHUB_STEP_SUMMARY": str(outputs / "summary.md")}
    with opa_server("--authentication=token", "--authorization=basic", *served_policies(tmp_path / "served", authz)) as url:
        remote = invoke("check", "--opa-url", url, "--as-of", AS_OF, "-f", "text", *args, str(repo), env=env)
    assert remote.returncode == 1, remote.stderr
    assert len(list(outputs.iterdir())) == len(formats) + 1
    for output in [remote.stdout, remote.stderr, *(p.read_text() for p in outputs.iterdir())]:
        assert TOKEN not in output

    # the managed OPA needs no token: a stand-in binary records its environment, then runs the real OPA
    seen = tmp_path / "opa-environment"
    wrapper = write(tmp_path, "opa", f'#!/bin/sh\nenv > {seen}\nexec {opa_path()} "$@"\n')
    wrapper.chmod(0o755)
    other_secret = "sec-5d0c-any-ci-secret"
    managed = invoke("check", "--engine", "opa", "--opa-path", str(wrapper), "--as-of", AS_OF, str(repo),
                      env={**env, "ANY_CI_SECRET": other_secret})
    assert managed.returncode == 1, managed.stderr
    assert TOKEN not in seen.read_text() and TOKEN not in managed.stdout + managed.stderr
    # nor any other variable: opa.runtime().env would show it to the repository's own rules
    assert other_secret not in seen.read_text()
    assert {line.split("=", 1)[0] for line in seen.read_text().splitlines() if "=" in line} <= {"PATH", "PWD", "SHLVL", "_", "OLDPWD"}


def test_a_repository_cannot_send_a_ci_secret_to_its_own_server(tmp_path: Path):
    """The attack: a pull request adds engine: opa with its own URL and the name of any secret in the CI environment."""
    with listener() as (url, seen):
        repo = tmp_path / "repo"
        write(repo, ".cloudbeleid.yaml", MINISTRY_CONFIG + f"engine: opa\nopa:\n  url: {url}\n  token_env: ANY_CI_SECRET\n")
        write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
        result = invoke("check", "--as-of", AS_OF, str(repo), env={"ANY_CI_SECRET": TOKEN})
    assert result.returncode == 2, result.stdout + result.stderr
    assert f".cloudbeleid.yaml:{line_of(MINISTRY_CONFIG, 'packs') + 3}:3: ongeldige configuratie: opa.url kan niet in een configuratiebestand staan" in result.stderr
    assert seen == [] and TOKEN not in result.stdout + result.stderr


def _own_address() -> str | None:
    """An address of this machine that is not loopback (no packet is sent to find it), or None."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 9))  # any non-local address: only the route is looked up
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def test_a_token_goes_over_plain_http_only_to_loopback(repo: Path):
    address = _own_address()
    if address is None:
        pytest.skip("this machine has no address but loopback")
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    server = socket.socket()
    server.bind(("0.0.0.0", 0))
    server.listen(8)
    server.settimeout(0.5)
    try:
        url = f"http://{address}:{server.getsockname()[1]}"
        result = invoke("check", "--opa-url", url, "--as-of", AS_OF, str(repo), env={"CLOUDBELEID_OPA_TOKEN": TOKEN})
        try:
            connection, _ = server.accept()
            connection.close()
            connected = True
        except OSError:  # socket.timeout: nothing tried to connect
            connected = False
    finally:
        server.close()
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.splitlines() == [
        f"cloudbeleid: fout: --opa-url '{url}' is gewone http naar een andere machine: het token in CLOUDBELEID_OPA_TOKEN gaat "
        "alleen over https, of over http naar deze machine (127.0.0.0/8, ::1, localhost)"]
    assert not connected, "the checker connected before refusing"


def test_a_token_goes_over_plain_http_to_ipv6_loopback(tmp_path: Path, repo: Path):
    """::1 is this machine too: the token is sent (and the address reaches the server, brackets and all)."""
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        pytest.skip("no IPv6 loopback here")
    authz = f'package system.authz\n\ndefault allow := false\n\nallow if input.identity == "{TOKEN}"\n'
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    with opa_server("--authentication=token", "--authorization=basic", *served_policies(tmp_path / "served", authz), host="::1") as url:
        assert url.startswith("http://[::1]:")
        result = invoke("check", "--opa-url", url, "--as-of", AS_OF, str(repo), env={"CLOUDBELEID_OPA_TOKEN": TOKEN})
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("localhost", True), ("LocalHost", True),
    ("0.0.0.0", False), ("192.0.2.2", False), ("10.0.0.1", False), ("opa.example.org", False),
    ("localhost.example.org", False), ("127.0.0.1.example.org", False), ("2130706433", False), ("::ffff:10.0.0.1", False),
])
def test_which_hosts_count_as_this_machine(host: str, loopback: bool):
    from checker.engine.opa import check_url, is_loopback
    from checker.errors import UsageError

    assert is_loopback(host) is loopback
    url = f"http://[{host}]:8181" if ":" in host else f"http://{host}:8181"
    if loopback:
        assert check_url(url, token="t").hostname == host.lower()
    else:
        with pytest.raises(UsageError, match="gewone http naar een andere machine"):
            check_url(url, token="t")
        assert check_url(url.replace("http://", "https://"), token="t").hostname == host.lower()
        assert check_url(url, token=None).hostname == host.lower()  # without a token nothing secret travels


def test_a_token_that_cannot_be_a_header_is_refused(repo: Path):
    write(repo, "mail.cloud.yaml", VALID_DESCRIPTOR)
    with listener() as (url, seen):
        result = invoke("check", "--opa-url", url, "--as-of", AS_OF, str(repo),
                         env={"CLOUDBELEID_OPA_TOKEN": TOKEN + "\r\nX-Injected: 1"})
    assert result.returncode == 2 and "het token in CLOUDBELEID_OPA_TOKEN bevat een regeleinde of NUL" in result.stderr
    assert seen == [] and TOKEN not in result.stdout + result.stderr


# --- recursion in a custom policy ---------------------------------------------------------------

END = "\tcountry == data.eigen.forbidden_parent\n}\n"
RECURSIVE = {  # the rule's last lines become: ..., and the definition the message must point at
    "self": ("\tforbidden(country)\n}\n\nforbidden(country) := forbidden(country)\n", "forbidden(country) :="),
    "terminating": (END + "\nfactorial(0) := 1\n\nfactorial(n) := n * factorial(n - 1) if n > 0\n", "factorial(0)"),
    "through-an-import": ("\tlib.check(country)\n}\n", None),
}


@pytest.fixture
def eigen(tmp_path: Path) -> Path:
    folder = own_policies(tmp_path / "eigen-regels", rule=None)
    write(tmp_path / "repo", ".cloudbeleid.yaml", MINISTRY_CONFIG.replace(PACKS, "packs: [cb22, eigen]\n"))
    write(tmp_path / "repo", "mail.cloud.yaml", VALID_DESCRIPTOR)
    return folder


@pytest.mark.parametrize("shape", list(RECURSIVE))
def test_a_recursive_function_is_refused_before_evaluation_on_both_engines(eigen: Path, shape: str):
    new, needle = RECURSIVE[shape]
    rule = RULE.replace(END, new)
    if shape == "through-an-import":
        rule = rule.replace("import data.cloudbeleid.lib.result\n", "import data.cloudbeleid.lib.result\nimport data.eigen.lib\n")
        write(eigen, "eigen/lib.rego", "package eigen.lib\n\ncheck(x) := again(x)\n\nagain(x) := data.eigen.lib.check(x)\n")
    write(eigen, "rules/eigen/no_us_parent/no_us_parent.rego", rule)
    repo = eigen.parent / "repo"
    embedded = invoke("check", "--as-of", AS_OF, "--policies", str(eigen), str(repo))
    opa = invoke("check", "--as-of", AS_OF, "--engine", "opa", "--opa-path", opa_path(), "--policies", str(eigen), str(repo))
    assert embedded.returncode == 3, embedded.stdout + embedded.stderr  # not -11: the process did not crash
    assert "recursieve functie" in embedded.stderr and "Traceback" not in embedded.stderr
    where = "eigen-regels/eigen/lib.rego:5:1" if needle is None else f"no_us_parent.rego:{line_of(rule, needle)}:1"
    assert where in embedded.stderr, embedded.stderr
    assert opa.returncode == 3 and "recursi" in opa.stderr, opa.stderr  # OPA refuses it at compile time


def test_regorus_would_crash_on_the_function_the_check_refuses():
    """Why the check exists: the same module, evaluated by regorus directly, kills the process."""
    code = (
        "import os, regorus\nos.environ['RUST_BACKTRACE'] = '0'\n"
        "e = regorus.Engine()\ne.add_policy('r.rego', 'package r\\n\\nf(x) := f(x)\\n\\nv := f(1)\\n')\n"
        "print(e.eval_query_as_json('data.r.v'))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "result" not in result.stdout


def test_the_shipped_policies_have_no_recursion():
    import regorus

    from checker.engine.recursion import find_recursion
    from checker.policies import load_bundle

    engine = regorus.Engine()
    for name, source in load_bundle().modules:
        engine.add_policy(name, source)
    assert find_recursion(engine.get_ast_as_json()) is None
