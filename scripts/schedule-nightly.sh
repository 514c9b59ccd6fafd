#!/usr/bin/env bash
# Deploys the nightly schedule (scripts/templates/nightly-transform.yaml): EventBridge Scheduler ->
# Step Functions -> CreateTransformJob, from the same job template as create-transform-job.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$here/lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=lib/transform-job.sh
. "$here/lib/transform-job.sh"

usage() {
  cat <<TXT
Usage: scripts/schedule-nightly.sh [--stack-name NAME] [--schedule EXPR] [--timezone TZ] [--job-name-prefix P]
                                   [--alert-topic-arn ARN] [--alert-email ADDRESS] [--template FILE] [overrides]
                                   [--region REGION] [--profile NAME] [--endpoint-url URL] [--dry-run]

Runs \`aws cloudformation deploy\` on scripts/templates/nightly-transform.yaml. Each scheduled run starts
a transform job named PREFIX-YYYY-MM-DD-xxxxxxxx that writes to OUTPUT_BASE/YYYY-MM-DD/ (the scheduled
date, UTC). Throttling and SageMaker service errors are retried with backoff (4 times, from 60 s); a job
that fails or cannot be created is reported to an SNS topic (job name, FailureReason, a link to its logs) and
the Step Functions execution fails. The job request is checked (MaxPayloadInMB <= 100,
MaxConcurrentTransforms x MaxPayloadInMB <= 100) before AWS is called.

  --stack-name NAME      the CloudFormation stack (default: MODEL-NAME-nightly)
  --schedule EXPR        EventBridge Scheduler expression (default: cron(0 2 * * ? *), 02:00 every day)
  --timezone TZ          the expression's time zone (default: UTC)
  --job-name-prefix P    job name prefix, at most 43 characters (default: the model name, cut to 43)
  --alert-topic-arn ARN  the SNS topic for failed runs (default: the stack creates one: its AlertTopic output)
  --alert-email ADDRESS  subscribe this address to the alert topic (SNS mails it a link to confirm)
$JOB_FLAGS_HELP
  --region REGION        AWS region (default: \$AWS_REGION or \$AWS_DEFAULT_REGION)
  --profile NAME         AWS CLI profile for every aws call (default: \$AWS_PROFILE, as the CLI reads it)
  --endpoint-url URL     send every aws call there, e.g. a simulator such as moto_server (default:
                         \$AWS_ENDPOINT_URL_<SERVICE>, then \$AWS_ENDPOINT_URL, passed to the CLI explicitly: the AWS
                         CLI before 2.13 ignores them and would reach real AWS)
  --dry-run              print the AWS CLI call, with the job JSON, instead of running it
  -h, --help             this text
TXT
}

stack="" schedule="cron(0 2 * * ? *)" timezone=UTC prefix="" alert_topic="" alert_email=""
while [ $# -gt 0 ]; do
  if job_flag "$@"; then shift 2; continue; fi
  case "$1" in
    --stack-name) need_value "$@"; stack=$2; shift 2 ;;
    --schedule) need_value "$@"; schedule=$2; shift 2 ;;
    --timezone) need_value "$@"; timezone=$2; shift 2 ;;
    --job-name-prefix) need_value "$@"; prefix=$2; shift 2 ;;
    --alert-topic-arn)
      need_value "$@"
      [[ $2 =~ ^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$ ]] || usage_error "--alert-topic-arn '$2' is not an SNS topic ARN"
      alert_topic=$2; shift 2 ;;
    --alert-email)
      need_value "$@"
      [[ $2 =~ ^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$ ]] || usage_error "--alert-email '$2' is not an e-mail address"
      alert_email=$2; shift 2 ;;
    *) common_flag "$@"; shift "$SHIFT" ;;
  esac
done

require_tool jq "apt-get install jq"
require_region
[[ $schedule =~ ^(cron|rate|at)\(.+\)$ ]] || usage_error "--schedule '$schedule' is not a schedule expression (cron(...), rate(...) or at(...))"
[[ $timezone =~ ^[A-Za-z_+-]+(/[A-Za-z0-9_+-]+)*$ ]] || usage_error "--timezone '$timezone' is not a time zone name (like UTC or Europe/Berlin)"
job=$(job_request)
model=$(job_field "$job" .ModelName)
if [ -z "$prefix" ]; then prefix=${model:0:43}; prefix=${prefix%-}; fi
[[ $prefix =~ ^[A-Za-z0-9]([A-Za-z0-9-]{0,41}[A-Za-z0-9])?$ ]] ||
  usage_error "--job-name-prefix '$prefix' must be 1-43 letters, digits and '-', starting and ending with a letter or digit"
[ -n "$stack" ] || stack="$model-nightly"
[[ $stack =~ ^[A-Za-z][A-Za-z0-9-]{0,127}$ ]] || usage_error "--stack-name '$stack' is not a CloudFormation stack name"
output_base=$(job_field "$job" .TransformOutput.S3OutputPath)
[[ $output_base != *[\'{}\\]* ]] ||
  usage_error "$(origin TransformOutput.S3OutputPath --output-base) '$output_base' has a quote, brace or backslash, which States.Format cannot carry"

parameters=$(jq -c --arg prefix "$prefix" -f "$here/lib/nightly-parameters.jq" <<<"$job")
overrides=("ScheduleExpression=$schedule" "ScheduleTimezone=$timezone" "JobParameters=$parameters")
if [ -n "$alert_topic" ]; then overrides+=("AlertTopicArn=$alert_topic"); fi
if [ -n "$alert_email" ]; then overrides+=("AlertEmail=$alert_email"); fi
aws_cli cloudformation deploy --region "$REGION" --stack-name "$stack" \
  --template-file "$here/templates/nightly-transform.yaml" --capabilities CAPABILITY_IAM \
  --parameter-overrides "${overrides[@]}"
