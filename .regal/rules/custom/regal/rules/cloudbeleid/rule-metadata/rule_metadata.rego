# METADATA
# description: |
#   A rule package of the checker breaks the METADATA contract that the checker's catalogue
#   (checker/catalog.py) enforces when it loads the rules: a package-scoped METADATA block whose
#   custom: part matches schemas/rule-metadata.schema.json, an id with its pack's prefix
#   (policies/data/packs.json), the rule in rules/<pack>/<name>/<name>.rego, both `deny` and
#   `subject` defined, and no top-level title other than custom.title.nl. The schema and the
#   prefixes come from the generated module custom.cloudbeleid.contract
#   (python3 -m tests.regal_contract --update).
# related_resources:
#   - description: documentation
#     ref: https://github.com/open-policy-agent/regal/blob/main/docs/custom-rules/index.md
# schemas:
#   - input: schema.regal.ast
package custom.regal.rules.cloudbeleid["rule-metadata"]

import data.custom.cloudbeleid.contract
import data.regal.ast
import data.regal.result

# The package is cloudbeleid.rules.<pack>.<name>, a rule and not its tests.
rule_package if {
	["cloudbeleid", "rules", _, name] = ast.package_path
	not endswith(name, "_test")
}

pack := ast.package_path[2]

name := ast.package_path[3]

annotation := [a | some a in input.package.annotations; a.scope == "package"][0]

custom := annotation.custom

# The METADATA line of a custom: field (`#   <key>:`), or the block's first line.
field_location(key) := result.location(sprintf("%d:1:%d:1", [row, row])) if {
	[start, end] := annotation_rows
	rows := [r |
		some r in numbers.range(start, end)
		startswith(input.regal.file.lines[r - 1], sprintf("#   %s:", [key]))
	]
	row := rows[0]
} else := result.location(annotation)

annotation_rows := [to_number(parts[0]), to_number(parts[2])] if {
	parts := split(annotation.location, ":")
}

fail(location, description) := result.fail(rego.metadata.chain(), object.union(location, {"description": description}))

report contains fail(result.location(input.package), "Rule package without a METADATA block with a custom: part") if {
	rule_package
	not custom
}

report contains fail(field_location(key), sprintf("METADATA custom: %s", [problem.error])) if {
	rule_package
	[valid, problems] := json.match_schema(custom, contract.schema)
	valid == false
	some problem in problems
	key := split(problem.field, ".")[0]
}

report contains fail(result.location(input.package), sprintf("Pack %q is not declared in policies/data/packs.json", [pack])) if {
	rule_package
	not contract.prefixes[pack]
}

report contains fail(field_location("id"), sprintf("Rule id %s does not start with the prefix of pack %s: %s-", [custom.id, pack, prefix])) if {
	rule_package
	prefix := contract.prefixes[pack]
	is_string(custom.id)
	not startswith(custom.id, concat("", [prefix, "-"]))
}

report contains fail(result.location(input.package), sprintf("Rule %s.%s must live in rules/%s/%s/%s.rego", [pack, name, pack, name, name])) if {
	rule_package
	not endswith(input.regal.file.name, sprintf("rules/%s/%s/%s.rego", [pack, name, name]))
}

report contains fail(result.location(input.package), sprintf("Rule package does not define `%s contains ...` (see policies/main/main.rego)", [required])) if {
	rule_package
	some required in ["deny", "subject"]
	not required in ast.rule_names
}

report contains fail(result.location(annotation), "METADATA title differs from custom.title.nl (drop it: the checker reads custom.title)") if {
	rule_package
	annotation.title != custom.title.nl
}
