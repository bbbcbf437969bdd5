"""Tests of checker/commands/."""
