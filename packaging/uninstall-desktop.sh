#!/bin/sh
# Remove exactly what install-desktop.sh installed; see desktop-integration.sh.
exec "$(dirname -- "$0")/desktop-integration.sh" uninstall "$@"
