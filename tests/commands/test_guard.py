"""The guard's exit code for an interrupt survives CPython's own reading of it (checker/commands/guard.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCRIPT = """\
import os, signal, sys
from checker.commands.guard import _Interrupted, interrupted
from checker.commands.output import words

words("cli.interrupted")  # what the guard says, loaded before: no other code compiled from a string runs after it

def in_string_code():
    # a signal handled inside code compiled from a string, as a namedtuple's or dataclass's generated methods are
    exec("os.kill(os.getpid(), signal.{signal})\\nfor _ in range(100): pass", {{"os": os, "signal": signal}})

{setup}
try:
    interrupted(in_string_code)
except _Interrupted as exc:
    print(exc, file=sys.stderr)
    sys.exit(3)
"""

@pytest.mark.parametrize(("number", "setup"), [
    ("SIGINT", ""),
    # the managed OPA's handlers make SIGTERM and SIGHUP interrupts too (checker/engine/opa.py _Signals)
    ("SIGTERM", "from checker.engine.opa import _Signals\n_Signals.install()"),
    ("SIGINT", "from checker.engine.opa import _Signals\n_Signals.install()"),
])
def test_an_interrupt_inside_code_compiled_from_a_string_still_exits_3(tmp_path: Path, number: str, setup: str):
    """`python -m` kills itself with SIGINT at exit when a KeyboardInterrupt has left code compiled from a string,
    even one the run caught (it exited -2 instead of 3, under load, when Ctrl-C reached the checker while the OPA
    client's modules were imported); the guard says the interrupt was handled, and the run exits 3 with its line."""
    (tmp_path / "interrupted_in_exec.py").write_text(SCRIPT.format(signal=number, setup=setup), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "interrupted_in_exec"], cwd=tmp_path, capture_output=True,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert (result.returncode, result.stderr) == (3, "onderbroken\n")
