"""Remembered between launches (QSettings, INI format): window layout, last model, last input.

Tests and the smoke test redirect the folder with ``RNNVIZ_SETTINGS_DIR`` (or QSettings.setPath)
so that they never read or write the user's own settings.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QSettings

ORGANIZATION = "rnnviz"
APPLICATION = "rnnviz"
SETTINGS_DIR_ENV = "RNNVIZ_SETTINGS_DIR"


def redirect_from_env() -> None:
    """Point the INI settings at $RNNVIZ_SETTINGS_DIR when it is set (before any QSettings is made)."""
    folder = os.environ.get(SETTINGS_DIR_ENV)
    if folder:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)


def open_settings() -> QSettings:
    """The app's settings store (always INI, so QSettings.setPath redirects it)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def read_str(settings: QSettings, key: str, default: str = "") -> str:
    value = settings.value(key, default)
    return value if isinstance(value, str) else default


def read_int(settings: QSettings, key: str, default: int) -> int:
    try:
        return int(settings.value(key, default))
    except (TypeError, ValueError):
        return default


def read_bool(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default)
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)
