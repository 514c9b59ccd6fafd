#!/usr/bin/env bash
# Builds the batchserve image and pushes it to Amazon ECR: login, create the repository when missing, tag, push.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$here/lib/common.sh"

usage() {
  cat <<'TXT'
Usage: scripts/build-and-push.sh [--account-id ID] [--repository NAME] [--tag TAG] [--base-image IMAGE]
                                 [--no-build] [--platform PLATFORM]
                                 [--region REGION] [--profile NAME] [--endpoint-url URL] [--dry-run]

1. docker build (from the Dockerfile at the project root; needs target/batchserve.jar: mvn -B package)
2. aws ecr describe-repositories, and aws ecr create-repository when it is missing (scan on push)
3. aws ecr get-login-password | docker login
4. docker tag and docker push ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPOSITORY:TAG

  --account-id ID     the 12-digit AWS account (default: asked from `aws sts get-caller-identity`;
                      required with --dry-run, which calls nothing)
  --repository NAME   the ECR repository (default: batchserve)
  --tag TAG           the image tag (default: the git commit, short, with -dirty for uncommitted changes)
  --base-image IMAGE  passed as the BASE_IMAGE build argument (default: the Dockerfile's)
  --no-build          push the local image batchserve:TAG as it is
  --platform PLATFORM the image's platform (default: linux/amd64, what ml.* instances run; an image built
                      for arm64 on an ARM laptop would not start on them)
  --region REGION     AWS region (default: $AWS_REGION or $AWS_DEFAULT_REGION)
  --profile NAME      AWS CLI profile for every aws call (default: $AWS_PROFILE, as the CLI reads it)
  --endpoint-url URL  send every aws call there, e.g. a simulator such as moto_server (default:
                      $AWS_ENDPOINT_URL_<SERVICE>, then $AWS_ENDPOINT_URL, passed to the CLI explicitly: the AWS
                      CLI before 2.13 ignores them and would reach real AWS)
  --dry-run           print the docker and AWS CLI calls instead of running them
  -h, --help          this text

Prints the pushed image URI last (for create-model.sh --image).
TXT
}

account="" repository=batchserve tag="" base_image="" build=true platform=linux/amd64
while [ $# -gt 0 ]; do
  case "$1" in
    --account-id) need_value "$@"; account=$2; shift 2 ;;
    --repository) need_value "$@"; repository=$2; shift 2 ;;
    --tag) need_value "$@"; tag=$2; shift 2 ;;
    --base-image) need_value "$@"; base_image=$2; shift 2 ;;
    --no-build) build=false; shift ;;
    --platform)
      need_value "$@"
      [[ $2 =~ ^[a-z0-9]+/[a-z0-9]+(/[a-z0-9]+)?$ ]] || usage_error "--platform '$2' is not OS/ARCH (like linux/amd64)"
      platform=$2; shift 2 ;;
    *) common_flag "$@"; shift "$SHIFT" ;;
  esac
done

require_region
if ! [[ $repository =~ ^[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*$ ]] || [ ${#repository} -gt 256 ]; then
  usage_error "--repository '$repository' is not an ECR repository name (lowercase letters, digits, . _ - /)"
fi
if [ -z "$tag" ]; then
  tag=$(git -C "$here/.." rev-parse --short=12 HEAD 2>/dev/null) || usage_error "not in a git checkout: pass --tag"
  git -C "$here/.." diff --quiet HEAD 2>/dev/null || tag="$tag-dirty"
fi
[[ $tag =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ ]] || usage_error "--tag '$tag' is not a valid image tag"
if [ -n "$account" ]; then
  [[ $account =~ ^[0-9]{12}$ ]] || usage_error "--account-id '$account' is not a 12-digit AWS account id"
elif [ "$DRY_RUN" = true ]; then
  usage_error "--dry-run needs --account-id (a dry run asks AWS nothing)"
else
  require_tool aws "install the AWS CLI"
  account=$(aws_now sts get-caller-identity --query Account --output text --region "$REGION")
fi

local_image="batchserve:$tag"
registry="$account.dkr.ecr.$REGION.amazonaws.com"
remote_image="$registry/$repository:$tag"

if [ "$build" = true ]; then
  project=$(cd "$here/.." && pwd)
  if [ ! -f "$project/target/batchserve.jar" ]; then
    [ "$DRY_RUN" = true ] || fail "target/batchserve.jar not found: run mvn -B package first"
    note "target/batchserve.jar is missing: run mvn -B package before the real build"
  fi
  build_args=()
  [ -z "$base_image" ] || build_args=(--build-arg "BASE_IMAGE=$base_image")
  run docker build --platform "$platform" "${build_args[@]}" -t "$local_image" "$project"
fi

comment "the repository, created when missing"
if [ "$DRY_RUN" = true ]; then
  aws_cli ecr describe-repositories --region "$REGION" --repository-names "$repository"
  comment "only when that answers RepositoryNotFoundException:"
  aws_cli ecr create-repository --region "$REGION" --repository-name "$repository" \
    --image-scanning-configuration scanOnPush=true
elif ! out=$(aws_cli ecr describe-repositories --region "$REGION" --repository-names "$repository" 2>&1); then
  [[ $out == *RepositoryNotFoundException* ]] || fail "aws ecr describe-repositories failed: $out"
  aws_cli ecr create-repository --region "$REGION" --repository-name "$repository" \
    --image-scanning-configuration scanOnPush=true >/dev/null
fi

comment "login: the password goes through a pipe, never the command line"
if [ "$DRY_RUN" = true ]; then
  aws_words ecr
  echo "$(quote_command "${AWS_WORDS[@]}" get-login-password --region "$REGION") | docker login --username AWS --password-stdin $registry"
else
  aws_now ecr get-login-password --region "$REGION" | run docker login --username AWS --password-stdin "$registry"
fi
run docker tag "$local_image" "$remote_image"
run docker push "$remote_image"
[ "$DRY_RUN" = true ] || echo "$remote_image"
