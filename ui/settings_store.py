"""The app's persistent preferences: one place for the QSettings names and factory.

Every part that remembers something between sessions (window layout, recent files,
the last import folder) opens its QSettings through :func:`app_settings`, so the
organisation and application names are written once and no module has to import
the main window for them.
"""

from __future__ import annotations

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


def app_settings() -> QSettings:
    """The app's QSettings (the user's config folder, per platform)."""
    return QSettings(SETTINGS_ORG, SETTINGS_APP)
