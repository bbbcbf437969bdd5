"""Tests of checker/engine/."""
