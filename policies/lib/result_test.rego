package cloudbeleid.lib.result_test

import data.cloudbeleid.lib.result

test_fail_names_the_service_the_field_the_message_and_its_values if {
	result.fail(2, ["data", "rubricering"], "nato", {"level": "stg_geheim"}) == {
		"service": 2,
		"path": ["data", "rubricering"],
		"kind": "nato",
		"params": {"level": "stg_geheim"},
	}
}
