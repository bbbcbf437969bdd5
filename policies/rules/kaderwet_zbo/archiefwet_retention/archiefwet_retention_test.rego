package cloudbeleid.rules.kaderwet_zbo.archiefwet_retention_test

import data.cloudbeleid.rules.kaderwet_zbo.archiefwet_retention

with_records(records, exit) := {"records": records, "exit": exit}

test_missing_selectielijst_and_export_fail if {
	svc := with_records({"holds_archiefbescheiden": true}, {})
	archiefwet_retention.deny == {
		{
			"service": 0,
			"path": ["records", "retention_per_selectielijst"],
			"kind": "selectielijst",
			"params": {"field": "records.retention_per_selectielijst"},
		},
		{
			"service": 0,
			"path": ["exit", "data_export_possible"],
			"kind": "export",
			"params": {"field": "exit.data_export_possible"},
		},
	} with input.services as [svc]
}

test_no_export_fails if {
	svc := with_records({"holds_archiefbescheiden": true, "retention_per_selectielijst": true}, {"data_export_possible": false})
	archiefwet_retention.deny == {{
		"service": 0,
		"path": ["exit", "data_export_possible"],
		"kind": "export",
		"params": {"field": "exit.data_export_possible"},
	}} with input.services as [svc]
}

test_selectielijst_and_export_pass if {
	svc := with_records({"holds_archiefbescheiden": true, "retention_per_selectielijst": true}, {"data_export_possible": true})
	count(archiefwet_retention.deny) == 0 with input.services as [svc]
	archiefwet_retention.subject == {0} with input.services as [svc]
}

test_service_without_archiefbescheiden_is_not_a_subject if {
	svcs := [with_records({"holds_archiefbescheiden": false}, {}), {}]
	count(archiefwet_retention.subject) == 0 with input.services as svcs
	count(archiefwet_retention.deny) == 0 with input.services as svcs
}
