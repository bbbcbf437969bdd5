"""Tests of checker/infra/."""
