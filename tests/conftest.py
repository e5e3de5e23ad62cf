"""Suite-wide settings. Server fixtures live in tests/support/ and are imported by the test packages."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
