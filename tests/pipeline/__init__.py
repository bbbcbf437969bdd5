"""Tests of checker/pipeline/."""
