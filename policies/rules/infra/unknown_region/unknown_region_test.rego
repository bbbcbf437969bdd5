package cloudbeleid.rules.infra.unknown_region_test

import data.cloudbeleid.rules.infra.unknown_region

resource(region, status, known) := {
	"address": "aws_s3_bucket.logs",
	"region": region,
	"region_status": status,
	"provider_known": known,
	"why": {"nl": sprintf("waarom %v", [region]), "en": sprintf("why %v", [region])},
}

service(resources) := {"observed": {"resources": resources, "providers": [], "folders": [], "uncovered": []}}

test_an_unlisted_and_an_unresolved_region_fail if {
	svc := service([resource("mars-north-1", "unlisted", true), resource("variable region has no value", "unresolved", true)])
	unknown_region.deny == {
		{
			"service": 0,
			"path": ["observed", "resources", 0, "region"],
			"kind": "default",
			"params": {"address": "aws_s3_bucket.logs", "why_nl": "waarom mars-north-1", "why_en": "why mars-north-1"},
		},
		{
			"service": 0,
			"path": ["observed", "resources", 1, "region"],
			"kind": "default",
			"params": {"address": "aws_s3_bucket.logs", "why_nl": "waarom variable region has no value", "why_en": "why variable region has no value"},
		},
	} with input.services as [svc]
}

test_known_regions_and_resources_without_a_location_pass if {
	svc := service([resource("eu-west-1", "known", true), resource(null, "none", true)])
	count(unknown_region.deny) == 0 with input.services as [svc]
	unknown_region.subject == {0} with input.services as [svc]
}

test_an_unknown_provider_is_reported_by_its_own_rule_and_passes_here if {
	svc := service([resource("x", "unlisted", false)])
	count(unknown_region.deny) == 0 with input.services as [svc]
}
