package cloudbeleid.rules.avg.transfer_basis_test

import data.cloudbeleid.lib.service
import data.cloudbeleid.rules.avg.transfer_basis

personal(hosting, extra) := object.union(
	{
		"service": {"deployment_model": "public"},
		"provider": {"name": "Contoso"},
		"data": {"personal_data": true},
		"hosting": hosting,
	},
	extra,
)

test_telemetry_and_subprocessor_outside_the_eer_fail_once_each if {
	svc := personal(
		{"storage_locations": ["NL"], "processing_locations": ["NL"], "telemetry_locations": ["IN"], "transfer_mechanism": "none_needed"},
		{"provider": {"name": "Contoso", "subprocessors": [{"name": "Helpdesk", "country": "PH", "access": ["support"]}]}},
	)
	transfer_basis.deny == {
		{
			"service": 0,
			"path": ["hosting", "telemetry_locations", 0],
			"kind": "default",
			"params": {"country": "IN", "field": "telemetry_locations", "mechanism": "none_needed"},
		},
		{
			"service": 0,
			"path": ["provider", "subprocessors", 0, "country"],
			"kind": "default",
			"params": {"country": "PH", "field": "subprocessors", "mechanism": "none_needed"},
		},
	} with input.services as [svc]
}

test_missing_mechanism_fails if {
	svc := personal({"storage_locations": ["NL"], "processing_locations": ["AU"]}, {})
	transfer_basis.deny == {{
		"service": 0,
		"path": ["hosting", "processing_locations", 0],
		"kind": "default",
		"params": {"country": "AU", "field": "processing_locations", "mechanism": service.unrecorded},
	}} with input.services as [svc]
}

test_us_support_without_dpf_certification_fails if {
	svc := personal({"storage_locations": ["NL"], "processing_locations": ["NL"], "support_access_locations": ["US"], "transfer_mechanism": "eu_us_dpf"}, {})
	transfer_basis.deny == {{
		"service": 0,
		"path": ["hosting", "support_access_locations", 0],
		"kind": "dpf",
		"params": {"country": "US", "field": "support_access_locations"},
	}} with input.services as [svc]
}

test_scc_without_approved_dtia_fails if {
	svc := personal(
		{"storage_locations": ["NL"], "processing_locations": ["NL"], "backup_locations": ["US"], "transfer_mechanism": "scc"},
		{"assessments": {"dtia": {"status": "draft"}}},
	)
	transfer_basis.deny == {{
		"service": 0,
		"path": ["hosting", "backup_locations", 0],
		"kind": "dtia",
		"params": {"country": "US", "field": "backup_locations", "mechanism": "scc", "status": "draft"},
	}} with input.services as [svc]
}

test_bcr_without_dtia_fails if {
	svc := personal({"storage_locations": ["SG"], "processing_locations": ["NL"], "transfer_mechanism": "bcr"}, {})
	transfer_basis.deny == {{
		"service": 0,
		"path": ["hosting", "storage_locations", 0],
		"kind": "dtia",
		"params": {"country": "SG", "field": "storage_locations", "mechanism": "bcr", "status": service.unrecorded},
	}} with input.services as [svc]
}

test_eer_adequacy_and_dpf_certified_us_pass if {
	svc := personal(
		{"storage_locations": ["NL", "CH"], "processing_locations": ["GB"], "support_access_locations": ["US"], "transfer_mechanism": "eu_us_dpf"},
		{"provider": {"name": "Contoso", "dpf_certified": true}},
	)
	count(transfer_basis.deny) == 0 with input.services as [svc]
	transfer_basis.subject == {0} with input.services as [svc]
}

test_scc_with_approved_dtia_passes if {
	svc := personal(
		{"storage_locations": ["NL"], "processing_locations": ["IN"], "transfer_mechanism": "scc"},
		{"assessments": {"dtia": {"status": "approved", "date": "2026-01-01"}}},
	)
	count(transfer_basis.deny) == 0 with input.services as [svc]
}

test_art49_is_left_to_the_derogation_rule_and_passes_here if {
	svc := personal({"storage_locations": ["NL"], "processing_locations": ["IN"], "transfer_mechanism": "art49"}, {})
	count(transfer_basis.deny) == 0 with input.services as [svc]
}

test_service_without_personal_data_is_not_a_subject if {
	svc := personal({"storage_locations": ["CN"], "processing_locations": ["CN"]}, {"data": {"personal_data": false}})
	count(transfer_basis.subject) == 0 with input.services as [svc]
	count(transfer_basis.deny) == 0 with input.services as [svc]
}
