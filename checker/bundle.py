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
    content, written = archive(bundle)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(content)
    return written


def archive(bundle: PolicyBundle | None = None) -> tuple[bytes, dict]:
    """The bundle's bytes and its manifest (the managed OPA reads them from memory, not from a file)."""
    bundle = bundle or load_bundle()
    # the same checks the embedded engine makes before it evaluates: a policy that does not compile, or that
    # recurses, is refused here rather than by the OPA that loads the bundle
    from checker.engine.embedded import EmbeddedEngine

    EmbeddedEngine()._engine(bundle)
    files: list[tuple[str, bytes]] = [(".manifest", json.dumps(manifest(bundle), indent=2).encode())]
    files += [(name, source.encode("utf-8")) for name, source in bundle.modules]
    files += [(f"{root}/data.json", json.dumps(tree, indent=2, ensure_ascii=False).encode("utf-8")) for root, tree in sorted(bundle.data.items())]
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, content in files:
            info = tarfile.TarInfo(f"/{name}")
            info.size = len(content)
            info.mode = 0o644
            info.mtime = 0  # reproducible: the same policies give the same bytes' content
            tar.addfile(info, io.BytesIO(content))
    return buffer.getvalue(), manifest(bundle)
