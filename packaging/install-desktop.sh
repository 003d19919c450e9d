#!/bin/sh
# Install the launcher entry, icons and AppStream metadata for the current user
# (under ${XDG_DATA_HOME:-~/.local/share}); see desktop-integration.sh for options.
exec "$(dirname -- "$0")/desktop-integration.sh" install "$@"
