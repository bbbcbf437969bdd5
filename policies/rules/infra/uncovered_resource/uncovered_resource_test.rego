package cloudbeleid.rules.infra.uncovered_resource_test

import data.cloudbeleid.rules.infra.uncovered_resource

bucket(tag) := {"address": "aws_s3_bucket.logs", "provider": "hashicorp/aws", "tag": tag}

service(uncovered) := {"observed": {"resources": [], "providers": [], "folders": ["/repo/infra/aws"], "uncovered": uncovered}}

test_a_resource_tagged_for_a_service_that_does_not_exist_fails if {
	uncovered_resource.deny == {{
		"service": 0,
		"path": ["observed", "uncovered", 0],
		"kind": "tagged",
		"params": {"address": "aws_s3_bucket.logs", "provider": "hashicorp/aws", "tag": "nobody"},
	}} with input.services as [service([bucket("nobody")])]
}

test_a_resource_outside_every_folder_fails_without_a_service if {
	holder := object.union(service([]), {"observed": {"unowned": [bucket(null)]}})
	uncovered_resource.deny == {{
		"service": -1,
		"path": ["observed", "unowned", 0],
		"kind": "default",
		"params": {"address": "aws_s3_bucket.logs", "provider": "hashicorp/aws"},
	}} with input.services as [holder, service([])]
}

test_covered_resources_pass if {
	count(uncovered_resource.deny) == 0 with input.services as [service([])]
	uncovered_resource.subject == {0} with input.services as [service([]), {"observed": {"folders": []}}]
}
