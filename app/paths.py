"""Where Siyu keeps things: the user's data folder, resources (also inside a PyInstaller build)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "Siyu"


def data_dir() -> Path:
    """The user's data folder (``SIYU_DATA_DIR`` overrides it, e.g. in tests). Created on first use."""
    override = os.environ.get("SIYU_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_DIR_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "siyu.db"


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def logs_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """``resources/`` beside ``app/`` in a checkout, or inside the PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
