"""``python main.py train``: train headless, progress on stderr, the result as one JSON line on stdout.

The last stdout line is always a JSON object (also after a stop or a divergence), so scripts and CI can
read ``test_accuracy``, ``best_val_accuracy``, ``epochs`` and ``seconds`` from it.
Exit status: 0 finished, 1 diverged, 2 bad options or no dataset, 130 stopped with Ctrl-C.
"""
from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import time
from dataclasses import fields
from datetime import datetime, timezone
from pathlib import Path

from rnnviz.data import DatasetError, ImdbNotFound, LoadCancelled

from .checkpoint import save_model
from .config import ACTIVATIONS, CELLS, DATASETS, GATE_INITS, FIELD_HELP, LR_SCHEDULES, OPTIMIZERS, ConfigError, TrainConfig
from .control import TrainControl
from .datasets import IMDB_HELP, load_dataset
from .paths import default_model_path
from .progress import ProgressPrinter, format_duration
from .trainer import Trainer

EXIT_OK, EXIT_DIVERGED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _optional_number(kind):
    """argparse type: a number, or 'none'/'off' for None (no clipping, full BPTT)."""
    def parse(text: str):
        if text.strip().lower() in ("none", "off"):
            return None
        try:
            return kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {'an integer' if kind is int else 'a number'} or 'none', "
                                             f"got {text!r}") from None
    parse.__name__ = f"{kind.__name__} or none"
    return parse


def build_parser() -> argparse.ArgumentParser:
    """Options for every TrainConfig field (defaults: the Keras IMDb example) plus data and output paths."""
    d = TrainConfig()
    p = argparse.ArgumentParser(
        prog="main.py train",
        description="Train an RNN, LSTM or GRU headless. Progress goes to stderr; the last stdout line is one "
                    "JSON object with the results.",
    )
    p.add_argument("--imdb", metavar="PATH", help="IMDb data: aclImdb_v1.tar.gz, an unpacked aclImdb/ folder or "
                                                  "Keras' imdb.npz (default: the environment variable or the cache)")
    p.add_argument("--dataset", choices=DATASETS, default=d.dataset, help=FIELD_HELP["dataset"])
    def help_for(name: str) -> str:
        return (f"{FIELD_HELP[name]} (IMDb default: {getattr(d, name)}; the built-in tasks and the gated cells on "
                "IMDb have their own)")

    ints = {"num_words": "N", "maxlen": "T", "embed_dim": "E", "hidden_dim": "H", "batch_size": "B",
            "epochs": "N", "seed": "N"}
    for name, metavar in ints.items():
        p.add_argument("--" + name.replace("_", "-"), type=int, metavar=metavar, default=None, help=help_for(name))
    p.add_argument("--cell", choices=CELLS, default=None, help=help_for("cell"))
    p.add_argument("--gate-init", choices=GATE_INITS, default=None, help=help_for("gate_init"))
    p.add_argument("--activation", choices=ACTIVATIONS, default=None, help=help_for("activation"))
    p.add_argument("--optimizer", choices=OPTIMIZERS, default=None, help=help_for("optimizer"))
    p.add_argument("--lr", type=float, default=None, help=help_for("lr"))
    p.add_argument("--lr-schedule", choices=LR_SCHEDULES, default=None, help=help_for("lr_schedule"))
    p.add_argument("--validation-split", type=float, metavar="F", default=None, help=help_for("validation_split"))
    p.add_argument("--clip-norm", type=_optional_number(float), default=argparse.SUPPRESS, metavar="X|none",
                   help=help_for("clip_norm"))
    p.add_argument("--truncate", type=_optional_number(int), default=argparse.SUPPRESS, metavar="K|none",
                   help=help_for("truncate"))
    out = p.add_mutually_exclusive_group()
    out.add_argument("--out", metavar="PATH", help="where to save the model (.npz); default: a new file in the "
                                                   "user data folder")
    out.add_argument("--no-save", action="store_true", help="do not save the model")
    p.add_argument("--cache-dir", metavar="DIR", help="folder for downloaded and encoded datasets")
    return p


def config_from_args(args: argparse.Namespace) -> TrainConfig:
    """The dataset's defaults overridden by every option given on the command line."""
    changes = {f.name: getattr(args, f.name) for f in fields(TrainConfig)
               if f.name != "dataset" and getattr(args, f.name, None) is not None}
    for name in ("clip_norm", "truncate"):  # None is a real choice here ('none'), so test presence
        if hasattr(args, name):
            changes[name] = getattr(args, name)
    return TrainConfig.defaults_for(args.dataset, args.cell or "rnn").with_changes(**changes)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        config = config_from_args(args)
    except ConfigError as exc:
        parser.error(str(exc))  # exits with status 2 and the usage line
    printer = ProgressPrinter(sys.stderr, config.epochs)
    started = time.perf_counter()
    try:
        dataset = load_dataset(config, imdb_path=args.imdb, cache_dir=args.cache_dir, progress=printer.loading)
    except ImdbNotFound as exc:
        printer.message(f"error: {exc}\n{IMDB_HELP}")
        return EXIT_USAGE
    except (DatasetError, ConfigError) as exc:
        if isinstance(exc, LoadCancelled):
            return EXIT_INTERRUPTED
        printer.message(f"error: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        printer.message("interrupted while loading the data")
        return EXIT_INTERRUPTED
    load_seconds = time.perf_counter() - started
    printer.message(f"data: {dataset.name}, {len(dataset.y_train):,} training and {len(dataset.y_test):,} test "
                    f"sequences of {dataset.maxlen} tokens, vocabulary {len(dataset.vocab):,} "
                    f"(loaded in {load_seconds:.1f} s)")
    printer.message("config: " + json.dumps(config.to_dict()))
    control = TrainControl()
    trainer = Trainer(config, dataset, control, on_batch=printer.on_batch, on_epoch=printer.on_epoch,
                      test_on_stop=True)
    with _stop_on_ctrl_c(control, printer):
        result = trainer.run()
    model_path = None
    if not args.no_save:
        model_path = Path(args.out) if args.out else default_model_path(config)
        try:
            save_model(model_path, result.model)
        except OSError as exc:
            printer.message(f"error: could not save the model to {model_path}: {exc}")
            model_path = None
    printer.message(_summary(result, model_path))
    print(json.dumps(_result_json(result, config, load_seconds, time.perf_counter() - started, model_path)),
          flush=True)
    return {"finished": EXIT_OK, "diverged": EXIT_DIVERGED}.get(result.status, EXIT_INTERRUPTED)


class _stop_on_ctrl_c:
    """While training: the first Ctrl-C asks the trainer to stop after the batch (keeping the best
    weights and still scoring the test set), a second one aborts at once."""

    def __init__(self, control: TrainControl, printer: ProgressPrinter):
        self.control, self.printer, self.previous = control, printer, None

    def _handler(self, signum, frame):
        if self.control.is_stopped:
            raise KeyboardInterrupt
        self.control.stop()
        self.printer.message("stopping after this batch, keeping the best weights (Ctrl-C again to abort)")

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._handler)
        return self

    def __exit__(self, *exc):
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)
        return False


def _summary(result, model_path: Path | None) -> str:
    test = "not measured" if result.test_accuracy is None else f"{result.test_accuracy:.4f}"
    best = "none" if result.best_val_accuracy is None else f"{result.best_val_accuracy:.4f}"
    saved = f"; model saved to {model_path}" if model_path else ""
    return (f"{result.status}: {result.message}\ntest accuracy {test} (best validation {best} at epoch "
            f"{result.best_epoch}), {format_duration(result.seconds)} training{saved}")


def _result_json(result, config: TrainConfig, load_seconds: float, seconds: float, model_path: Path | None) -> dict:
    h = result.model.history
    return {
        "status": result.status,
        "message": result.message,
        "test_accuracy": result.test_accuracy,
        "test_loss": result.test_loss,
        "best_val_accuracy": result.best_val_accuracy,
        "best_epoch": result.best_epoch,
        "epochs": result.epochs_completed,
        "seconds": round(seconds, 2),
        "load_seconds": round(load_seconds, 2),
        "train_seconds": round(result.seconds, 2),
        "seq_per_s": round(h.get("seq_per_s", 0.0), 1),
        "val_accuracy_per_epoch": [round(v, 4) for v in h.get("val_accuracy", [])],
        "train_accuracy_per_epoch": [round(v, 4) for v in h.get("train_accuracy", [])],
        "model_path": str(model_path) if model_path else None,
        "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "config": config.to_dict(),
    }
