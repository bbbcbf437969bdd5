"""python -m tests.golden --update: write every golden file anew (then review `git diff tests/golden`)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.golden import update

if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python -m tests.golden --update")
    with tempfile.TemporaryDirectory() as folder:
        for target in update(Path(folder)):
            print(target.relative_to(Path.cwd()) if target.is_relative_to(Path.cwd()) else target)
