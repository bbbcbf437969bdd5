package cloudbeleid.rules.archiefwet.transfer_test

import data.cloudbeleid.rules.archiefwet.transfer

permanent(records) := {
	"service": {"deployment_model": "public"},
	"records": object.union({"holds_archiefbescheiden": true, "permanent_records": true}, records),
}

run(svc, as_of) := violations if {
	violations := transfer.deny with input.services as [svc] with input.as_of as as_of
}

unplanned(years, law) := {{
	"service": 0,
	"path": ["records", "transfer_to_archive_planned"],
	"kind": "default",
	"params": {"years": years, "law": law},
}}

test_unplanned_transfer_fails_with_the_twenty_years_of_the_1995_act if {
	# the new act has no known date of entry into force: 1995 still applies after the intended date
	run(permanent({"transfer_to_archive_planned": false}), "2027-06-01") == unplanned(20, "Archiefwet 1995")
}

test_the_new_act_once_in_force_asks_ten_years_and_fails if {
	svc := permanent({})
	run(svc, "2027-02-01") == unplanned(10, "Archiefwet (Kamerstuk 35 968)") with data.data.archiefwet.new.in_force_from as "2027-01-01"
	run(svc, "2026-12-31") == unplanned(20, "Archiefwet 1995") with data.data.archiefwet.new.in_force_from as "2027-01-01"
}

test_planned_transfer_passes if {
	svc := permanent({"transfer_to_archive_planned": true})
	run(svc, "2026-06-30") == set()
	transfer.subject == {0} with input.services as [svc]
}

test_authorised_suspension_passes_until_it_expires_then_fails if {
	svc := permanent({"transfer_suspension": {"until": "2030-12-31", "decision_ref": "NA-2021-3"}})
	run(svc, "2030-12-31") == set()
	run(svc, "2031-01-01") == {{
		"service": 0,
		"path": ["records", "transfer_suspension", "until"],
		"kind": "suspension_expired",
		"params": {
			"years": 20, "law": "Archiefwet 1995",
			"until": "2030-12-31", "decision": "NA-2021-3", "as_of": "2031-01-01",
		},
	}}
}

test_own_systems_and_records_for_destruction_are_not_subjects if {
	svcs := [
		{"service": {"deployment_model": "on_premise"}, "records": {"permanent_records": true}},
		{"service": {"deployment_model": "public"}, "records": {"permanent_records": false}},
		{},
	]
	count(transfer.subject) == 0 with input.services as svcs
}
