# Shared by the benchmark scripts: messages, and the release binary they measure.
# Source it after setting `root` (the repository) and before parsing options.

bench_name="$(basename "$0")"

die() { echo "$bench_name: $*" >&2; exit 1; }

section() { printf '\n==> %s\n' "$*" >&2; }

# Prints the path of the chronicle release binary, building it into .build-release first.
release_binary() {
    command -v swift >/dev/null || die "missing swift (or pass --bin PATH)"
    section "Building release binary (swift build -c release --product chronicle --scratch-path .build-release)"
    (cd "$root" && swift build -c release --product chronicle --scratch-path .build-release >&2) || die "swift build failed"
    echo "$(cd "$root" && swift build -c release --scratch-path .build-release --show-bin-path)/chronicle"
}
