package cloudbeleid.rules.cb22.special_pd_scc_explain_test

import data.cloudbeleid.lib.service
import data.cloudbeleid.rules.cb22.special_pd_location
import data.cloudbeleid.rules.cb22.special_pd_scc_explain

health_on_scc(storage, assessments, sent) := {
	"service": {"deployment_model": "public"},
	"provider": {"name": "Contoso"},
	"data": {"personal_data": true, "special_categories": ["health"]},
	"hosting": {"storage_locations": storage, "processing_locations": ["NL"], "transfer_mechanism": "scc"},
	"assessments": assessments,
	"governance": {"explain_sent_to_cio_rijk_on": sent},
}

test_explain_without_an_approved_dpia_fails if {
	svc := health_on_scc(["US"], {"prescan_dpia": {"status": "draft"}}, "2025-06-01")
	special_pd_scc_explain.deny == {{
		"service": 0,
		"path": ["assessments", "prescan_dpia", "status"],
		"kind": "default",
		"params": {"sent": "2025-06-01", "prescan": "draft", "dpia": service.unrecorded},
	}} with input.services as [svc]
		with input.as_of as "2026-01-01"
}

test_explain_with_an_approved_prescan_or_dpia_passes if {
	prescan := health_on_scc(["US"], {"prescan_dpia": {"status": "approved"}}, "2025-06-01")
	dpia := health_on_scc(["IN"], {"dpia": {"status": "approved"}}, "2025-06-01")
	count(special_pd_scc_explain.deny) == 0 with input.services as [prescan, dpia]
		with input.as_of as "2026-01-01"
	special_pd_scc_explain.subject == {0, 1} with input.services as [prescan, dpia]
		with input.as_of as "2026-01-01"
}

# Without a sent explain (or with one dated after the reference date) CB22-SPECIAL-PD-EER reports the locations
# and this rule stays silent: one rule per situation.
test_no_explain_yet_is_left_to_special_pd_eer if {
	later := health_on_scc(["US"], {}, "2026-02-01")
	count(special_pd_scc_explain.subject) == 0 with input.services as [later]
		with input.as_of as "2026-01-01"
	count(special_pd_location.deny) == 1 with input.services as [later]
		with input.as_of as "2026-01-01"
	count(special_pd_location.subject) == 0 with input.services as [health_on_scc(["US"], {}, "2025-06-01")]
		with input.as_of as "2026-01-01"
}

test_scc_with_every_location_in_the_eer_or_other_mechanism_is_not_a_subject if {
	inside := health_on_scc(["DE"], {}, "2025-06-01")
	derogation := object.union(health_on_scc(["US"], {}, "2025-06-01"), {"hosting": {"transfer_mechanism": "art49"}})
	count(special_pd_scc_explain.subject) == 0 with input.services as [inside, derogation]
		with input.as_of as "2026-01-01"
}
