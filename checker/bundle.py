"""OPA bundles of the shipped policies, for a central OPA that pulls them from a bundle server."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

from checker.engine import PolicyBundle, load_bundle


def manifest(bundle: PolicyBundle) -> dict:
    return {"revision": bundle.revision, "roots": ["cloudbeleid", *sorted(bundle.data)]}


def build(output: Path, bundle: PolicyBundle | None = None) -> dict:
    """Write a gzipped OPA bundle: the modules at their paths, each data tree as <root>/data.json, and .manifest."""
    bundle = bundle or load_bundle()
    # the same checks the embedded engine makes before it evaluates: a policy that does not compile, or that
    # recurses, is refused here rather than by the OPA that loads the bundle
    from checker.engine.embedded import EmbeddedEngine

    EmbeddedEngine()._engine(bundle)
    files: list[tuple[str, bytes]] = [(".manifest", json.dumps(manifest(bundle), indent=2).encode())]
    files += [(name, source.encode("utf-8")) for name, source in bundle.modules]
    files += [(f"{root}/data.json", json.dumps(tree, indent=2, ensure_ascii=False).encode("utf-8")) for root, tree in sorted(bundle.data.items())]
    output.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(output, "w:gz") as archive:
        for name, content in files:
            info = tarfile.TarInfo(f"/{name}")
            info.size = len(content)
            info.mode = 0o644
            info.mtime = 0  # reproducible: the same policies give the same bytes' content
            archive.addfile(info, io.BytesIO(content))
    return manifest(bundle)
