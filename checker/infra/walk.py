"""Where infrastructure code lies: the folders under a repository that hold Terraform or OpenTofu files. Apart from
the readers (checker/infra/hcl.py), so that a run whose repository holds none finds that out without importing them."""

from __future__ import annotations

import os
from pathlib import Path

# The files of a module, in Terraform's native and JSON syntax; OpenTofu also reads .tofu and .tofu.json
CODE = (".tf", ".tf.json", ".tofu", ".tofu.json")
VARIABLES = (".tfvars", ".tfvars.json")
SUFFIXES = CODE + VARIABLES
_SKIP_DIRS = {".terraform", ".git", ".terragrunt-cache", "node_modules"}

_WALKS: dict[str, tuple[list[tuple[str, int]], list[Path]]] = {}


def module_folders(root: Path) -> list[Path]:
    """Every folder under root that holds *.tf files (Terraform's own and version-control folders left out).

    Remembered per process with the modification time of every folder walked: each chunk of a large portfolio
    asks again, and a folder's time changes whenever an entry in it is added, removed or renamed."""
    key = os.path.realpath(root)
    if key in _WALKS:
        stamps, found = _WALKS[key]
        try:
            if all(os.stat(folder).st_mtime_ns == stamp for folder, stamp in stamps):
                return list(found)
        except OSError:
            pass
    stamps, found = [], []
    for current, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        try:
            stamps.append((current, os.stat(current).st_mtime_ns))
        except OSError:
            continue
        if any(f.endswith(CODE) for f in files):
            found.append(Path(current))
    _WALKS[key] = (stamps, found)
    return list(found)
