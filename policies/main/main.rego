# METADATA
# description: |
#   The one entrypoint. For every rule that input.settings.rules names (the checker
#   lists the rules of the enabled packs, "<pack>.<rule_name>"): its violations, and
#   its subjects (the indexes of the services the rule looks at). Naming the rules
#   lets an engine evaluate only those, and lets a large run split the per-service
#   rules over processes while the portfolio rules see every service. Every rule
#   defines both `deny` and `subject`: regorus drops the whole `subjects` object
#   when one package lacks the rule, where OPA drops only that key.
# entrypoint: true
package cloudbeleid.main

report := {"violations": violations, "subjects": subjects}

violations contains object.union(violation, {"rule": key}) if {
	some key in input.settings.rules
	[pack, name] := split(key, ".")
	some violation in data.cloudbeleid.rules[pack][name].deny
}

subjects[key] := data.cloudbeleid.rules[pack][name].subject if {
	some key in input.settings.rules
	[pack, name] := split(key, ".")
}
