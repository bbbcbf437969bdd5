# METADATA
# description: |
#   Facts about each service that many rules need, computed once per evaluation and
#   looked up by the service's index in input.services: where its data go, and which
#   of those places lie outside the EER without an adequacy decision.
package cloudbeleid.lib.service

import data.cloudbeleid.lib.countries

# Every country of the service's data with the JSON path of the entry that names it (lib/countries).
locations[i] := countries.locations(svc) if some i, svc in input.services

# The locations outside the EER for which no adequacy decision covers this provider: a transfer needs a basis.
transfers[i] := outside if {
	some i, svc in input.services
	allowed := countries.adequate_for(object.get(svc, "provider", {}))
	outside := {location | some location in locations[i]; not location.country in allowed}
}

# A yes/no fact the descriptor does not confirm: absent, or anything but true.
unconfirmed(svc, path) if object.get(svc, path, false) != true

# What a message shows for a value the descriptor does not record, in each language: never a made-up value
# such as "none" that the schema does not know (the checker picks the reader's language).
unrecorded := {"nl": "niet vastgelegd", "en": "not recorded"}

# A value of the descriptor for a message: the recorded one, or `unrecorded`.
recorded(svc, path) := object.get(svc, path, unrecorded)
