"""``python main.py train``: train headless, progress on stderr, the result as one JSON line on stdout.

The last stdout line is always a JSON object (also after a stop, a divergence, a bad option, a dataset
that does not load or a second Ctrl-C), so scripts and CI can read ``status``, ``test_accuracy``,
``best_val_accuracy``, ``epochs`` and ``seconds`` from it; when the run did not train, ``status`` is
"error" or "aborted" and ``message`` says why.
Exit status: 0 finished, 1 diverged, 2 bad options, no dataset or not enough memory, 3 trained but the
model could not be saved, 130 stopped or aborted with Ctrl-C.
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

from .checkpoint import CheckpointError, save_model
from .config import (ACTIVATIONS, CELLS, DATASETS, FIELD_HELP, GATE_INITS, LR_SCHEDULES, MODELS, OPTIMIZERS, RECIPES,
                     ConfigError, TrainConfig, check_memory)
from .control import TrainControl
from .datasets import IMDB_HELP, load_dataset
from .paths import save_new_model
from .progress import ProgressPrinter, format_duration
from .trainer import Trainer

EXIT_OK, EXIT_DIVERGED, EXIT_USAGE, EXIT_NOT_SAVED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class _Parser(argparse.ArgumentParser):
    """argparse that also ends stdout with a JSON line when it rejects the options."""

    def error(self, message: str):
        _print_json({"status": "error", "message": message})
        super().error(message)  # the usage line on stderr, exit status 2


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
    d = TrainConfig.defaults_for("imdb")  # the defaults --help names are IMDb's (the recipe's, not the dataclass')
    p = _Parser(
        prog="rnnviz train",
        description="Train an RNN, LSTM or GRU (or, with --model bag, the ordinary network) headless. Progress "
                    "goes to stderr; the last stdout line is one JSON object with the results.",
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
    p.add_argument("--model", choices=MODELS, default=None, help=FIELD_HELP["model"] + " (default: rnn)")
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
    p.add_argument("--word-dropout", type=float, metavar="F", default=None, help=help_for("word_dropout"))
    p.add_argument("--embedding-dropout", type=float, metavar="F", default=None, help=help_for("embedding_dropout"))
    p.add_argument("--weight-decay", type=float, metavar="F", default=None, help=help_for("weight_decay"))
    p.add_argument("--patience", type=_optional_number(int), default=argparse.SUPPRESS, metavar="N|none",
                   help=help_for("patience"))
    p.add_argument("--recipe", choices=RECIPES, default="rnnviz",
                   help="Starting settings: 'rnnviz' (the defaults shown here) or 'keras', the plain Keras example "
                        "(rmsprop, no clipping, constant rate, no word dropout or weight decay, no early stop; on IMDb "
                        "10 epochs with 20 %% held out). "
                        "Options given beside it still apply.")
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
    for name in ("clip_norm", "truncate", "patience"):  # None is a real choice here ('none'), so test presence
        if hasattr(args, name):
            changes[name] = getattr(args, name)
    return TrainConfig.defaults_for(args.dataset, args.cell or "rnn",
                                    getattr(args, "recipe", "rnnviz")).with_changes(**changes)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _run(parser, args)
    except KeyboardInterrupt:  # a second Ctrl-C (or one outside training): no traceback, still a JSON line
        sys.stderr.write("\naborted with Ctrl-C; the model was not saved\n")
        _print_json({"status": "aborted", "message": "aborted with Ctrl-C; the model was not saved"})
        return EXIT_INTERRUPTED


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    try:
        config = config_from_args(args)
        check_memory(config)  # before anything is allocated: a MemoryError traceback later helps nobody
    except ConfigError as exc:
        parser.error(str(exc))  # exits with status 2 and the usage line
    if args.out and Path(args.out).is_dir():
        parser.error(f"--out {args.out} is a folder; give the path of the model file to write, e.g. "
                     f"{Path(args.out) / 'model.npz'}")
    printer = ProgressPrinter(sys.stderr, config.epochs)
    started = time.perf_counter()
    try:
        dataset = load_dataset(config, imdb_path=args.imdb, cache_dir=args.cache_dir, progress=printer.loading)
    except ImdbNotFound as exc:
        printer.message(f"error: {exc}\n{IMDB_HELP}")
        return _error(str(exc), EXIT_USAGE)
    except (DatasetError, ConfigError) as exc:
        if isinstance(exc, LoadCancelled):
            return _error("interrupted while loading the data", EXIT_INTERRUPTED, status="aborted")
        printer.message(f"error: {exc}")
        return _error(str(exc), EXIT_USAGE)
    except KeyboardInterrupt:
        printer.message("interrupted while loading the data")
        return _error("interrupted while loading the data", EXIT_INTERRUPTED, status="aborted")
    except MemoryError:
        message = ("not enough memory to load the data; use a smaller maxlen or num_words, or close other "
                   "programs")
        printer.message(f"error: {message}")
        return _error(message, EXIT_USAGE)
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
    model_path, save_error = None, None
    if not args.no_save:
        try:
            model_path = save_model(args.out, result.model) if args.out else save_new_model(result.model)
        except (OSError, CheckpointError) as exc:
            where = args.out or "the models folder"
            save_error = f"the trained weights were NOT saved: could not write {where}: {exc}"
            printer.message(f"error: {save_error}. Run again with --out PATH on a disk with free space.")
    printer.message(_summary(result, model_path))
    summary = _result_json(result, config, load_seconds, time.perf_counter() - started, model_path)
    if save_error:
        summary["save_error"] = save_error
    _print_json(summary)
    if save_error and result.status == "finished":
        return EXIT_NOT_SAVED
    return {"finished": EXIT_OK, "diverged": EXIT_DIVERGED}.get(result.status, EXIT_INTERRUPTED)


def _print_json(obj: dict) -> None:
    print(json.dumps(obj), flush=True)


def _error(message: str, code: int, status: str = "error") -> int:
    """End a run that trained nothing: the JSON last line says why; returns the exit status."""
    _print_json({"status": status, "message": message, "model_path": None})
    return code


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
