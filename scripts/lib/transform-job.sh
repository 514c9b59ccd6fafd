# Sourced by create-transform-job.sh and schedule-nightly.sh: a CreateTransformJob request from a JSON
# template plus flags, checked as the service checks it, before any AWS call.
# shellcheck shell=bash

JOB_TEMPLATE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/templates/churn-transform-job.json"
# Flag overrides, as jq paths and values; applied in order over the template.
JOB_OVERRIDES='[]'
# shellcheck disable=SC2034  # read by the usage text of the scripts that source this file
JOB_FLAGS_HELP='  --template FILE        a CreateTransformJob request JSON (default: scripts/templates/churn-transform-job.json)
  --model-name NAME      ModelName (default: the template'"'"'s)
  --input S3_URI         TransformInput S3Uri, an S3 prefix (default: the template'"'"'s)
  --output-base S3_URI   the prefix under which each run writes to DATE/ (default: the template'"'"'s S3OutputPath)
  --max-concurrent-transforms N  MaxConcurrentTransforms (default: the template'"'"'s)
  --max-payload-in-mb N  MaxPayloadInMB (default: the template'"'"'s); N x MaxConcurrentTransforms must be <= 100
  --instance-type TYPE   TransformResources InstanceType, e.g. ml.m5.xlarge (default: the template'"'"'s)
  --instance-count N     TransformResources InstanceCount (default: the template'"'"'s)'

# job_flag "$@": consumes one job flag and its value (the caller then shifts 2); returns 1 for other flags.
# The old spellings --max-concurrent and --max-payload-mb still work, with a note naming the API-named flag.
job_flag() {
  local path type=string flag=$1
  case "$flag" in
    --max-concurrent) echo "note: --max-concurrent is now --max-concurrent-transforms; the old spelling works for now" >&2
      flag=--max-concurrent-transforms ;;
    --max-payload-mb) echo "note: --max-payload-mb is now --max-payload-in-mb; the old spelling works for now" >&2
      flag=--max-payload-in-mb ;;
  esac
  shift
  set -- "$flag" "$@"
  case "$1" in
    --template|--model-name|--input|--output-base|--max-concurrent-transforms|--max-payload-in-mb|--instance-type|\
    --instance-count)
      need_value "$@" ;;
    *) return 1 ;;
  esac
  case "$1" in
    --template) JOB_TEMPLATE=$2; return 0 ;;
    --model-name) path='["ModelName"]'; check_name "$1" "${2:-}" ;;
    --input) path='["TransformInput","DataSource","S3DataSource","S3Uri"]'; check_s3_uri "$1" "${2:-}" ;;
    --output-base) path='["TransformOutput","S3OutputPath"]'; check_s3_uri "$1" "${2:-}" ;;
    --max-concurrent-transforms) path='["MaxConcurrentTransforms"]'; type=number; check_count "$1" "${2:-}" 1 ;;
    --max-payload-in-mb) path='["MaxPayloadInMB"]'; type=number; check_count "$1" "${2:-}" 1 ;;
    --instance-type) path='["TransformResources","InstanceType"]'
      [[ ${2:-} =~ ^ml\.[a-z0-9]+\.[a-z0-9]+$ ]] || usage_error "$1 '${2:-}' is not a SageMaker instance type (like ml.m5.xlarge)" ;;
    --instance-count) path='["TransformResources","InstanceCount"]'; type=number; check_count "$1" "${2:-}" 1 ;;
  esac
  JOB_OVERRIDES=$(jq -c --argjson p "$path" --arg v "$2" --arg t "$type" --arg flag "$1" \
    '. + [{path: $p, value: (if $t == "number" then ($v | tonumber) else $v end), flag: $flag}]' <<<"$JOB_OVERRIDES")
}

# job_request: the template with the overrides applied, checked; compact JSON on stdout.
job_request() {
  [ -f "$JOB_TEMPLATE" ] || usage_error "--template '$JOB_TEMPLATE': no such file"
  local job
  job=$(jq -c --argjson o "$JOB_OVERRIDES" 'reduce $o[] as $x (.; setpath($x.path; $x.value))' "$JOB_TEMPLATE" 2>/dev/null) ||
    usage_error "--template '$JOB_TEMPLATE' is not valid JSON"
  check_job "$job"
  printf '%s\n' "$job"
}

# job_field JSON FILTER: one value of the request, as text ("" when absent).
job_field() { jq -r "$2 // empty" <<<"$1"; }

# origin FIELD FLAG: where a field's value came from, for error messages.
origin() {
  if jq -e --arg f "$2" 'any(.[]; .flag == $f)' <<<"$JOB_OVERRIDES" >/dev/null; then echo "$2"; else echo "$1 in $JOB_TEMPLATE"; fi
}

check_job() {
  local job=$1 value
  value=$(job_field "$job" .ModelName); check_name "$(origin ModelName --model-name)" "$value"
  value=$(job_field "$job" .TransformInput.DataSource.S3DataSource.S3Uri)
  check_s3_uri "$(origin TransformInput.DataSource.S3DataSource.S3Uri --input)" "$value"
  value=$(job_field "$job" .TransformOutput.S3OutputPath)
  check_s3_uri "$(origin TransformOutput.S3OutputPath --output-base)" "$value"
  value=$(job_field "$job" .BatchStrategy)
  [[ -z $value || $value == MultiRecord || $value == SingleRecord ]] ||
    usage_error "BatchStrategy in $JOB_TEMPLATE is '$value', not MultiRecord or SingleRecord"
  value=$(job_field "$job" .TransformInput.SplitType)
  [[ -z $value || $value =~ ^(None|Line|RecordIO|TFRecord)$ ]] ||
    usage_error "TransformInput.SplitType in $JOB_TEMPLATE is '$value', not None, Line, RecordIO or TFRecord"
  value=$(job_field "$job" .TransformResources.InstanceCount)
  check_count "$(origin TransformResources.InstanceCount --instance-count)" "${value:-missing}" 1
  [ -n "$(job_field "$job" .TransformResources.InstanceType)" ] ||
    usage_error "TransformResources.InstanceType is missing in $JOB_TEMPLATE (or pass --instance-type)"

  # The 100 MB rule. MaxPayloadInMB defaults to 6 when unset; the product is checked when
  # MaxConcurrentTransforms is set (the service's rule: "if you specify" it).
  local payload concurrent
  payload=$(job_field "$job" .MaxPayloadInMB)
  concurrent=$(job_field "$job" .MaxConcurrentTransforms)
  [ -z "$payload" ] || check_count "$(origin MaxPayloadInMB --max-payload-in-mb)" "$payload" 1
  [ -z "$concurrent" ] || check_count "$(origin MaxConcurrentTransforms --max-concurrent-transforms)" "$concurrent" 1
  check_payload_rule "$(origin MaxConcurrentTransforms --max-concurrent-transforms)" "${concurrent:-1}" \
    "$(origin MaxPayloadInMB --max-payload-in-mb)" "${payload:-6}"
}

# check_payload_rule CONCURRENT_ORIGIN CONCURRENT PAYLOAD_ORIGIN PAYLOAD: the CreateTransformJob limits
# MaxPayloadInMB <= 100 and MaxConcurrentTransforms x MaxPayloadInMB <= 100; the origins name flags or fields.
check_payload_rule() {
  local product=$(($2 * $4))
  [ "$4" -le 100 ] || usage_error "$3: MaxPayloadInMB $4 is over 100"
  [ "$product" -le 100 ] ||
    usage_error "$1 and $3: MaxConcurrentTransforms x MaxPayloadInMB = $2 x $4 = $product, over 100"
}

# check_date FLAG VALUE: an ISO date (YYYY-MM-DD) that exists.
check_date() {
  if ! [[ $2 =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || [ "$(date -u -d "$2" +%F 2>/dev/null)" != "$2" ]; then
    usage_error "$1 '$2' is not a date (YYYY-MM-DD)"
  fi
}
