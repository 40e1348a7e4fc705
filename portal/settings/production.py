"""Production: the base settings, which are production-safe, with JSON log lines (LOG_FORMAT=plain to
read them by eye)."""

from .base import *  # noqa: F403
from .base import LOGGING, env

LOGGING["handlers"]["console"]["formatter"] = env("LOG_FORMAT", "json")
