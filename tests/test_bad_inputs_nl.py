"""The bad-input corpus again in Dutch: the same exit code and place, and no English sentence outside quoted values
and names. A file of its own so that the suite's workers run it beside the English pass (tests/test_bad_inputs.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_bad_inputs import CASES, Outcome, _run_all


@pytest.fixture(scope="module")
def outcomes_nl() -> Any:
    yield from _run_all("nl")


# Cases whose English comes from a part that is not yet translated: each is expected to fail, strictly, so that the
# day it speaks Dutch the mark must go.
STILL_ENGLISH: dict[str, str] = {}


@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(reason=STILL_ENGLISH[c["case"]], strict=True))
                                  if c["case"] in STILL_ENGLISH else c for c in CASES], ids=[c["case"] for c in CASES])
def test_bad_input_in_dutch_says_no_english_sentence(case: dict[str, Any], outcomes_nl: dict[str, Outcome]):
    from tests.test_i18n import english_words

    outcome = outcomes_nl[case["case"]]
    if outcome.skipped:
        pytest.skip(outcome.skipped)
    assert outcome.code == case["exit"], outcome.output
    assert case["where"].split(": ")[0].split()[-1] in outcome.output, outcome.output  # the same place
    assert not english_words(outcome.output), outcome.output
