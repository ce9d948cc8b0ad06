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
