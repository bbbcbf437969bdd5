"""Golden files: the golden report (tests/reports.py) in every format and both languages, byte for byte.

A change in any reporter's output is a visible diff of these files. Regenerate them after an intended change with

    python -m tests.golden --update

and review the diff (git diff tests/golden) before committing. Volatile parts are normalised before comparing and
before writing: the checker's version, the working folder (SARIF's %SRCROOT%), and plotly's JavaScript (its bundle
and the chart scripts, which carry plotly's own version and templates).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from checker import __version__

HERE = Path(__file__).parent
FORMATS = {"text": "txt", "full": "txt", "concise": "txt", "json": "json", "sarif": "sarif.json", "junit": "xml", "github": "txt", "gitlab": "json",
           "markdown": "md", "html": "html", "dossier": "md", "dossier-json": "json"}
LANGS = ("nl", "en")
# the descriptor files the golden report names, as the dossier hashes and the portfolio reads them
DESCRIPTORS = {
    "services/mail.cloud.yaml": "service:\n  id: mail-saas\n  name: Mail\n",
    "services/hr.cloud.yaml": "service:\n  id: hr-saas\n  name: HR\n",
}


def path(fmt: str, lang: str) -> Path:
    return HERE / f"{fmt}.{lang}.{FORMATS[fmt]}"


@contextmanager
def workspace(folder: Path) -> Iterator[Path]:
    """The golden report's files in `folder`, the working directory while inside."""
    for name, content in DESCRIPTORS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(content, encoding="utf-8")
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield folder
    finally:
        os.chdir(before)


def normalise(text: str, cwd: Path) -> str:
    text = text.replace(cwd.as_uri().rstrip("/") + "/", "file:///WORKDIR/")
    # plotly writes its bundle and each chart (a script with plotly's version and layout template) its own way
    text = re.sub(r"(?s)<script>(?:(?!</script>).)*lotly(?:(?!</script>).)*</script>", "<script>/* plotly */</script>", text)
    text = re.sub(r'<div class="chart">.*?id="(chart-[\w-]+)".*</div>$', r'<div class="chart"><!-- plotly \1 --></div>', text, flags=re.M)
    # the version as written and as Markdown escapes it, never inside a longer version (regorus 0.13.0)
    for shown in (re.escape(__version__), re.escape(__version__.replace(".", "\\."))):
        text = re.sub(rf"(?<![\w.\\]){shown}(?![\w\\]*\d)", "VERSION", text)
    return text


def render(fmt: str, lang: str) -> str:
    """The golden report in `fmt` and `lang`; call inside workspace()."""
    from checker.reporters import dossier, renderer
    from checker.reporters.common import json_text
    from checker.reporters.html import portfolio
    from tests.reports import golden_ahead, golden_descriptors, golden_report

    report = golden_report(lang)
    if fmt == "dossier":
        out = dossier.render(report, stage="procurement", configs=())
    elif fmt == "html":  # with the descriptors and the run ahead, so the portfolio's every section has rows
        out = portfolio(report, lang, golden_descriptors(), ahead=golden_ahead(lang))
    elif fmt == "dossier-json":
        out = json_text(dossier.dossier(report, "procurement", ()), indent=2) + "\n"
    else:
        out = renderer(fmt)(report, False)
    out = out if isinstance(out, str) else "".join(out)
    return normalise(out, Path.cwd())


def update(folder: Path) -> list[Path]:
    written = []
    with workspace(folder):
        for fmt in FORMATS:
            for lang in LANGS:
                target = path(fmt, lang)
                target.write_text(render(fmt, lang), encoding="utf-8", newline="")
                written.append(target)
    return written
