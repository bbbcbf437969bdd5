"""Compatibility shim: the dossier is a reporter, checker/reporters/dossier.py."""

from checker.reporters.dossier import VERDICT, dossier, inputs, render, sha256, write

__all__ = ["VERDICT", "dossier", "inputs", "render", "sha256", "write"]
