package cloudbeleid.rules.cb26.basisreg_source_test

import data.cloudbeleid.rules.cb26.basisreg_source

svc(registrations, governance) := {
	"service": {"deployment_model": "hybrid", "start_date": "2026-08-01"},
	"data": {"basisregistraties": registrations},
	"governance": governance,
}

run(s) := violations if {
	violations := basisreg_source.deny with input.services as [s]
		with input.as_of as "2026-11-28"
}

test_source_data_fail_even_with_an_exception if {
	registrations := [{"name": "BRP", "role": "kopie"}, {"name": "BRK", "role": "bron"}]
	run(svc(registrations, {"exception_ref": "UB-1"})) == {{
		"service": 0,
		"path": ["data", "basisregistraties", 1],
		"kind": "default",
		"params": {"name": "BRK", "model": "hybrid"},
	}}
}

test_copy_for_extra_capacity_passes if {
	run(svc([{"name": "BAG", "role": "kopie"}, {"name": "BRP", "role": "afnemer"}], {})) == set()
}

test_private_cloud_and_no_basisregistratie_are_not_a_subject if {
	private := {"service": {"deployment_model": "private_external"}, "data": {"basisregistraties": [{"name": "BRK", "role": "bron"}]}}
	basisreg_source.subject == {2} with input.services as [private, svc([], {}), svc([{"name": "BAG", "role": "kopie"}], {})]
		with input.as_of as "2026-11-28"
}
