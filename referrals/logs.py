"""Logging that keeps patient data out.

The service logs ids, codes and counts, never names, DOBs, member ids or file contents.
pyx12 logs every bad value it meets (which is PHI); its logger is cut off from our handlers.
"""

from __future__ import annotations

import logging

_THIRD_PARTY_LOGGERS_WITH_VALUES = ("pyx12",)


def silence_value_loggers() -> None:
    """Stop libraries that log data values from reaching any handler."""
    for name in _THIRD_PARTY_LOGGERS_WITH_VALUES:
        lib_logger = logging.getLogger(name)
        lib_logger.handlers[:] = [logging.NullHandler()]
        lib_logger.propagate = False
        lib_logger.setLevel(logging.CRITICAL + 1)


_CHATTY_LOGGERS = ("alembic",)  # schema-migration chatter on every start: warnings only


def configure_logging(level: str = "INFO") -> None:
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s")
    silence_value_loggers()
    for name in _CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLogger().level))
