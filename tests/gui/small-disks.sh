#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a command with two small file systems of its own, in a private
# mount namespace (as root, or as a user through a user namespace):
#   EE_TEST_FULL_DIR      a full disk that holds "page.json" as it was
#   EE_TEST_READONLY_DIR  a read-only file system (root ignores permissions,
#                         so a read-only folder would not do)
# Exits 77 (skipped) where namespaces or mounts are not allowed.
#   small-disks.sh COMMAND [ARGUMENT…]
set -u

if [ -z "${EE_SMALL_DISKS:-}" ]; then
  export EE_SMALL_DISKS=1
  if [ "$(id -u)" = 0 ]; then
    unshare --mount --propagation private "$0" "$@"
  else
    unshare --mount --user --map-root-user "$0" "$@"
  fi
  status=$?
  # unshare itself failing (no namespaces here) is a skip, not a failure.
  [ $status = 1 ] && ! unshare --mount true 2>/dev/null && ! unshare --mount --user true 2>/dev/null && exit 77
  exit $status
fi

root=$(mktemp -d)
trap 'umount "$root/full" "$root/readonly" 2>/dev/null; rm -rf "$root"' EXIT
mkdir "$root/full" "$root/readonly"
mount -t tmpfs -o size=256k,mode=0755 tmpfs "$root/full" || exit 77
mount -t tmpfs -o ro,size=64k,mode=0755 tmpfs "$root/readonly" || exit 77

printf '{"format": "ldt4ssc-ecosystem-page", "the file as it was": true}\n' > "$root/full/page.json"
# Fill what is left; writing fails from here on.
dd if=/dev/zero of="$root/full/filler" bs=4096 2>/dev/null
[ "$(df --output=avail "$root/full" | tail -1)" -le 0 ] || { echo "could not fill the disk" >&2; exit 1; }

export EE_TEST_FULL_DIR="$root/full" EE_TEST_READONLY_DIR="$root/readonly"
"$@"
