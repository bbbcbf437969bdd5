# METADATA
# description: |
#   The one place that shapes a violation. A rule names the service (its index in
#   input.services), the JSON path of the field that shows the problem, which of the
#   messages in its METADATA to show ("default", or another kind), and the values that
#   message needs; the checker adds the rule id, severity, texts, location and
#   enforcement from the rule's METADATA.
package cloudbeleid.lib.result

fail(service, path, kind, params) := {
	"service": service,
	"path": path,
	"kind": kind,
	"params": params,
}
