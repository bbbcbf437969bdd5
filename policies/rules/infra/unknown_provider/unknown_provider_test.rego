package cloudbeleid.rules.infra.unknown_provider_test

import data.cloudbeleid.rules.infra.unknown_provider

observed_with(listed) := {"observed": {"resources": [], "providers": listed, "folders": [], "uncovered": []}}

test_an_unknown_provider_fails if {
	svc := observed_with([{"source": "hashicorp/aws", "known": true}, {"source": "acme/cloud", "known": false, "address": "cloud_box.a"}])
	unknown_provider.deny == {{
		"service": 0,
		"path": ["observed", "providers", 1],
		"kind": "default",
		"params": {"source": "acme/cloud", "address": "cloud_box.a"},
	}} with input.services as [svc]
}

test_known_providers_pass if {
	svc := observed_with([{"source": "hashicorp/aws", "known": true}])
	count(unknown_provider.deny) == 0 with input.services as [svc]
	unknown_provider.subject == {0} with input.services as [svc]
}
