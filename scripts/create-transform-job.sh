#!/usr/bin/env bash
# Starts a SageMaker Batch Transform job from a CreateTransformJob JSON template, writing under a
# date-partitioned output prefix (OUTPUT_BASE/YYYY-MM-DD/).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$here/lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=lib/transform-job.sh
. "$here/lib/transform-job.sh"

usage() {
  cat <<TXT
Usage: scripts/create-transform-job.sh [--template FILE] [--date YYYY-MM-DD] [--job-name NAME] [overrides]
                                       [--region REGION] [--profile NAME] [--endpoint-url URL] [--dry-run]

Calls \`aws sagemaker create-transform-job\` with the template's request, the overrides below, a job name
and TransformOutput.S3OutputPath = OUTPUT_BASE/DATE/. MaxPayloadInMB <= 100 and
MaxConcurrentTransforms x MaxPayloadInMB <= 100 are checked before AWS is called. The template is the same
JSON the local harness reads (java -jar target/batchserve.jar transform), so a local run and the real job
share one definition.

  --date YYYY-MM-DD      the output partition (default: today, UTC)
  --job-name NAME        TransformJobName (default: MODEL-NAME-YYYYMMDD-HHMMSS, UTC now; unique per account)
$JOB_FLAGS_HELP
  --region REGION        AWS region (default: \$AWS_REGION or \$AWS_DEFAULT_REGION)
  --profile NAME         AWS CLI profile for every aws call (default: \$AWS_PROFILE, as the CLI reads it)
  --endpoint-url URL     send every aws call there, e.g. a simulator such as moto_server (default:
                         \$AWS_ENDPOINT_URL_<SERVICE>, then \$AWS_ENDPOINT_URL, passed to the CLI explicitly: the AWS
                         CLI before 2.13 ignores them and would reach real AWS)
  --dry-run              print the AWS CLI call, with its JSON, instead of running it
  -h, --help             this text
TXT
}

day="" job_name=""
while [ $# -gt 0 ]; do
  if job_flag "$@"; then shift 2; continue; fi
  case "$1" in
    --date) need_value "$@"; check_date "$1" "$2"; day=$2; shift 2 ;;
    --job-name) need_value "$@"; check_name "$1" "$2"; job_name=$2; shift 2 ;;
    *) common_flag "$@"; shift "$SHIFT" ;;
  esac
done

require_tool jq "apt-get install jq"
require_region
job=$(job_request)
[ -n "$day" ] || day=$(date -u +%F)
if [ -z "$job_name" ]; then
  prefix=$(job_field "$job" .ModelName); prefix=${prefix:0:47}; prefix=${prefix%-}
  job_name="$prefix-$(date -u +%Y%m%d-%H%M%S)"
fi
job=$(jq -c --arg name "$job_name" --arg day "$day" \
  '.TransformJobName = $name | .TransformOutput.S3OutputPath |= (sub("/+$"; "") + "/" + $day + "/")' <<<"$job")
note "job $job_name writes to $(job_field "$job" .TransformOutput.S3OutputPath)"
aws_cli sagemaker create-transform-job --region "$REGION" --cli-input-json "$job"
