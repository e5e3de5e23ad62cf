"""Mail Setup Assistant: from an email address to a correctly and safely configured mail client."""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("mail-setup-assistant")
except metadata.PackageNotFoundError:  # running from a source tree or a frozen bundle without metadata
    __version__ = "0.1.0"

APP_NAME = "Mail Setup Assistant"
