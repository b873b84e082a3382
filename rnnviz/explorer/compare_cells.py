"""Compare cells: one sentence through an RNN, an LSTM and a GRU, their gradients side by side. No Qt.

The three models read the long-range memory task (``rnnviz.data.synthetic.make_memory_task``): the
label is the word right after the start token ("yes" = 1, "no" = 0) and every later word is noise,
so the loss at t = T must send its gradient back T - 1 steps to the word that decides it. The
comparison puts the same sentence of the same length T through each model and reads, from the core's
traces only (``rnnviz.core.make_trace(..., cell=...)``):

    ||dL/ds_t||  (T,) for every cell        ||dL/dC_t||  (T,) for the LSTM's cell state

``train_cells`` trains the three on the task with the core's own workspaces and Adam (on the caller's
thread: the window runs it as a background job), so a learner sees the RNN stay at chance while the
LSTM learns at T >= 100.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from rnnviz.core.cells import CELLS

from .session import MAX_SEQ_LEN
from .text import translate

#: The task's default length, the longest the window takes. The vanilla RNN (orthogonal W, small
#: embeddings) sometimes still learns the task at T = 200 and 300 (1 seed of 3, 1 of 5); at 500 it
#: stayed at chance for 9 seeds of 10 (seed 7 learned it), while the LSTM with chrono gates learned
#: it for all 10 in 3-5 epochs (``python -m rnnviz.explorer.compare_cells --T 500 --seed S``). The
#: window trains seed 0, and says what it measured, whichever way it went.
DEFAULT_LENGTH = MAX_SEQ_LEN

#: How the gated cells' gate biases start: "chrono" (Tallec & Ollivier 2018, "Can recurrent neural
#: networks warp time?": forget biases spread memories over 1 .. T - 1 steps) or "keras" (forget bias 1).
GATE_INITS = ("chrono", "keras")


@dataclass(frozen=True)
class RaceSettings:
    """How the three models are built and trained (the same for each cell, so the race is fair)."""

    seq_len: int = DEFAULT_LENGTH   # T of the training sequences
    hidden_dim: int = 16            # H
    embed_dim: int = 8              # E
    n_train: int = 1200             # sequences to train on (a fifth of them held out to stop early)
    n_test: int = 400               # sequences the accuracy is reported on
    epochs: int = 30                # at most; training stops once the held-out accuracy reaches `target`
    batch_size: int = 32
    lr: float = 0.01                # Adam
    clip_norm: float = 1.0          # global-norm clipping: keeps the RNN's rare large gradients sane
    target: float = 0.99
    seed: int = 0
    # How the LSTM's and GRU's gates start. "chrono" (the default): Tallec & Ollivier's biases, which
    # open the cell state's path for memories up to T steps long; "keras": the forget-gate bias is
    # `forget_bias` (1 is Keras' ``unit_forget_bias``: f ~ sigmoid(1) = 0.73, so dL/dC shrinks like
    # 0.73 per step, ~1e-14 over 100 steps, and the LSTM does not learn the task at T = 100).
    gate_init: str = "chrono"
    forget_bias: float = 1.0        # used with gate_init "keras" only

    def check(self) -> "RaceSettings":
        """self, or ValueError naming the setting out of range."""
        if not 2 <= self.seq_len <= MAX_SEQ_LEN:
            raise ValueError(f"the task length T must be between 2 and {MAX_SEQ_LEN}, got {self.seq_len}")
        for name in ("hidden_dim", "embed_dim", "epochs", "batch_size"):
            if int(getattr(self, name)) < 1:
                raise ValueError(f"{name} must be >= 1, got {getattr(self, name)}")
        if self.n_train < 10 or self.n_test < 2:
            raise ValueError(f"need at least 10 training and 2 test sequences, got {self.n_train} and {self.n_test}")
        if not (np.isfinite(self.lr) and self.lr > 0):
            raise ValueError(f"the learning rate must be > 0, got {self.lr}")
        if self.gate_init not in GATE_INITS:
            raise ValueError(f"gate_init must be one of {', '.join(GATE_INITS)}, got {self.gate_init!r}")
        if self.gate_init == "chrono" and self.seq_len < 3:
            raise ValueError("chrono gates need a task length T >= 3 (they spread memories over 1 .. T - 1 steps)")
        if not (np.isfinite(self.forget_bias) and abs(self.forget_bias) <= 20):
            raise ValueError(f"the forget-gate bias must be between -20 and 20, got {self.forget_bias}")
        return self


@dataclass(frozen=True)
class CellResult:
    """How training one cell went."""

    cell: str
    test_accuracy: float      # on the task's test sequences, threshold 0.5 on sigmoid(o_T)
    epochs: int               # epochs run (fewer than asked when it reached the target)
    seconds: float            # wall time of the training loop (kernels already compiled or not)
    losses: tuple[float, ...]  # mean training loss of each epoch


@dataclass
class CellModels:
    """The three models on the memory task's vocabulary; `results` once trained (else untrained)."""

    vocab: object
    params: dict[str, dict[str, np.ndarray]]   # cell -> the core's parameter dict
    settings: RaceSettings
    results: dict[str, CellResult] = field(default_factory=dict)

    @property
    def trained(self) -> bool:
        return bool(self.results)


@dataclass(frozen=True)
class CellCurves:
    """One cell's trace of the compared sentence, as the plot draws it."""

    cell: str
    grad_s: np.ndarray             # (T,) ||dL/ds_t|| from the trace
    grad_C: np.ndarray | None      # (T,) ||dL/dC_t|| (LSTM only)
    y_hat: float                   # sigmoid(o_T)
    loss: float


@dataclass(frozen=True)
class CellComparison:
    """The sentence (T tokens) and each cell's curves, in CELLS order."""

    tokens: np.ndarray             # (T,) int64
    words: tuple[str, ...]         # (T,) the tokens as words
    label: int
    curves: dict[str, CellCurves]

    @property
    def T(self) -> int:
        return int(self.tokens.shape[0])

    def ratio(self, cell: str) -> float:
        """||dL/ds_1|| / ||dL/ds_T||: how much of the gradient at the end is left at the first word."""
        g = self.curves[cell].grad_s
        return float(g[0] / g[-1]) if g[-1] > 0 else float("nan")


def memory_vocab():
    """The memory task's vocabulary (the same for every length)."""
    from rnnviz.data.synthetic import make_memory_task

    return make_memory_task(2, 2, 2, seed=0).vocab


def memory_sentence(length: int, label: int, seed: int = 0) -> tuple[np.ndarray, tuple[str, ...]]:
    """A memory-task sequence of `length` tokens whose answer is `label`: (T,) ids and their words.

    Drawn by the task's own generator, so it is a sequence the models could have been trained on.
    """
    from rnnviz.data.synthetic import make_memory_task

    if not 2 <= int(length) <= MAX_SEQ_LEN:
        raise ValueError(f"the sentence length must be between 2 and {MAX_SEQ_LEN}, got {length}")
    if label not in (0, 1):
        raise ValueError(f"the label must be 0 or 1, got {label!r}")
    data = make_memory_task(2, 2, int(length), seed=seed)  # two test rows: one of each label
    row = data.x_test[int(np.flatnonzero(data.y_test == label)[0])].astype(np.int64)
    return row, tuple(data.vocab.decode(row))


def initial_models(settings: RaceSettings | None = None) -> CellModels:
    """The three cells freshly initialised (one seed; the gated cells' gates as the settings say:
    chrono for T = seq_len, or Keras' with the LSTM's forget-gate bias from the settings), not trained."""
    from rnnviz.core import init_params

    settings = (settings or RaceSettings()).check()
    vocab = memory_vocab()
    size = len(vocab)
    chrono = settings.seq_len if settings.gate_init == "chrono" else None
    params = {cell: init_params(size, settings.embed_dim, settings.hidden_dim, 1, seed=settings.seed,
                                dtype=np.float32, cell=cell, chrono=None if cell == "rnn" else chrono)
              for cell in CELLS}
    if chrono is None:
        H = settings.hidden_dim
        params["lstm"]["b"][H:2 * H] = settings.forget_bias  # block f of i, f, g, o
    return CellModels(vocab, params, settings)


def compare_cells(models: CellModels, length: int = DEFAULT_LENGTH, label: int = 1,
                  seed: int = 0) -> CellComparison:
    """The same memory-task sentence of `length` tokens through every cell: each one's gradient norms."""
    from rnnviz.core import make_trace

    tokens, words = memory_sentence(length, label, seed)
    curves = {}
    for cell in CELLS:
        trace = make_trace(models.params[cell], tokens, np.asarray(label), cell=cell)
        grad_C = getattr(trace, "cell_grad_norm_per_step", None)
        curves[cell] = CellCurves(cell, trace.grad_norm_per_step.copy(),
                                  None if grad_C is None else grad_C.copy(),
                                  float(trace.y_hat[-1, 0]), float(trace.loss))
    return CellComparison(tokens, words, int(label), curves)


def explore_spec(models: CellModels, cell: str):
    """One of the three models as the explorer's ``ModelSpec``, to step through on the Explore page."""
    from .session import ModelSpec

    if cell in models.results:
        name = translate("CompareCells", "{0} for the memory task (trained at T = {1})").format(
            cell.upper(), models.settings.seq_len)
    else:
        name = translate("CompareCells", "{0} for the memory task (untrained)").format(cell.upper())
    return ModelSpec(models.params[cell], models.vocab, "tanh", "binary", name, cell=cell)


def explore_text(comparison: CellComparison) -> str:
    """The compared sentence as the explorer's input: its words after the start token (which the
    explorer's tokeniser puts back), so the Explore page traces exactly these tokens."""
    return " ".join(comparison.words[1:])


Progress = Callable[..., None]


def train_cells(settings: RaceSettings | None = None, progress: Progress | None = None,
                cancel: threading.Event | None = None, cells=CELLS) -> CellModels:
    """Train each cell on the memory task (float32, the core's kernels); returns the trained models.

    progress(cell, epoch, epochs, held_out_accuracy) after every epoch; a set `cancel` stops between
    batches (the models are returned as far as they got).
    """
    from rnnviz.data.synthetic import make_memory_task

    settings = (settings or RaceSettings()).check()
    progress = progress or (lambda *_: None)
    cancel = cancel or threading.Event()
    models = initial_models(settings)
    data = make_memory_task(settings.n_train, settings.n_test, settings.seq_len, seed=settings.seed)
    n_val = max(2, settings.n_train // 5)
    x_fit, y_fit = data.x_train[n_val:], data.y_train[n_val:]
    x_val, y_val = data.x_train[:n_val], data.y_train[:n_val]
    for cell in cells:
        if cancel.is_set():
            break
        models.results[cell] = _train_one(cell, models.params[cell], settings, (x_fit, y_fit), (x_val, y_val),
                                          (data.x_test, data.y_test), progress, cancel)
    return models


def accuracy(params: dict, x: np.ndarray, y: np.ndarray, cell: str) -> float:
    """Share of sequences x (N, T) whose sigmoid(o_T) >= 0.5 matches y (N,)."""
    from rnnviz.core import predict_logits

    logits = predict_logits(params, x, cell=cell)
    return float(np.mean((logits >= 0) == (np.asarray(y) >= 0.5)))


def _train_one(cell, params, s: RaceSettings, fit, val, test, progress, cancel) -> CellResult:
    from rnnviz.core import clip_by_global_norm, make_optimizer, make_workspace

    x, y = fit
    rng = np.random.default_rng(s.seed)
    n_batches = len(x) // s.batch_size
    ws = make_workspace(params, s.batch_size, s.seq_len, cell=cell)
    optimizer = make_optimizer("adam", params, lr=s.lr)
    losses: list[float] = []
    started = time.perf_counter()
    epoch = 0
    for epoch in range(1, s.epochs + 1):
        order = rng.permutation(len(x))
        total = 0.0
        for k in range(n_batches):
            if cancel.is_set():
                break
            rows = order[k * s.batch_size:(k + 1) * s.batch_size]
            total += float(ws.forward_backward(x[rows], y[rows]))
            clip_by_global_norm(ws.grads, s.clip_norm)
            optimizer.step(ws.grads)
        if cancel.is_set():
            break
        losses.append(total / max(n_batches, 1))
        held_out = accuracy(params, val[0], val[1], cell)
        progress(cell, epoch, s.epochs, held_out)
        if held_out >= s.target:
            break
    seconds = time.perf_counter() - started
    return CellResult(cell, accuracy(params, test[0], test[1], cell), epoch, seconds, tuple(losses))


def gates_text(settings: RaceSettings) -> str:
    """How the gated cells started, in words: "chrono gates" or "Keras gates (LSTM forget bias 1)"."""
    if settings.gate_init == "chrono":
        return translate("CompareCells", "chrono gates")
    return translate("CompareCells", "Keras gates (LSTM forget bias {0})").format(f"{settings.forget_bias:g}")


def verdict(models: CellModels, chance_margin: float = 0.1, learned: float = 0.9) -> str:
    """One line that reads the measured test accuracies, e.g. "RNN at chance, LSTM 99 %, GRU 100 %".

    A cell is "at chance" when its accuracy is within `chance_margin` of 0.5 (the task's labels are
    balanced); otherwise its accuracy is given, and whether it learned the task (>= `learned`).
    """
    parts = []
    for cell, r in models.results.items():
        name = cell.upper()
        if abs(r.test_accuracy - 0.5) <= chance_margin:
            parts.append(translate("CompareCells", "{0} at chance ({1})").format(name, f"{r.test_accuracy:.0%}"))
        elif r.test_accuracy >= learned:
            parts.append(translate("CompareCells", "{0} learned it ({1})").format(name, f"{r.test_accuracy:.0%}"))
        else:
            parts.append(f"{name} {r.test_accuracy:.0%}")
    return ", ".join(parts)


def main(argv=None) -> int:
    """``python -m rnnviz.explorer.compare_cells [--T 500] [--gates chrono|keras] [--seed 0]``: train the
    three on the memory task and print each one's test accuracy, epochs and seconds (the window's
    Compare cells button does the same on a background thread)."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m rnnviz.explorer.compare_cells", description=main.__doc__)
    parser.add_argument("--T", type=int, default=DEFAULT_LENGTH, help="sequence length of the memory task")
    parser.add_argument("--gates", choices=GATE_INITS, default="chrono",
                        help="how the LSTM's and GRU's gates start: chrono (Tallec & Ollivier 2018) or keras")
    parser.add_argument("--forget-bias", type=float, default=1.0,
                        help="the LSTM's initial forget-gate bias with --gates keras")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cells", default=",".join(CELLS), help="which cells to train, comma-separated")
    args = parser.parse_args(argv)
    cells = tuple(c.strip() for c in args.cells.split(",") if c.strip())
    if not cells or any(c not in CELLS for c in cells):
        parser.error(f"--cells must name some of {', '.join(CELLS)}, got {args.cells!r}")
    try:
        settings = RaceSettings(seq_len=args.T, gate_init=args.gates, forget_bias=args.forget_bias,
                                seed=args.seed).check()
    except ValueError as exc:
        parser.error(str(exc))
    models = train_cells(settings, cells=cells)
    comparison = compare_cells(models, args.T, 1, seed=args.seed)
    print(f"memory task, T = {args.T}, H = {settings.hidden_dim}, {gates_text(settings)}, "
          f"seed {args.seed} (the first run includes compiling the kernels)")
    for cell, r in models.results.items():
        print(f"{cell:5s} test accuracy {r.test_accuracy:6.1%}  epochs {r.epochs:3d}  {r.seconds:6.1f} s  "
              f"||dL/ds_1|| / ||dL/ds_T|| = {comparison.ratio(cell):.3g}")
    print(verdict(models))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
