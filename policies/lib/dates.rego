# METADATA
# description: |
#   Calendar arithmetic on YYYY-MM-DD strings (the schema guarantees the form).
#   Whole numbers only: time.add_date normalises month overflow differently in
#   OPA and regorus, and regorus' to_number rejects "09", so neither is used.
package cloudbeleid.lib.dates

parts(date) := time.date(time.parse_ns("2006-01-02", date))

# Whether `date` lies more than `months` months before `as_of`: past date + months,
# with the day clamped to the end of a shorter month (2024-01-31 + 1 month = 2024-02-29).
# Each date parsed once (a definition per case would parse them again).
older_than_months(date, as_of, months) if {
	earlier := parts(date)
	later := parts(as_of)
	past_term(months_between(earlier, later), months, earlier[2], later[2])
}

past_term(distance, months, _, _) if distance > months

past_term(distance, months, earlier_day, later_day) if {
	distance == months
	later_day > earlier_day
}

# The message parameters {date} and {as_of} of a date after the reference date: what it dates (an approval, a
# decision) had not happened on that date.
after_reference(date) := {"date": date, "as_of": input.as_of} if date > input.as_of

# What is wrong with the date of a check that must be repeated within `months` (a test, a review) on the
# reference date: "future" when it lies after it, "stale" when it is older than the term; undefined when current.
term_problem(date, _) := "future" if after_reference(date)

term_problem(date, months) := "stale" if {
	date <= input.as_of
	older_than_months(date, input.as_of, months)
}

# The message parameters of such a check: {date}, {as_of}, {months}.
term_params(date, months) := {"date": date, "as_of": input.as_of, "months": months}

# The calendar year before the reference date's.
previous_year := today[0] - 1 if today := parts(input.as_of)

# Each date's parts bound once: a call indexed in place (parts(to)[0]) makes regorus build an error before it
# falls back to evaluating the call, which with RUST_BACKTRACE set costs a captured backtrace every time.
month_distance(from, to) := months_between(parts(from), parts(to))

# The months from one date's parts to another's, days left out.
months_between(start, end) := ((end[0] - start[0]) * 12) + (end[1] - start[1])
