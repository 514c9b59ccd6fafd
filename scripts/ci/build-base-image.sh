#!/usr/bin/env bash
# Builds a local JRE base image from Debian packages, for machines where no container registry is reachable.
# debootstrap (minbase bookworm) + openjdk-17-jre-headless + libgomp1, trimmed, then `docker import`.
# Prints the image name on stdout; everything else goes to stderr.
set -euo pipefail

usage() {
  cat <<'TXT'
Usage: scripts/ci/build-base-image.sh [--tag NAME] [--mirror URL] [--rebuild]

Builds a Debian 12 (bookworm) image with a headless OpenJDK 17 JRE and libgomp1 with debootstrap and
imports it into the Docker daemon named by DOCKER_HOST. Skips the build when the image already exists
(unless --rebuild). Prints the image name. Needs root, debootstrap and a reachable Debian mirror.

  --tag NAME     image name (default: batchserve-base:bookworm-jre17)
  --mirror URL   Debian mirror (default: http://deb.debian.org/debian)
  --rebuild      build even when the image exists
  -h, --help     this text
TXT
}

tag=batchserve-base:bookworm-jre17
mirror=http://deb.debian.org/debian
rebuild=false
while [ $# -gt 0 ]; do
  case "$1" in
    --tag) tag=${2:?"--tag needs a value"}; shift 2 ;;
    --mirror) mirror=${2:?"--mirror needs a value"}; shift 2 ;;
    --rebuild) rebuild=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "build-base-image.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

if [ "$rebuild" = false ] && docker image inspect "$tag" >/dev/null 2>&1; then
  echo "build-base-image.sh: reusing $tag" >&2
  echo "$tag"
  exit 0
fi

rootfs=$(mktemp -d /var/tmp/batchserve-rootfs.XXXXXX)
cleanup() {
  umount "$rootfs/proc" 2>/dev/null || true
  rm -rf "$rootfs"
}
trap cleanup EXIT

echo "build-base-image.sh: debootstrap bookworm into $rootfs" >&2
debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >&2
mount -t proc proc "$rootfs/proc"
# ca-certificates-java runs java in its postinst: it needs /proc.
chroot "$rootfs" /usr/bin/env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q --no-install-recommends openjdk-17-jre-headless libgomp1 >&2
chroot "$rootfs" apt-get clean
chroot "$rootfs" java -version >&2   # before umount: the launcher finds libjli.so through /proc/self/exe
umount "$rootfs/proc"
# What a server image never reads: package lists and caches, documentation, manuals, translations.
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/log/* \
  "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/*

tar -C "$rootfs" --numeric-owner -c . |
  docker import \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'ENV LANG=C.UTF-8' \
    -c 'CMD ["/bin/bash"]' \
    - "$tag" >&2
echo "$tag"
