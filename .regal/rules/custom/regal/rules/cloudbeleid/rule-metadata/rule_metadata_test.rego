package custom.regal.rules.cloudbeleid["rule-metadata_test"]

import data.custom.regal.rules.cloudbeleid["rule-metadata"] as rule

rule_text(custom) := concat("\n", [
	"# METADATA",
	"# custom:",
	custom,
	"package cloudbeleid.rules.cb22.x",
	"",
	"subject contains 1 if true",
	"",
	"deny contains 1 if true",
])

test_a_rule_without_a_valid_custom_block_fails if {
	module := regal.parse_module("policies/rules/cb22/x/x.rego", rule_text("#   id: CB22-X\n#   severity: urgent"))
	descriptions := {violation.description | some violation in rule.report with input as module}
	"METADATA custom: (Root): title is required" in descriptions
	`METADATA custom: severity: severity must be one of the following: "critical", "high", "medium", "low", "info"` in descriptions
}

test_an_id_without_the_pack_prefix_fails if {
	module := regal.parse_module("policies/rules/cb22/x/x.rego", rule_text("#   id: AVG-X"))
	descriptions := {violation.description | some violation in rule.report with input as module}
	"Rule id AVG-X does not start with the prefix of pack cb22: CB22-" in descriptions
}

test_a_library_package_passes if {
	module := regal.parse_module("policies/lib/x.rego", "package cloudbeleid.lib.x\n\nx := 1\n")
	count(rule.report) == 0 with input as module
}
