package cloudbeleid.lib.dates_test

import data.cloudbeleid.lib.dates

test_parts if dates.parts("2025-03-09") == [2025, 3, 9]

test_exactly_twelve_months_is_not_older if not dates.older_than_months("2024-11-28", "2025-11-28", 12)

test_one_day_past_twelve_months_is_older if dates.older_than_months("2024-11-28", "2025-11-29", 12)

test_month_end_is_clamped if {
	not dates.older_than_months("2024-01-31", "2024-02-29", 1)
	dates.older_than_months("2024-01-31", "2024-03-01", 1)
}

test_leap_day if {
	not dates.older_than_months("2024-02-29", "2025-02-28", 12)
	dates.older_than_months("2024-02-29", "2025-03-01", 12)
}

test_later_date_is_not_older if not dates.older_than_months("2026-01-01", "2025-01-01", 12)

test_a_repeated_check_is_future_stale_or_current if {
	dates.term_problem("2026-02-01", 12) == "future" with input.as_of as "2026-01-01"
	dates.term_problem("2024-12-31", 12) == "stale" with input.as_of as "2026-01-01"
	not dates.term_problem("2025-01-01", 12) with input.as_of as "2026-01-01"
	dates.after_reference("2026-02-01") == {"date": "2026-02-01", "as_of": "2026-01-01"} with input.as_of as "2026-01-01"
	not dates.after_reference("2026-01-01") with input.as_of as "2026-01-01"
	dates.term_params("2025-01-01", 12) == {"date": "2025-01-01", "as_of": "2026-01-01", "months": 12} with input.as_of as "2026-01-01"
}
