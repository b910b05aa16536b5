"""Moved to vigil.audit.drift (issue #15). This alias lets work begun before the move
land; it goes once nothing imports it."""

import sys

from vigil.audit import drift

sys.modules[__name__] = drift
