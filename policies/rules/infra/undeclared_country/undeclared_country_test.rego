package cloudbeleid.rules.infra.undeclared_country_test

import data.cloudbeleid.rules.infra.undeclared_country

resource(region, country, status) := {
	"address": "azurerm_storage_account.dossiers",
	"region": region,
	"country": country,
	"region_status": status,
}

service(resources) := {
	"hosting": {"storage_locations": ["NL"], "processing_locations": ["IE"], "backup_locations": ["DE"]},
	"observed": {"resources": resources, "providers": [], "folders": [], "uncovered": []},
}

test_resource_in_an_undeclared_country_fails if {
	svc := service([resource("westeurope", "NL", "known"), resource("eastus", "US", "known")])
	undeclared_country.deny == {{
		"service": 0,
		"path": ["observed", "resources", 1, "country"],
		"kind": "default",
		"params": {"address": "azurerm_storage_account.dossiers", "region": "eastus", "country": "US"},
	}} with input.services as [svc]
}

test_resources_in_declared_countries_pass if {
	svc := service([resource("westeurope", "NL", "known"), resource("northeurope", "IE", "known"), resource("germanywestcentral", "DE", "known")])
	count(undeclared_country.deny) == 0 with input.services as [svc]
	undeclared_country.subject == {0} with input.services as [svc]
}

test_unknown_regions_are_left_to_their_own_rule if {
	svc := service([resource("somewhere", null, "unlisted"), resource("var.x", null, "unresolved")])
	count(undeclared_country.deny) == 0 with input.services as [svc]
}

test_a_service_without_infrastructure_is_not_a_subject if {
	count(undeclared_country.subject) == 0 with input.services as [{"hosting": {"storage_locations": ["NL"]}}]
}
