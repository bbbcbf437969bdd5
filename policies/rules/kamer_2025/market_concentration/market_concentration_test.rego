package cloudbeleid.rules.kamer_2025.market_concentration_test

import data.cloudbeleid.lib.build_test as build
import data.cloudbeleid.rules.kamer_2025.market_concentration

service(provider) := build.saas({"service": {"materieel": true}, "provider": {"name": provider}})

# The checker supplies input.normalised (checker.engine.name_key); for these ASCII names, trimmed lower case.
keys(services) := [lower(trim_space(s.provider.name)) | some s in services]

run(services) := violations if {
	violations := market_concentration.deny with input.services as services
		with input.normalised.provider_names as keys(services)
		with input.organisation as {"name": "Ministerie van Voorbeeldzaken", "type": "ministerie"}
		with input.settings.market_concentration_max_share as 0.5
		with input.settings.market_concentration_max_services as 5
}

finding(i, provider, n, total, share) := {
	"service": i,
	"path": ["provider", "name"],
	"kind": "default",
	"params": {"provider": provider, "count": n, "total": total, "share": share, "max_share": 50, "max_services": 5},
}

test_two_of_three_with_one_provider_fail_on_both if {
	run([service("Contoso"), service("contoso "), service("Fabrikam")]) == {
		finding(0, "Contoso", 2, 3, 67),
		finding(1, "contoso ", 2, 3, 67),
	}
}

test_more_than_the_maximum_number_fails_below_the_share if {
	services := [
		service("Contoso"), service("Contoso"), service("Contoso"), service("Contoso"), service("Contoso"), service("Contoso"),
		service("A"), service("B"), service("C"), service("D"), service("E"), service("F"), service("G"),
	]
	run(services) == {finding(i, "Contoso", 6, 13, 46) | some i in numbers.range(0, 5)}
}

test_exactly_half_passes if {
	run([service("Contoso"), service("Contoso"), service("Fabrikam"), service("Fabrikam")]) == set()
}

test_one_service_alone_passes if {
	run([service("Contoso")]) == set()
	run([service("Contoso"), service("Contoso")]) == {finding(0, "Contoso", 2, 2, 100), finding(1, "Contoso", 2, 2, 100)}
}

test_services_of_other_organisations_and_not_materieel_ones_do_not_count_and_pass if {
	other := object.union(service("Contoso"), {"organisation": {"name": "Andere zbo"}})
	not_materieel := {"service": {"deployment_model": "public", "materieel": false}, "provider": {"name": "Contoso"}}
	own_dc := {"service": {"deployment_model": "government_dc", "materieel": true}, "provider": {"name": "Contoso"}}
	run([service("Contoso"), service("Fabrikam"), other, not_materieel, own_dc]) == set()
	market_concentration.subject == {0, 1, 2} with input.services as [service("Contoso"), service("Fabrikam"), other, not_materieel, own_dc]
}

test_names_are_compared_as_the_checker_normalised_them if {
	services := [service("ACMEΣ"), service("acmeς"), service("Fabrikam")]
	violations := market_concentration.deny with input.services as services
		with input.normalised.provider_names as ["acmeσ", "acmeσ", "fabrikam"]
		with input.organisation as {"name": "Ministerie van Voorbeeldzaken", "type": "ministerie"}
		with input.settings.market_concentration_max_share as 0.5
		with input.settings.market_concentration_max_services as 5
	violations == {finding(0, "ACMEΣ", 2, 3, 67), finding(1, "acmeς", 2, 3, 67)}
}

test_a_service_whose_own_profile_names_no_organisation_counts_with_the_configurations if {
	unnamed := object.union(service("Contoso"), {"organisation": {"type": "zbo"}})
	run([unnamed, service("Contoso"), service("Fabrikam")]) == {
		finding(0, "Contoso", 2, 3, 67),
		finding(1, "Contoso", 2, 3, 67),
	}
	market_concentration.organisation_of[0] == "Ministerie van Voorbeeldzaken" with input.services as [unnamed]
		with input.organisation as {"name": "Ministerie van Voorbeeldzaken", "type": "ministerie"}
	market_concentration.organisation_of[0] == "" with input.services as [unnamed] with input.organisation as {"type": "ministerie"}
}
