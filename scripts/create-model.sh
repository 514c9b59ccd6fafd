#!/usr/bin/env bash
# Registers a SageMaker Model: the batchserve image from ECR plus a model.tar.gz in S3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$here/lib/common.sh"

usage() {
  cat <<'TXT'
Usage: scripts/create-model.sh --name NAME --image URI --model-data S3_URI --role-arn ARN
                               [--env KEY=VALUE]... [--region REGION] [--profile NAME] [--endpoint-url URL] [--dry-run]

Calls `aws sagemaker create-model` with one container (the image, serving /opt/ml/model from the archive).

  --name NAME          the SageMaker model name (1-63 letters, digits, '-'), e.g. batchserve-churn-20260624
  --image URI          the image in ECR, as build-and-push.sh prints it
  --model-data S3_URI  the model.tar.gz, as package-model.sh --upload prints it
  --role-arn ARN       the IAM role SageMaker assumes to pull the image and read the archive
  --env KEY=VALUE      a container environment variable (repeatable), e.g. SAGEMAKER_MODEL_SERVER_WORKERS=2
  --region REGION      AWS region (default: $AWS_REGION or $AWS_DEFAULT_REGION)
  --profile NAME       AWS CLI profile for every aws call (default: $AWS_PROFILE, as the CLI reads it)
  --endpoint-url URL   send every aws call there, e.g. a simulator such as moto_server (default:
                       $AWS_ENDPOINT_URL_<SERVICE>, then $AWS_ENDPOINT_URL, passed to the CLI explicitly: the AWS
                       CLI before 2.13 ignores them and would reach real AWS)
  --dry-run            print the AWS CLI call, with its JSON, instead of running it
  -h, --help           this text
TXT
}

name="" image="" model_data="" role_arn=""
env_json='{}'
while [ $# -gt 0 ]; do
  case "$1" in
    --name) need_value "$@"; name=$2; shift 2 ;;
    --image) need_value "$@"; image=$2; shift 2 ;;
    --model-data) need_value "$@"; model_data=$2; shift 2 ;;
    --role-arn) need_value "$@"; role_arn=$2; shift 2 ;;
    --env)
      need_value "$@"
      [[ $2 =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] || usage_error "--env '$2' is not KEY=VALUE"
      env_json=$(jq -c --arg k "${2%%=*}" --arg v "${2#*=}" '. + {($k): $v}' <<<"$env_json")
      shift 2 ;;
    *) common_flag "$@"; shift "$SHIFT" ;;
  esac
done

require_tool jq "apt-get install jq"
for flag in --name --image --model-data --role-arn; do
  var=${flag#--}; var=${var//-/_}
  [ -n "${!var}" ] || usage_error "$flag is required"
done
check_name --name "$name"
[[ $image =~ ^[0-9]{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?/[a-z0-9._/-]+(:[A-Za-z0-9._-]+|@sha256:[0-9a-f]{64})$ ]] ||
  usage_error "--image '$image' is not an ECR image URI (ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPOSITORY:TAG)"
check_s3_uri --model-data "$model_data"
[[ $model_data == *.tar.gz ]] || usage_error "--model-data '$model_data' must name a .tar.gz (SageMaker unpacks it into /opt/ml/model)"
[[ $role_arn =~ ^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$ ]] || usage_error "--role-arn '$role_arn' is not an IAM role ARN"
require_region

request=$(jq -cn --arg name "$name" --arg image "$image" --arg data "$model_data" --arg role "$role_arn" \
  --argjson env "$env_json" '{
    ModelName: $name,
    PrimaryContainer: {Image: $image, Mode: "SingleModel", ModelDataUrl: $data, Environment: $env},
    ExecutionRoleArn: $role
  }')
aws_cli sagemaker create-model --region "$REGION" --cli-input-json "$request"
