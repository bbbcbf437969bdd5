package cloudbeleid.rules.archiefwet.retention_test

import data.cloudbeleid.rules.archiefwet.retention

cloud_records(model, records) := {"service": {"deployment_model": model}, "records": records}

test_missing_selectielijst_fails if {
	svc := cloud_records("public", {"holds_archiefbescheiden": true})
	retention.deny == {{
		"service": 0,
		"path": ["records", "retention_per_selectielijst"],
		"kind": "default",
		"params": {},
	}} with input.services as [svc]
}

test_selectielijst_without_export_passes if {
	# art. 3 asks no export
	svc := object.union(cloud_records("saas", {"holds_archiefbescheiden": true, "retention_per_selectielijst": true}), {"exit": {"data_export_possible": false}})
	svc2 := object.union(svc, {"service": {"deployment_model": "private_external"}})
	count(retention.deny) == 0 with input.services as [svc2]
	retention.subject == {0} with input.services as [svc2]
}

test_own_systems_and_services_without_archiefbescheiden_are_not_subjects if {
	svcs := [
		cloud_records("on_premise", {"holds_archiefbescheiden": true}),
		cloud_records("government_dc", {"holds_archiefbescheiden": true}),
		cloud_records("public", {"holds_archiefbescheiden": false}),
		{},
	]
	count(retention.subject) == 0 with input.services as svcs
}
