"""Production: the base settings, which are production-safe; kept as a name to point servers at."""

from .base import *  # noqa: F403
