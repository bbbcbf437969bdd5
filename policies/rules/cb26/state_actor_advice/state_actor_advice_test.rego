package cloudbeleid.rules.cb26.state_actor_advice_test

import data.cloudbeleid.rules.cb26.state_actor_advice

svc(profile, governance) := {
	"service": {"deployment_model": "community", "start_date": "2026-08-01"},
	"data": {"threat_profile": profile},
	"governance": governance,
}

run(s) := violations if {
	violations := state_actor_advice.deny with input.services as [s]
		with input.as_of as "2026-11-28"
}

test_raised_threat_without_advice_fails if {
	run(svc("verhoogd", {})) == {{
		"service": 0,
		"path": ["governance", "aivd_mivd_advice_on"],
		"kind": "default",
		"params": {"threat_profile": "verhoogd", "as_of": "2026-11-28"},
	}}
	count(run(svc("hoog", {"aivd_mivd_advice_on": "2026-12-01"}))) == 1
}

test_advice_obtained_passes if {
	run(svc("hoog", {"aivd_mivd_advice_on": "2026-05-01"})) == set()
}

test_normal_threat_profile_is_not_a_subject if {
	state_actor_advice.subject == set() with input.services as [svc("normaal", {}), {"service": {"deployment_model": "public"}}]
		with input.as_of as "2026-11-28"
}
