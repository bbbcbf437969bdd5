"""Where the real `opa` binary is: OPA_PATH, the project-local tool folder, or PATH."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def opa_path() -> str:
    candidates = [os.environ.get("OPA_PATH"), str(ROOT / ".tools/bin/opa"), shutil.which("opa")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise RuntimeError("no opa binary: run scripts/install-opa (or set OPA_PATH)")
