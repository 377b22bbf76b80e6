"""Data files shipped with the app: fonts, datasets, example projects, icons, translations."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """Absolute path of a bundled resource, e.g. ``path("fonts", "NanumGothic.ttf")``."""
    return ROOT.joinpath(*parts)
