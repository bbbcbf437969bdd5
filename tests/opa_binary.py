"""Where the real tools the suite runs are (`opa`, `regal`): <NAME>_PATH, the project-local tool folder, or PATH."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tool_path(name: str) -> str:
    variable = f"{name.upper()}_PATH"
    candidates = [os.environ.get(variable), str(ROOT / ".tools/bin" / name), shutil.which(name)]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise RuntimeError(f"no {name} binary: run scripts/install-{name} (or set {variable})")


def opa_path() -> str:
    return tool_path("opa")
