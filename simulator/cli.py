"""Headless command line: train a project without the GUI (no Qt is imported).

    python -m simulator train xor.annproj --epochs 500 --export w.onnx --save trained.annproj
    python -m simulator grid xor.annproj --hidden 2 4 4,4 --lr 0.1 1 --seeds 3 --epochs 500
    ann-sim-cli train xor.annproj --epochs 500

Exit status: 0 on success, 2 for bad arguments or a file that cannot be read or written
(with a one-line message, no traceback), 130 when interrupted with Ctrl+C.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

from .errors import SimulatorError

EXIT_OK, EXIT_ERROR, EXIT_INTERRUPTED = 0, 2, 130


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own exit status is 2 as well; keep one line
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m simulator",
                description="ANN Simulator without the GUI (인공신경망 시뮬레이터, 명령줄).")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND",
                           parser_class=_Parser)
    t = sub.add_parser("train", help="train a project for a number of epochs",
                       description="Open PROJECT, train it for N epochs with its own settings "
                                   "and data, print the final statistics, and optionally save "
                                   "the trained project and export its weights.")
    t.add_argument("project", metavar="PROJECT", help="project file (.annproj)")
    t.add_argument("--epochs", type=_epochs, required=True, metavar="N",
                   help="epochs to train (0: only export/save)")
    t.add_argument("--export", metavar="PATH",
                   help="export the trained weights (.npz, .json, .csv, .zip or .onnx)")
    t.add_argument("--save", metavar="PATH",
                   help="save the trained project (.annproj), history included")
    t.add_argument("--quiet", action="store_true", help="no progress bar")
    t.add_argument("--patience", type=_patience, metavar="N",
                   help="early stopping: stop when the test loss (without test data: the "
                        "training loss) has not improved for N epochs; 0 turns it off "
                        "(default: the project's setting)")
    t.add_argument("--restore-best", action=argparse.BooleanOptionalAction, default=None,
                   help="on early stopping, go back to the best epoch's weights "
                        "(default: the project's setting)")
    from .experiments.command import add_parser as add_grid_parser
    add_grid_parser(sub)
    return p


def whole_number(what: str, lo: int, hi: int | None = None):
    """An argparse type: a whole number from ``lo`` to ``hi`` (None: no upper bound), with a
    message naming ``what``; shared by every command."""
    def parse(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
        if n < lo or (hi is not None and n > hi):
            bound = f"between {lo} and {hi}" if hi is not None else f"{lo} or more"
            raise argparse.ArgumentTypeError(f"{what} must be {bound}, got {n}")
        return n
    return parse


#: Most epochs one command trains (the packed history keeps them small).
MAX_EPOCHS = 10_000_000
_epochs = whole_number("epochs", 0, MAX_EPOCHS)
_patience = whole_number("patience", 0)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2)
        return int(exc.code or 0)
    try:
        if args.command == "train":
            return train(args)
        if args.command == "grid":
            from .experiments.command import run as grid
            return grid(args)
    except SimulatorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_ERROR  # pragma: no cover - argparse requires a command


def train(args) -> int:
    from .datasets import Dataset
    from .export import export_network
    from .project import Project, load_project, save_project
    from .trainer import Trainer

    for path, suffixes in ((args.export, (".npz", ".json", ".csv", ".zip", ".onnx")),
                           (args.save, (".annproj",))):
        if path and Path(path).suffix.lower() not in suffixes:
            print(f"error: '{path}' must end with {', '.join(suffixes)}", file=sys.stderr)
            return EXIT_ERROR
    project = load_project(args.project)
    doc = project.to_document()  # checks that network, settings and data fit together
    stopping = {k: v for k, v in (("patience", args.patience),
                                  ("restore_best", args.restore_best)) if v is not None}
    doc.settings = doc.settings.replace(**stopping)  # saved with the project: how it trained
    net = doc.build_network()
    # The packed History (8 bytes a number), not a list of dicts (~1.4 KB an epoch: a
    # 10,000,000-epoch run would have needed ~13 GB). Its rows were checked on loading.
    history = doc.history
    train_set: Dataset = doc.data.train
    test_set: Dataset = doc.data.test
    has_test = len(test_set) > 0
    print(f"{Path(args.project).name}: network {'-'.join(map(str, net.sizes))} "
          f"({', '.join(net.activations)}), data '{doc.dataset.name}' "
          f"{len(train_set)} train / {len(test_set)} test rows, "
          f"{doc.settings.optimizer} lr {doc.settings.learning_rate:g} "
          f"batch {doc.settings.batch_size}", file=sys.stderr)

    trained, last = 0, None
    if args.epochs > 0:
        try:
            trainer = Trainer.from_settings(net, doc.settings, epoch_limit=0)
        except (ValueError, SimulatorError) as exc:
            print(f"error: cannot train this project: {exc}", file=sys.stderr)
            return EXIT_ERROR
        trainer.epoch = int(history[-1].get("epoch", len(history))) if history else 0
        bar = _Progress(args.epochs, enabled=not args.quiet)
        try:
            for stats in trainer.iter_epochs(
                    train_set.X, train_set.Y, args.epochs,
                    test_set.X if has_test else None, test_set.Y if has_test else None):
                last = stats.to_dict()
                history.append(last)
                trained += 1
                bar.update(trained, stats)
        finally:
            bar.close()

    if last is not None:
        _print_summary(last, trained)
    else:
        print("no training (--epochs 0)")
    if args.save:
        out = Project(network=net, settings=doc.settings, data_source=doc.data_source,
                      dataset=project.dataset, history=history, runs=doc.runs, grid=doc.grid,
                      title=doc.title, description=doc.description)
        save_project(out, args.save)
        print(f"saved project: {args.save}")
    if args.export:
        written = export_network(net, args.export, doc.data.features)
        kind = "folder of CSV tables" if written.is_dir() else "file"
        print(f"exported weights: {written} ({kind})")
    return EXIT_OK


def _fmt(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, float) and not math.isfinite(v):
        return str(v)
    return f"{v:.4f}" if isinstance(v, float) else str(v)


def _print_summary(last: dict, trained: int) -> None:
    metric = last.get("metric", "accuracy")
    print(f"epochs trained: {trained} (total {last.get('epoch')})")
    print(f"train loss: {_fmt(last.get('train_loss'))}   test loss: "
          f"{_fmt(last.get('test_loss'))}")
    print(f"train {metric}: {_fmt(last.get('train_metric'))}   test {metric}: "
          f"{_fmt(last.get('test_metric'))}")
    print(f"time: {last.get('elapsed', 0.0):.2f} s")
    if last.get("status", "ok") != "ok":
        print(f"training ended early ({last['status']}): {last.get('message', '')}")


class _Progress:
    """``[#######.............]  35/100 epochs  loss 0.1234`` on stderr, at most 10 times a
    second on a terminal, every 10% when stderr is a file or pipe."""

    WIDTH = 30

    def __init__(self, total: int, enabled: bool = True) -> None:
        self.total, self.enabled = total, enabled
        self.tty = enabled and sys.stderr.isatty()
        self._last = 0.0
        self._step = -1

    def update(self, done: int, stats) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if self.tty:
            if done < self.total and now - self._last < 0.1:
                return
        else:
            step = done * 10 // self.total
            if step == self._step and done < self.total:
                return
            self._step = step
        self._last = now
        filled = done * self.WIDTH // self.total
        line = (f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {done:>{len(str(self.total))}}"
                f"/{self.total} epochs  loss {_fmt(stats.train_loss)}")
        if stats.test_loss is not None:
            line += f"  test {_fmt(stats.test_loss)}"
        sys.stderr.write(("\r" + line) if self.tty else (line + "\n"))
        sys.stderr.flush()

    def close(self) -> None:
        if self.tty:
            sys.stderr.write("\n")
            sys.stderr.flush()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
