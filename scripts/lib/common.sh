# Sourced by the scripts in scripts/: errors that name the flag, AWS region and name checks, and `run`,
# which runs a command or, under --dry-run, prints it exactly (one shell-quoted line on stdout).
# shellcheck shell=bash

PROG=$(basename "$0")
DRY_RUN=false
REGION=${AWS_REGION:-${AWS_DEFAULT_REGION:-}}
PROFILE=""
ENDPOINT_URL=""

# usage_error MESSAGE: a bad or missing flag; exits 2.
usage_error() { echo "$PROG: $*" >&2; echo "$PROG: see $PROG --help" >&2; exit 2; }
# fail MESSAGE: anything else that stops the script; exits 1.
fail() { echo "$PROG: $*" >&2; exit 1; }
note() { echo "$PROG: $*" >&2; }

# need_value "$@": in an argument loop, checks that the flag in $1 is followed by a value.
need_value() {
  if [ $# -lt 2 ] || [ -z "$2" ] || [[ $2 == --* ]]; then usage_error "$1 needs a value"; fi
}

# common_flag "$@": --region, --profile, --endpoint-url, --dry-run and --help, shared by every script (which
# defines usage); anything else is an unknown argument. Sets SHIFT to the number of words consumed.
# shellcheck disable=SC2034  # SHIFT is read by the caller
common_flag() {
  case "$1" in
    --region) need_value "$@"; REGION=$2; SHIFT=2 ;;
    --profile) need_value "$@"; PROFILE=$2; SHIFT=2 ;;
    --endpoint-url)
      need_value "$@"
      [[ $2 =~ ^https?://[^[:space:]]+$ ]] || usage_error "--endpoint-url '$2' is not an http(s) URL"
      ENDPOINT_URL=$2; SHIFT=2 ;;
    --dry-run) DRY_RUN=true; SHIFT=1 ;;
    -h|--help) usage; exit 0 ;;
    *) usage_error "unknown argument '$1'" ;;
  esac
}

# aws_words SERVICE: sets AWS_WORDS to the start of an aws call: aws [--profile P] [--endpoint-url URL] SERVICE.
# The endpoint is --endpoint-url, else the SDK's AWS_ENDPOINT_URL_<SERVICE> (s3api reads S3's), else
# AWS_ENDPOINT_URL.
aws_words() {
  local service=$1 var endpoint
  var=AWS_ENDPOINT_URL_$(tr 'a-z-' 'A-Z_' <<<"${1%api}")
  endpoint=${ENDPOINT_URL:-${!var:-${AWS_ENDPOINT_URL:-}}}
  AWS_WORDS=(aws)
  if [ -n "$PROFILE" ]; then AWS_WORDS+=(--profile "$PROFILE"); fi
  if [ -n "$endpoint" ]; then AWS_WORDS+=(--endpoint-url "$endpoint"); fi
  AWS_WORDS+=("$service")
}

# aws_cli SERVICE ARG...: an aws call through `run` (printed under --dry-run), with the profile and endpoint.
aws_cli() { aws_words "$1"; shift; run "${AWS_WORDS[@]}" "$@"; }

# aws_now SERVICE ARG...: an aws call whose output the script reads; made even under --dry-run.
aws_now() { aws_words "$1"; shift; "${AWS_WORDS[@]}" "$@"; }

require_tool() { command -v "$1" >/dev/null 2>&1 || fail "$1 not found on PATH ($2)"; }

# quote_command ARG...: the arguments as one line that a POSIX shell reads back as the same words.
quote_command() {
  local line="" arg
  for arg in "$@"; do
    if [[ $arg =~ ^[A-Za-z0-9_./:=@%+,-]+$ ]]; then
      line+=" $arg"
    else
      line+=" '${arg//\'/\'\\\'\'}'"
    fi
  done
  printf '%s\n' "${line# }"
}

# run ARG...: under --dry-run, prints the command on stdout; otherwise echoes it on stderr and runs it.
run() {
  if [ "$DRY_RUN" = true ]; then
    quote_command "$@"
  else
    printf '+ %s' "$(quote_command "$@")" >&2; echo >&2
    "$@"
  fi
}

# comment TEXT: a line that explains the next printed command (dry-run only, as a shell comment).
comment() { if [ "$DRY_RUN" = true ]; then echo "# $*"; fi; }

require_region() {
  [ -n "$REGION" ] || usage_error "no AWS region: pass --region or set AWS_REGION"
  [[ $REGION =~ ^[a-z]{2}(-[a-z]+)+-[0-9]+$ ]] || usage_error "--region '$REGION' is not an AWS region name (like eu-west-1)"
}

# check_name FLAG VALUE: a SageMaker resource name (model, job): 1-63 of [A-Za-z0-9-], no leading/trailing '-'.
check_name() {
  [[ $2 =~ ^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$ ]] ||
    usage_error "$1 '$2' is not a valid SageMaker name (1-63 letters, digits and '-', starting and ending with a letter or digit)"
}

# check_s3_uri FLAG VALUE: s3://bucket/... with a valid bucket name.
check_s3_uri() {
  [[ $2 =~ ^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$ ]] || usage_error "$1 '$2' is not an S3 URI (s3://bucket/key)"
}

# check_count FLAG VALUE MIN: a whole number >= MIN.
check_count() {
  if ! [[ $2 =~ ^[0-9]+$ ]] || [ "$2" -lt "$3" ]; then usage_error "$1 '$2' must be a whole number >= $3"; fi
}
