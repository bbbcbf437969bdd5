# METADATA
# description: |
#   The one place that shapes a violation. A rule names the service (its index in
#   input.services), the JSON path of the field that shows the problem, and the
#   values its message needs; the checker adds the rule id, severity, texts,
#   location and enforcement from the rule's METADATA.
package cloudbeleid.lib.result

fail(service, path, params) := fail_kind(service, path, "default", params)

# fail_kind picks one of the rule's METADATA `messages` by name.
fail_kind(service, path, kind, params) := {
	"service": service,
	"path": path,
	"kind": kind,
	"params": params,
}
