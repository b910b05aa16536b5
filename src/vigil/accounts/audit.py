"""Moved to vigil.audit.log (issue #15). This alias lets work begun before the move
land; it goes once nothing imports it."""

import sys

from vigil.audit import log

sys.modules[__name__] = log
