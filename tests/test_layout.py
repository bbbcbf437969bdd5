"""The README's layout lists every module of checker/, and nothing that is not there."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def test_the_readme_lists_every_module():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    layout = readme.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^(checker/\S+\.py)\s", layout, re.MULTILINE)
    tree = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "checker").rglob("*.py") if "_bundle" not in p.parts)
    assert len(listed) == len(set(listed)), "a module is listed twice"
    assert sorted(listed) == tree


def test_the_architecture_names_only_existing_modules():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"checker/[\w/]+\.py", text))
    assert named and all((ROOT / name).is_file() for name in named), sorted(n for n in named if not (ROOT / n).is_file())


def test_the_tests_mirror_the_package():
    # a test folder is a subpackage's tests, and a test file named after a module of checker/ sits where that module does
    folders = {p.parent.name for p in (ROOT / "tests").glob("*/test_*.py")}
    assert folders and all((ROOT / "checker" / name / "__init__.py").is_file() for name in folders), folders
    homes: dict[str, set[str]] = {}
    for module in (ROOT / "checker").rglob("*.py"):
        if "_bundle" not in module.parts and module.stem != "__init__":
            homes.setdefault(module.stem, set()).add(module.parent.relative_to(ROOT / "checker").as_posix())
    for test in (ROOT / "tests").rglob("test_*.py"):
        module = test.stem.removeprefix("test_")
        if module in homes:
            assert test.parent.relative_to(ROOT / "tests").as_posix() in homes[module], (test, homes[module])
