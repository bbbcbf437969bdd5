# METADATA
# description: What kind of cloud use a service descriptor shows.
package cloudbeleid.lib.cloud

# Publieke cloud: shared infrastructure of an external provider, also as part of a hybrid cloud.
public_deployment_models := {"public", "hybrid"}

# Every cloud service of an external supplier (clouddienstverlener), public or not.
external_deployment_models := public_deployment_models | {"community", "private_external"}

public_cloud(svc) if svc.service.deployment_model in public_deployment_models

external_cloud(svc) if svc.service.deployment_model in external_deployment_models

# The services (indexes in input.services) in a public cloud, and those of an external supplier: worked out once
# per evaluation for the many rules whose subject they are (a call per rule and service costs each rule).
public_clouds contains i if {
	some i, svc in input.services
	public_cloud(svc)
}

external_clouds contains i if {
	some i, svc in input.services
	external_cloud(svc)
}

# The services with personal data (personal_data below), once per evaluation for the rules whose subject they are.
personal_data_services contains i if {
	some i, svc in input.services
	personal_data(svc)
}

special_personal_data(svc) if count(object.get(svc, ["data", "special_categories"], [])) > 0

personal_data(svc) if svc.data.personal_data == true

personal_data(svc) if special_personal_data(svc)

# Criminal data (AVG art. 10) and the BSN are personal data whatever personal_data says.
personal_data(svc) if svc.data.criminal_data == true

personal_data(svc) if svc.data.bsn == true

# Materieel cloudgebruik: for the primary task, an important support process, or large-scale personal data.
materieel(svc) if svc.service.materieel == true

materieel(svc) if count(object.get(svc, ["service", "materieel_reasons"], [])) > 0
