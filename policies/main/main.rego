# METADATA
# description: |
#   The one entrypoint. For every rule of the enabled packs: its violations, and
#   its subjects (the indexes of the services the rule looks at). Every rule
#   defines both `deny` and `subject`: regorus drops the whole `subjects` object
#   when one package lacks the rule, where OPA drops only that key. The checker
#   joins both with the rule catalogue.
# entrypoint: true
package cloudbeleid.main

import data.cloudbeleid.rules

report := {"violations": violations, "subjects": subjects}

violations contains object.union(violation, {"rule": concat(".", [pack, name])}) if {
	some pack in input.settings.packs
	some name, rule in rules[pack]
	some violation in rule.deny
}

subjects[concat(".", [pack, name])] := rule.subject if {
	some pack in input.settings.packs
	some name, rule in rules[pack]
}
