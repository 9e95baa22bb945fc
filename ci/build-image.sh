#!/usr/bin/env bash
# Builds coprobe's CI image (ci/Containerfile) with podman from a Debian 12 root made here by mmdebstrap, and runs commands in it.
#
#   bash ci/build-image.sh [--tag IMAGE] [--base IMAGE] [--refresh]   build (default tag localhost/coprobe-ci:latest)
#   bash ci/build-image.sh stage DIR                                  only stage the build context into DIR (for other builders)
#   bash ci/build-image.sh run [--tag IMAGE] [PODMAN-RUN-OPTION…] -- COMMAND…
#                                                                     podman run --rm --privileged IMAGE COMMAND…, with the
#                                                                     options this host needs and ~/.cache/coprobe/lab mounted
#
# Only Debian's archive and the npm registry are needed: the base is made by mmdebstrap (minbase plus ci/packages/runtime.txt)
# and imported; the Containerfile's RUN installs ci/packages/lab.txt with apt; coprobe is built here (tsc) and its production
# dependencies installed with `npm ci --omit=dev` (koffi's prebuilt binary for linux x64 kept, the other platforms' dropped).
# Caches, under ${XDG_CACHE_HOME:-~/.cache}/coprobe/image: the base tarball keyed by the hash of runtime.txt, the
# mmdebstrap options and ci/packages/dpkg-excludes.cfg (no docs, manual pages or translations), the production
# node_modules keyed by package-lock.json's hash; podman's own layer cache keeps the package layer while ci/packages/*
# and the base do not change. --refresh drops them all (a fresh base, current packages).
# --base IMAGE skips mmdebstrap (e.g. docker.io/library/debian:12 where a registry is reachable).
# Missing tools are installed with apt: podman, runc, mmdebstrap (Node.js and npm must be there: they build coprobe).
# Exit 0: built (or ran); non-zero: a step failed, named on stderr as "ci/build-image: …".
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "ci/build-image: $*" >&2; exit 1; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
# The packages of a ci/packages list, one a line, comments dropped.
packages() { sed 's/#.*//' "$1" | awk 'NF { print $1 }'; }

cache=${XDG_CACHE_HOME:-$HOME/.cache}/coprobe/image
tag=${COPROBE_IMAGE:-localhost/coprobe-ci:latest}
suite=bookworm
mirrors=("deb http://deb.debian.org/debian $suite main" "deb http://deb.debian.org/debian $suite-updates main"
  "deb http://deb.debian.org/debian-security $suite-security main")

# What podman needs on this host to run a container: nothing on most; where crun refuses a hybrid cgroup hierarchy and
# the runtime may not raise rlimits (no CAP_SYS_RESOURCE: measured here, a Firecracker VM), runc with the host's limits
# (RLIMIT_NPROC at most pid_max: higher is refused). Probed once against IMAGE; the options are printed.
podman_opts=()
probe_podman() {
  local image=$1 hn hu pm
  if podman run --rm --network none "$image" true >/dev/null 2>&1; then podman_opts=(); return 0; fi
  hn=$(ulimit -Hn); hu=$(ulimit -Hu); pm=$(cat /proc/sys/kernel/pid_max)
  if [ "$hu" = unlimited ] || [ "$hu" -gt "$pm" ]; then hu=$pm; fi
  podman_opts=(--runtime runc --ulimit "nofile=$hn:$hn" --ulimit "nproc=$hu:$hu")
  if command -v runc >/dev/null && podman "${podman_opts[0]}" "${podman_opts[1]}" run --rm --network none "${podman_opts[@]:2}" "$image" true >/dev/null 2>&1; then
    echo "ci/build-image: podman here needs ${podman_opts[*]} (crun cannot run on this cgroup hierarchy or rlimits)" >&2
    return 0
  fi
  podman run --rm --network none "$image" true >&2 || true
  die "podman cannot run a container here (the error is above); with runc and this host's rlimits it failed too"
}
# podman with the probed options (the runtime is a global option, the ulimits belong to run/build).
podman_run() { if [ ${#podman_opts[@]} -gt 0 ]; then podman --runtime runc run "${podman_opts[@]:2}" "$@"; else podman run "$@"; fi; }
podman_build() { if [ ${#podman_opts[@]} -gt 0 ]; then podman --runtime runc build "${podman_opts[@]:2}" "$@"; else podman build "$@"; fi; }

# Install podman, runc and mmdebstrap with apt when missing (the only registry a fresh machine reaches is Debian's), with
# their recommends (podman's: netavark for the build's network, fuse-overlayfs, catatonit); podman builds (buildah's code).
need_tools() {
  local need=()
  command -v podman >/dev/null || need+=(podman)
  command -v runc >/dev/null || need+=(runc)
  if [ "${1:-}" = mmdebstrap ]; then command -v mmdebstrap >/dev/null || need+=(mmdebstrap); fi
  if [ ${#need[@]} -gt 0 ]; then
    echo "ci/build-image: installing ${need[*]} (apt)" >&2
    [ "$(id -u)" = 0 ] || die "missing ${need[*]}: install them (apt-get install ${need[*]}) or run this as root"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; } \
      || die "apt-get install ${need[*]} failed"
  fi
}

# Stage the build context in DIR: ci/packages, coprobe/ (built here) and node_modules/ (production, cached by lock hash).
stage() {
  local dir=$1 t lockhash mods arch
  command -v npm >/dev/null || die "npm is needed to build coprobe and install its production dependencies: install Node.js (>= 20 for the build) first"
  t=$(now)
  if [ -x node_modules/.bin/tsc ]; then
    node_modules/.bin/tsc -p . || die "tsc failed: coprobe does not build"
  elif [ ! -f dist/src/cli/main.js ]; then
    die "dist/ is not built and TypeScript is not installed: run npm ci first"
  fi
  echo "ci/build-image: coprobe built ($(secs "$t") s)"
  t=$(now)
  lockhash=$(sha256sum package-lock.json | cut -c1-16)
  mods=$cache/node_modules-$lockhash
  if [ ! -d "$mods/node_modules" ]; then
    rm -rf "$mods.tmp" && mkdir -p "$mods.tmp"
    cp package.json package-lock.json "$mods.tmp/"
    (cd "$mods.tmp" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null) \
      || die "npm ci --omit=dev failed (the npm registry must be reachable)"
    # koffi ships every platform's prebuilt binary: keep this architecture's (the image's is the host's).
    arch=$(node -p 'process.arch')
    [ -d "$mods.tmp/node_modules/koffi/build/koffi/linux_$arch" ] || die "koffi has no prebuilt binary for linux_$arch"
    find "$mods.tmp/node_modules/koffi/build/koffi" -mindepth 1 -maxdepth 1 ! -name "linux_$arch" -exec rm -rf {} +
    rm -rf "$mods" && mv "$mods.tmp" "$mods"
    echo "ci/build-image: production dependencies installed ($(secs "$t") s, $(du -sh "$mods/node_modules" | cut -f1))"
  else
    echo "ci/build-image: production dependencies cached ($mods)"
  fi
  rm -rf "$dir/coprobe" "$dir/node_modules" "$dir/ci"
  mkdir -p "$dir/coprobe/dist" "$dir/coprobe/ci" "$dir/ci"
  cp -a ci/packages "$dir/ci/"
  cp -a ci/Containerfile "$dir/"
  cp -a bin package.json package-lock.json known-issues.json README.md "$dir/coprobe/"
  # The runtime's compiled code (dist/bench and the source maps are left out) and the Ceph scenarios' cluster script.
  for d in src native-bindings probes; do
    (cd dist && find "$d" -name '*.js' -exec cp --parents -t "$dir/coprobe/dist" {} +)
  done
  cp -a ci/ceph.sh "$dir/coprobe/ci/"
  cp -a "$mods/node_modules" "$dir/node_modules"
}

# The Debian 12 base: mmdebstrap's minbase with runtime.txt, as a tarball cached by its inputs' hash, imported once.
base_image() {
  local key tar t pkgs
  pkgs=$(packages ci/packages/runtime.txt | paste -sd, -)
  key=$( { echo "mmdebstrap --variant=minbase --include=$pkgs $suite"; printf '%s\n' "${mirrors[@]}"; cat ci/packages/dpkg-excludes.cfg; } | sha256sum | cut -c1-16)
  tar=$cache/base-$suite-$key.tar
  base=localhost/coprobe-base:$suite-$key
  if [ ! -s "$tar" ]; then
    t=$(now)
    echo "ci/build-image: making the Debian 12 base with mmdebstrap (minbase + $pkgs)"
    mmdebstrap --quiet --variant=minbase --include="$pkgs" --dpkgopt=ci/packages/dpkg-excludes.cfg --format=tar "$suite" "$tar.tmp" "${mirrors[@]}" \
      || { rm -f "$tar.tmp"; die "mmdebstrap failed (Debian's archive must be reachable)"; }
    mv "$tar.tmp" "$tar"
    echo "ci/build-image: base made ($(secs "$t") s, $(du -h "$tar" | cut -f1))"
  else
    echo "ci/build-image: base cached ($tar)"
  fi
  if ! podman image exists "$base"; then
    t=$(now)
    podman import --quiet --change 'CMD ["/bin/bash"]' --change 'ENV LANG=C.UTF-8' "$tar" "$base" >/dev/null || die "podman import $tar failed"
    echo "ci/build-image: base imported as $base ($(secs "$t") s)"
  fi
}

cmd=build
case "${1:-}" in build | run | stage) cmd=$1; shift ;; esac

if [ "$cmd" = stage ]; then
  [ $# -eq 1 ] || die "usage: ci/build-image.sh stage DIR"
  mkdir -p "$1" && stage "$(cd "$1" && pwd)"
  echo "ci/build-image: context staged in $1 (build it with: podman build -f $1/Containerfile --build-arg BASE=… $1)"
  exit 0
fi

if [ "$cmd" = run ]; then
  run_opts=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do
    case "$1" in --tag) tag=$2; shift 2 ;; *) run_opts+=("$1"); shift ;; esac
  done
  [ "${1:-}" = -- ] && shift
  [ $# -gt 0 ] || die "usage: ci/build-image.sh run [--tag IMAGE] [PODMAN-RUN-OPTION…] -- COMMAND…"
  need_tools
  podman image exists "$tag" || die "no image $tag: build it first (bash ci/build-image.sh)"
  probe_podman "$tag"
  # The lab's kernel cache outlives the container (the kernel is fetched once per package version).
  labcache=${XDG_CACHE_HOME:-$HOME/.cache}/coprobe/lab
  mkdir -p "$labcache"
  exec_status=0
  podman_run --rm --privileged -v "$labcache:/root/.cache/coprobe/lab" ${run_opts[@]+"${run_opts[@]}"} "$tag" "$@" || exec_status=$?
  exit "$exec_status"
fi

# build
base=
refresh=
while [ $# -gt 0 ]; do
  case "$1" in
    --tag) tag=$2; shift 2 ;;
    --base) base=$2; shift 2 ;;
    --refresh) refresh=1; shift ;;
    *) die "unknown option $1 (usage: ci/build-image.sh [--tag IMAGE] [--base IMAGE] [--refresh])" ;;
  esac
done
start=$(now)
if [ -z "$base" ]; then need_tools mmdebstrap; else need_tools; fi
mkdir -p "$cache"
old_image=
if [ -n "$refresh" ]; then
  echo "ci/build-image: --refresh: dropping the cached base and dependencies"
  old_image=$(podman image inspect "$tag" --format '{{.Id}}' 2>/dev/null || true)
  rm -f "$cache"/base-*.tar && rm -rf "$cache"/node_modules-*
  podman images --format '{{.Repository}}:{{.Tag}}' | grep '^localhost/coprobe-base:' | xargs -r podman rmi -f >/dev/null || true
fi
if [ -z "$base" ]; then base_image; else podman image exists "$base" || podman pull -q "$base" >/dev/null || die "cannot pull $base"; fi
probe_podman "$base"
t=$(now)
context=$cache/context
mkdir -p "$context"
stage "$context"
echo "ci/build-image: context staged ($(secs "$t") s, $(du -sh "$context" | cut -f1))"
t=$(now)
build_opts=(--layers --pull=never --build-arg "BASE=$base" -f "$context/Containerfile" -t "$tag")
[ -z "$refresh" ] || build_opts+=(--no-cache)
[[ "$base" == localhost/* ]] || build_opts=("${build_opts[@]/--pull=never/--pull=missing}")
# The build's full output goes to a log; its steps (and cache hits) are shown, the log's tail on failure.
log=$cache/build.log
if ! podman_build "${build_opts[@]}" "$context" > "$log" 2>&1; then
  tail -n 40 "$log" >&2
  die "podman build failed (the log's tail is above; all of it: $log)"
fi
grep -E '^(STEP [0-9]+/[0-9]+: (FROM|COPY|RUN) |--> Using cache)' "$log" | cut -c1-110 | sed 's/^/  /'
echo "ci/build-image: image built ($(secs "$t") s)"
# After --refresh the previous image shares no layer with the new one: remove it (if nothing else uses it).
[ -z "$old_image" ] || podman rmi "$old_image" >/dev/null 2>&1 || true
size=$(podman image inspect "$tag" --format '{{.Size}}' | awk '{ printf "%.0f MB", $1 / 1e6 }')
echo "ci/build-image: $tag built in $(secs "$start") s, $size (run: bash ci/build-image.sh run -- coprobe lab --list)"
