"""Tests of checker/reporters/."""
