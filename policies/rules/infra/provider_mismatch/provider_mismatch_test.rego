package cloudbeleid.rules.infra.provider_mismatch_test

import data.cloudbeleid.lib.service as descriptor
import data.cloudbeleid.rules.infra.provider_mismatch

azure := {
	"source": "hashicorp/azurerm",
	"known": true,
	"company": "Microsoft Corporation",
	"hq_country": "US",
	"ultimate_parent_country": "US",
	"laws": ["US_CLOUD_ACT", "US_FISA_702"],
}

service(provider) := {"provider": provider, "observed": {"resources": [], "providers": [azure], "folders": [], "uncovered": []}}

test_a_european_parent_over_azure_fails if {
	svc := service({"name": "Microsoft Ireland", "hq_country": "IE", "ultimate_parent_country": "IE", "subject_to_non_eu_law": []})
	provider_mismatch.deny == {
		{
			"service": 0,
			"path": ["observed", "providers", 0],
			"kind": "default",
			"params": {"source": "hashicorp/azurerm", "company": "Microsoft Corporation", "observed": "US", "declared": "IE"},
		},
		{
			"service": 0,
			"path": ["observed", "providers", 0],
			"kind": "laws",
			"params": {"source": "hashicorp/azurerm", "company": "Microsoft Corporation", "laws": ["US_CLOUD_ACT", "US_FISA_702"]},
		},
	} with input.services as [svc]
}

test_without_a_parent_the_headquarters_counts_and_fails if {
	svc := service({"name": "Microsoft", "hq_country": "IE", "subject_to_non_eu_law": ["US_CLOUD_ACT", "US_FISA_702"]})
	{v.params.declared | some v in provider_mismatch.deny} == {"IE"} with input.services as [svc]
	svc2 := service({"name": "Microsoft", "subject_to_non_eu_law": ["US_CLOUD_ACT", "US_FISA_702"]})
	{v.params.declared | some v in provider_mismatch.deny} == {descriptor.unrecorded} with input.services as [svc2]
}

test_the_true_parent_and_laws_pass if {
	svc := service({"name": "Microsoft Ireland", "hq_country": "IE", "ultimate_parent_country": "US", "subject_to_non_eu_law": ["US_CLOUD_ACT", "US_FISA_702", "US_EO_12333"]})
	count(provider_mismatch.deny) == 0 with input.services as [svc]
	provider_mismatch.subject == {0} with input.services as [svc]
}

test_an_unknown_provider_is_not_a_subject if {
	svc := {"provider": {}, "observed": {"providers": [{"source": "acme/cloud", "known": false, "ultimate_parent_country": null}]}}
	count(provider_mismatch.subject) == 0 with input.services as [svc]
}
