"""Entry point of the desktop app: ``ann-sim [PROJECT] [options]``."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtWidgets import QApplication

from . import i18n, linux_libs
from .fonts import install_app_font


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="ann-sim", description="ANN Simulator — 인공신경망 시뮬레이터")
    p.add_argument("project", nargs="?", help="project file (.annproj) to open")
    p.add_argument("--train-epochs", type=int, metavar="N",
                   help="train N epochs in the app (the same worker as the Train button)")
    p.add_argument("--screenshot", metavar="PATH", help="save a window screenshot (PNG or SVG)")
    p.add_argument("--export-weights", metavar="PATH",
                   help="export the weights (.npz, .json, .csv, .onnx by suffix)")
    p.add_argument("--quit", action="store_true", help="quit after the steps above")
    p.add_argument("--lang", choices=("auto", "en", "ko"), default="auto",
                   help="interface language (default: the system's)")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if QApplication.instance() is None:
        problem = linux_libs.check_xcb()  # instead of Qt's bare "could not load ... xcb"
        if problem:
            print(problem, file=sys.stderr)
            return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ANN Simulator")
    app.setOrganizationName("ANN Simulator")
    install_app_font(app)
    i18n.install(app, args.lang)

    from .main_window import MainWindow
    window = MainWindow()
    window.show()
    from . import startup
    status = startup.run(window, args)  # open PROJECT, --train-epochs, --screenshot, ...
    if status is None:
        status = app.exec()
    # Tear down before interpreter exit: plot widgets alive at finalization can abort it.
    window.close()
    window.deleteLater()
    app.processEvents()
    return int(status)


if __name__ == "__main__":
    sys.exit(main())
