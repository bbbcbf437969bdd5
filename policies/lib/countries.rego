# METADATA
# description: |
#   Country lists (policies/data/countries.json, data not logic) and every place a
#   service's data are stored, processed or reachable from.
package cloudbeleid.lib.countries

# A list from the configuration (reference_data in .cloudbeleid.yaml) replaces the shipped one.
codes(name) := override if {
	override := input.settings.reference_data[name]
} else := data.data.countries[name].codes

eer := {code | some code in codes("eer")}

eer_plus_ch := {code | some code in codes("eer_plus_ch")}

adequacy := {code | some code in codes("adequacy")}

adequacy_if_dpf_certified := {code | some code in codes("adequacy_if_dpf_certified")}

c2000_excluded := {code | some code in codes("c2000_excluded")}

# The fields that hold countries the data go to or are reachable from: remote
# access by support staff or telemetry counts as much as storage.
location_fields := [
	"storage_locations",
	"processing_locations",
	"backup_locations",
	"support_access_locations",
	"telemetry_locations",
]

# Each country of a service's data with the JSON path of the entry that names it.
locations(svc) := ({loc |
	some field in location_fields
	some i, country in object.get(svc, ["hosting", field], [])
	loc := {"country": country, "path": ["hosting", field, i], "field": field}
} | {loc |
	some i, sub in object.get(svc, ["provider", "subprocessors"], [])
	loc := {"country": sub.country, "path": ["provider", "subprocessors", i, "country"], "field": "subprocessors"}
}) | observed_locations(svc)

# Where the service's infrastructure code puts it (input.services[i].observed, docs/infrastructure.md): the
# effective facts are the declared ones plus these, so every location rule also sees what the code deploys.
observed_locations(svc) := {loc |
	some k, resource in object.get(svc, ["observed", "resources"], [])
	resource.region_status == "known"
	loc := {"country": resource.country, "path": ["observed", "resources", k, "country"], "field": resource.kind}
}

# EER, or a country with an adequacy decision (AVG art. 45) that covers this provider.
eer_or_adequate(country, _) if country in eer

eer_or_adequate(country, _) if country in adequacy

eer_or_adequate(country, provider) if {
	country in adequacy_if_dpf_certified
	provider.dpf_certified == true
}

# The same as one set per provider (what eer_or_adequate holds for, with this provider): one membership test per
# location instead of a call with three definitions.
adequate := eer | adequacy

adequate_with_dpf := adequate | adequacy_if_dpf_certified

adequate_for(provider) := adequate_with_dpf if provider.dpf_certified == true

adequate_for(provider) := adequate if not provider.dpf_certified == true
