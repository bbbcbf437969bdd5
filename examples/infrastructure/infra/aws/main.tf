terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

# hashicorp/aws is van Amazon (moedermaatschappij in de VS, onder de CLOUD Act en FISA 702);
# services/archief.cloud.yaml noemt een Luxemburgs concern zonder buitenlandse wetten.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_s3_bucket" "archief" {
  bucket = "vbz-archief"
}
