"""The app's persistent preferences: one place for the QSettings names and factory.

Every part that remembers something between sessions (window layout, recent files,
the last import folder) opens its QSettings through :func:`app_settings`, so the
organisation and application names are written once and no module has to import
the main window for them.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

SETTINGS_ORG, SETTINGS_APP = "ANN Simulator", "ann-sim"

#: Keys, grouped by the part that owns them.
WINDOW_GEOMETRY, WINDOW_STATE = "window/geometry", "window/state"
RECENT_FILES, LAST_FOLDER = "files/recent", "files/last_folder"
SCREENSHOT_SCALE = "files/screenshot_scale"
IMPORT_DIR = "data/import_dir"
#: The first-start welcome: offered at all (False for tests, classroom installs), and done.
LESSONS_WELCOME, LESSONS_WELCOMED = "lessons/welcome", "lessons/welcomed"
#: "en" or "ko" chosen in View > Language; absent: the system's language.
LANGUAGE = "ui/language"


#: An INI file to keep the settings in instead of the user's (a portable install, a
#: classroom image, the GUI benchmarks' fresh layout).
SETTINGS_FILE_ENV = "ANN_SIM_SETTINGS"


def app_settings() -> QSettings:
    """The app's QSettings: the file named by ``ANN_SIM_SETTINGS``, else the user's
    config folder (per platform)."""
    path = os.environ.get(SETTINGS_FILE_ENV)
    if path:
        return QSettings(path, QSettings.IniFormat)
    return QSettings(SETTINGS_ORG, SETTINGS_APP)
