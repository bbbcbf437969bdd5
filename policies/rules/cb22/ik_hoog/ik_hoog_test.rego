package cloudbeleid.rules.cb22.ik_hoog_test

import data.cloudbeleid.rules.cb22.ik_hoog

all_iso := ["ISO27001", "ISO27017", "ISO27018"]

hoog(certifications, hosting) := {
	"service": {"deployment_model": "public"},
	"provider": {"name": "x", "certifications": certifications},
	"data": {"rubricering": "dep_vertrouwelijk", "personal_data": true, "special_categories": ["health"]},
	"hosting": hosting,
}

eu := {"storage_locations": ["NL"], "processing_locations": ["DE"]}

reasons := ["data.rubricering", "data.special_categories"]

run(svc) := violations if {
	violations := ik_hoog.deny with input.services as [svc]
		with input.as_of as "2026-01-01"
}

test_scc_alone_does_not_admit_a_location_and_fails if {
	hosting := object.union(eu, {"support_access_locations": ["US"], "transfer_mechanism": "scc"})
	run(hoog(all_iso, hosting)) == {{
		"service": 0,
		"path": ["hosting", "support_access_locations", 0],
		"kind": "default",
		"params": {"country": "US", "field": "support_access_locations", "reasons": reasons},
	}}
}

test_personal_data_without_iso27018_fails if {
	run(hoog(["ISO27001", "ISO27017"], eu)) == {{
		"service": 0,
		"path": ["provider", "certifications"],
		"kind": "certification",
		"params": {"certification": "ISO27018", "reasons": reasons},
	}}
}

test_without_personal_data_iso27018_is_not_needed_and_passes if {
	svc := {
		"service": {"deployment_model": "hybrid"},
		"provider": {"name": "x", "certifications": ["ISO27001", "ISO27017"]},
		"data": {"rubricering": "ongerubriceerd", "biv": {"integriteit": "hoog"}},
		"hosting": eu,
	}
	count(run(svc)) == 0
	ik_hoog.subject == {0} with input.services as [svc]
}

test_eer_or_explain_sent_to_cio_rijk_passes if {
	count(run(hoog(all_iso, {"storage_locations": ["NL", "JP"], "processing_locations": ["NL"]}))) == 0
	sent := object.union(hoog(all_iso, {"storage_locations": ["US"], "processing_locations": ["IN"]}), {"governance": {"explain_sent_to_cio_rijk_on": "2025-06-01"}})
	count(run(sent)) == 0
}

test_midden_or_zeer_hoog_are_not_subjects if {
	midden := {"service": {"deployment_model": "public"}, "data": {"personal_data": true}}
	zeer_hoog := object.union(hoog(all_iso, eu), {"data": {"nato_eu_marking": "restricted"}})
	count(ik_hoog.subject) == 0 with input.services as [midden, zeer_hoog]
}
