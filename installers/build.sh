#!/usr/bin/env bash
# The one command that builds the Linux bundle from a fresh clone:
#     bash installers/build.sh
# → dist/Mail Setup Assistant/ (one-folder app) and dist/mail-setup-assistant-<version>-linux-<arch>.tar.gz
# Needs python3 (3.11+) with venv, and binutils (PyInstaller reads and strips the libraries). Extra
# arguments go to installers/build.py (e.g. --dist DIR --work DIR). MSA_BUILD_SKIP_PIP=1 skips the install.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
if [ "${MSA_BUILD_SKIP_PIP:-0}" != 1 ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[build]'
fi
exec .venv/bin/python installers/build.py linux "$@"
