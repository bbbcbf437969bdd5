package cloudbeleid.lib.result_test

import data.cloudbeleid.lib.result

test_fail_uses_the_default_message if {
	result.fail(2, ["data", "rubricering"], {"level": "stg_geheim"}) == {
		"service": 2,
		"path": ["data", "rubricering"],
		"kind": "default",
		"params": {"level": "stg_geheim"},
	}
}

test_fail_kind_names_the_message if {
	result.fail_kind(0, ["exit"], "missing", {}).kind == "missing"
}
