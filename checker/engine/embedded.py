"""The embedded engine: regorus (Rust) in-process, used only through its JSON calls.

shared/research/engine.md §3 and §7: the native conversions are lossy, an engine
object may not cross threads, and a Rust panic arrives as a BaseException.
"""

from __future__ import annotations

import json
import os
import threading
from typing import Any

from checker.engine import ENTRYPOINT, PolicyBundle, RawReport, parse_report, serialise_input
from checker.errors import EngineError, PolicyError


class EmbeddedEngine:
    name = "embedded"

    def __init__(self) -> None:
        self._local = threading.local()
        self.revision: str | None = None

    @property
    def version(self) -> str:
        # read on demand: package metadata costs start-up time that a text report does not need
        from importlib.metadata import version

        return f"regorus {version('gordon-to-regorus')}"

    def _engine(self, bundle: PolicyBundle) -> Any:
        cached = getattr(self._local, "engine", None)
        if cached is not None and cached[0] is bundle:
            return cached[1]
        os.environ.setdefault("RUST_BACKTRACE", "0")  # else every error string carries a Rust backtrace
        import regorus

        engine = regorus.Engine()
        for name, source in bundle.modules:
            try:
                engine.add_policy(name, source)
            except RuntimeError as exc:
                raise PolicyError(f"policy does not compile: {_first_lines(exc)}", location=name) from None
        engine.add_data_json(bundle.data_json)
        self._local.engine = (bundle, engine)
        return engine

    def evaluate(self, bundle: PolicyBundle, input_document: dict[str, Any]) -> RawReport:
        engine = self._engine(bundle)
        self.revision = bundle.revision
        payload = serialise_input(input_document)
        try:
            engine.set_input_json(payload)
            answer = engine.eval_query_as_json(ENTRYPOINT)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # regorus panics arrive as pyo3 PanicException, a BaseException
            raise EngineError(f"embedded engine failed evaluating {ENTRYPOINT}: {_first_lines(exc)}") from None
        results = json.loads(answer).get("result")
        if not results:
            raise EngineError(f"{ENTRYPOINT} is undefined: the policies hold no report")
        return parse_report(results[0]["expressions"][0]["value"], self.name)

    def close(self) -> None:
        self._local = threading.local()


def _first_lines(exc: BaseException, count: int = 6) -> str:
    return "\n".join(str(exc).strip().splitlines()[:count])
