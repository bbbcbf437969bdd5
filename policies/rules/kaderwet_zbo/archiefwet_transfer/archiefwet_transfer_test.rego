package cloudbeleid.rules.kaderwet_zbo.archiefwet_transfer_test

import data.cloudbeleid.rules.kaderwet_zbo.archiefwet_transfer

permanent(planned) := {"records": {"holds_archiefbescheiden": true, "permanent_records": true, "transfer_to_archive_planned": planned}}

test_unplanned_transfer_fails if {
	archiefwet_transfer.deny == {{
		"service": 0,
		"path": ["records", "transfer_to_archive_planned"],
		"kind": "default",
		"params": {},
	}} with input.services as [permanent(false)]
}

test_missing_transfer_plan_fails if {
	svc := {"records": {"permanent_records": true}}
	archiefwet_transfer.deny == {{
		"service": 0,
		"path": ["records", "transfer_to_archive_planned"],
		"kind": "default",
		"params": {},
	}} with input.services as [svc]
}

test_planned_transfer_passes if {
	count(archiefwet_transfer.deny) == 0 with input.services as [permanent(true)]
	archiefwet_transfer.subject == {0} with input.services as [permanent(true)]
}

test_records_for_destruction_only_are_not_a_subject if {
	svcs := [{"records": {"holds_archiefbescheiden": true, "permanent_records": false}}, {}]
	count(archiefwet_transfer.subject) == 0 with input.services as svcs
	count(archiefwet_transfer.deny) == 0 with input.services as svcs
}
