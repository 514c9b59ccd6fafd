#!/usr/bin/env bash
# Packs a model folder into the model.tar.gz that SageMaker unpacks into /opt/ml/model, and optionally
# uploads it to S3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$here/lib/common.sh"

usage() {
  cat <<'TXT'
Usage: scripts/package-model.sh --model NAME|DIR [--output FILE] [--upload S3_URI] [--region REGION] [--profile NAME] [--endpoint-url URL] [--dry-run]

Packs the files of a model folder (model/NAME, or any DIR) into a gzip tar whose entries sit at the archive
root, as SageMaker expects: it unpacks ModelDataUrl into /opt/ml/model. The archive is reproducible (sorted
names, owner 0, mtime 0, no gzip timestamp), so the same folder always gives the same bytes.

  --model NAME|DIR   a folder under model/ (churn, forecast) or a path to a folder
  --output FILE      where to write the archive (default: target/model/NAME/model.tar.gz)
  --upload S3_URI    copy the archive there with `aws s3 cp`; a URI ending in / gets model.tar.gz appended
  --region REGION    AWS region for the upload (default: $AWS_REGION or $AWS_DEFAULT_REGION)
  --profile NAME     AWS CLI profile for every aws call (default: $AWS_PROFILE, as the CLI reads it)
  --endpoint-url URL send every aws call there, e.g. a simulator such as moto_server (default:
                     $AWS_ENDPOINT_URL_<SERVICE>, then $AWS_ENDPOINT_URL, passed to the CLI explicitly: the AWS
                     CLI before 2.13 ignores them and would reach real AWS)
  --dry-run          still write the archive, but print the AWS CLI call instead of running it
  -h, --help         this text

Prints the archive path (or, with --upload, the S3 URI to pass as --model-data to create-model.sh).
TXT
}

model="" output="" upload=""
while [ $# -gt 0 ]; do
  case "$1" in
    --model) need_value "$@"; model=$2; shift 2 ;;
    --output) need_value "$@"; output=$2; shift 2 ;;
    --upload) need_value "$@"; upload=$2; shift 2 ;;
    *) common_flag "$@"; shift "$SHIFT" ;;
  esac
done

[ -n "$model" ] || usage_error "--model is required"
if [[ $model == */* ]]; then dir=$model; else dir="$here/../model/$model"; fi
[ -d "$dir" ] || usage_error "--model '$model': no folder $dir"
dir=$(cd "$dir" && pwd)
name=$(basename "$dir")
[ -n "$output" ] || output="$here/../target/model/$name/model.tar.gz"
if [ -n "$upload" ]; then
  check_s3_uri --upload "$upload"
  [[ $upload == */ ]] && upload="${upload}model.tar.gz"
  require_region
fi

# The folder's files, relative, sorted; dotfiles are refused because a model loader may read every file.
mapfile -t files < <(cd "$dir" && find . -mindepth 1 ! -type d -printf '%P\n' | LC_ALL=C sort)
[ ${#files[@]} -gt 0 ] || usage_error "--model '$model': $dir has no files"
for f in "${files[@]}"; do
  [[ /$f != */.* ]] || usage_error "--model '$model': hidden file $f would land in /opt/ml/model; remove it"
done

mkdir -p "$(dirname "$output")"
output="$(cd "$(dirname "$output")" && pwd)/$(basename "$output")"
tar -C "$dir" --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 --format=gnu -cf - -- "${files[@]}" |
  gzip -n -9 >"$output.tmp"
mv "$output.tmp" "$output"
note "wrote $output ($(wc -c <"$output") bytes): ${files[*]}"

if [ -n "$upload" ]; then
  aws_cli s3 cp "$output" "$upload" --region "$REGION"
  [ "$DRY_RUN" = true ] || echo "$upload"
else
  echo "$output"
fi
