# Sourced by the project's scripts: makes sure Debian/Ubuntu packages are installed.
# ensure_packages PKG...: installs the missing ones when run as root with apt-get, otherwise
# stops with a message that names them.

ensure_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "note: not a Debian-based system; make sure these (or their equivalents) are" \
             "installed: $*" >&2
        return 0
    fi
    local missing=() pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing missing packages: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}"
    else
        echo "error: missing packages: ${missing[*]}" >&2
        echo "Install them (as root): apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
}

# ensure_foreign_architecture ARCH: lets dpkg install ARCH's packages beside the native ones
# (Debian multiarch, e.g. arm64 libraries for a cross build). Adds the architecture when run as
# root; ensure_packages then refreshes the package lists before it installs. Otherwise stops
# with the command to run.
ensure_foreign_architecture() {
    command -v dpkg >/dev/null 2>&1 || return 0
    local arch=$1
    if [ "$(dpkg --print-architecture)" = "$arch" ] ||
        dpkg --print-foreign-architectures | grep -qx "$arch"; then
        return 0
    fi
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Adding the package architecture $arch (dpkg --add-architecture $arch)"
        dpkg --add-architecture "$arch"
    else
        echo "error: dpkg does not install $arch packages here" >&2
        echo "Enable them (as root): dpkg --add-architecture $arch && apt-get update" >&2
        exit 1
    fi
}
