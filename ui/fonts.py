"""Bundled Korean font: Hangul must render even on machines without a Korean font."""

from PySide6.QtGui import QFont, QFontDatabase

import resources

FONT_FILE = resources.path("fonts", "NanumGothic.ttf")


def install_app_font(app) -> str | None:
    """Register Nanum Gothic and make it the application font; returns its family."""
    font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = QFont(app.font())
    font.setFamilies([families[0], *font.families()])
    app.setFont(font)
    return families[0]
