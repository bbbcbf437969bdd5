# METADATA
# description: |
#   Builders for the service descriptors of the Rego tests: a minimal base, with the
#   test's own fields merged over it. A test module, so the checker never loads it;
#   tests/test_rego.py and opa test load it with every test file.
package cloudbeleid.lib.build_test

# A SaaS service of an external supplier in a public cloud.
saas(overrides) := object.union({"service": {"deployment_model": "public"}}, overrides)
