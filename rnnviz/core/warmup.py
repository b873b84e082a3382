"""Start without waiting for numba: compile the kernels on a background thread while traces run the
same kernel source as plain Python.

A cold compile of every kernel takes 15 s or more; a trace of one sentence run as plain Python takes
milliseconds. So ``warm_up()`` starts one background thread that has the kernels compiled, what a
trace needs first (float64), then what training needs (float32, both input paths, the optimizers),
then the ordinary network's (bag of embeddings: training and trace), then the LSTM's and GRU's
float64 traces (so a gated model shown later does not compile on the GUI thread; those two stages
are compiled by the child with the others, or here on the warm-up thread). A first start, whose
built-in model is still to train, asks for training first (``prefer_training``).
Until the float64 kernels are ready, ``make_trace`` and ``global_norm`` of float64 gradients run
the kernels' Python source (``rnnviz.core.engine.PYTHON``): the same code, the same numbers, no
compile and no wait on numba's compiler lock. Without a warm-up nothing changes: the kernels
compile on first use, as before.

The compiling itself runs in a child process (``python -m rnnviz.core.warmup``) that fills numba's
on-disk cache, stage by stage; this process then only loads each stage from the cache. numba's
compiler is mostly Python and holds the GIL: compiled in a thread here, it slowed the window's
own start by seconds, while a child uses the other core. If the child fails or the cache cannot
be written, the stage is simply compiled here.
"""
from __future__ import annotations

import atexit
import os
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np

# stage -> Event set when that stage's kernels are compiled; a missing stage was never started
STAGES = ("trace", "training", "bag", "gated")
_events: dict[str, threading.Event] = {}
_errors: dict[str, BaseException] = {}
_lock = threading.Lock()


def warm_up(background: bool = True) -> threading.Thread | None:
    """Compile every kernel, the trace's first; once per process (later calls return at once).

    background=True runs it on a daemon thread and returns that thread (None when already
    started); background=False compiles before returning. A failure is kept, and the compiled
    kernels are then used, so that the error shows where a kernel is called.
    """
    with _lock:
        if _events:
            return None
        for stage in STAGES:
            _events[stage] = threading.Event()
    if not background:
        _compile_all()
        return None
    thread = threading.Thread(target=_compile_all, name="rnnviz-warm-up", daemon=True)
    thread.start()
    return thread


def ready(stage: str = "trace") -> bool:
    """Whether callers should use the compiled kernels of a stage ("trace": float64; "training":
    float32): true once compiled, and true when no warm-up was started (they compile on use)."""
    event = _events.get(stage)
    return event is None or event.is_set()


def wait(stage: str = "training", timeout: float | None = None) -> bool:
    """Block until a stage is compiled (or its compile failed); false on timeout."""
    event = _events.get(stage)
    return True if event is None else event.wait(timeout)


def wait_unless(stage: str, stopped, poll_s: float = 0.1) -> bool:
    """Block until a stage is compiled, asking `stopped()` every `poll_s` seconds; false when it said
    True first (a job cancelled by a closing window, a run stopped: not held up by a compile)."""
    while not wait(stage, poll_s):
        if stopped():
            return False
    return True


def error(stage: str) -> BaseException | None:
    """The exception that stopped a stage's compile, if any."""
    return _errors.get(stage)


def compile_stage(stage: str) -> None:
    """Call every kernel of a stage once on a tiny input, here and now: numba compiles them (or
    loads them from its cache). "trace": float64; "training": float32 and the optimizers."""
    _COMPILERS[stage]()


_COMPILERS = {}  # stage -> function that calls every kernel of the stage once (filled below)


# the kernels each stage calls through rnnviz.core.engine (the optimizers' are small: not checked)
_STAGE_KERNELS = {
    "trace": ("input_shares_rows", "recurrence", "binary_head", "binary_head_grad", "outputs",
              "softmax_head", "output_grads", "bptt", "input_grads_rows", "norm"),
    "training": ("input_shares_rows", "input_shares_vocab", "recurrence", "binary_head",
                 "binary_head_grad", "outputs", "softmax_head", "output_grads", "bptt",
                 "input_grads_rows", "input_grads_vocab", "norm"),
}
_STAGE_DTYPE = {"trace": "float64", "training": "float32"}
# set when a trace has run as Python: the window's first graph is up, a child may start
_python_trace_done = threading.Event()


def note_python_trace() -> None:
    """Called by make_trace after a trace ran as plain Python."""
    _python_trace_done.set()


def cached(stage: str) -> bool:
    """Whether numba's on-disk cache holds every kernel of a stage in its dtype, for the current
    source. Reads numba's cache index (not public API): False whenever unsure."""
    from . import engine

    if stage not in _STAGE_KERNELS:  # the gated cells' kernels: compiled (or loaded) on the warm-up thread
        return True
    try:
        for name in _STAGE_KERNELS[stage]:
            index = getattr(engine.COMPILED, name)._cache._cache_file._load_index()
            if not any(_STAGE_DTYPE[stage] in str(key[0]) for key in index):
                return False
    except Exception:  # noqa: BLE001 - another numba version: compile through the child
        return False
    return True


_training_first = threading.Event()


def prefer_training() -> None:
    """Have the training kernels compiled before the trace's, if the compile has not started yet.

    A first start shows the built-in model's untrained weights (traced as Python) while the model
    trains; the trained model then comes as soon as the training kernels are ready."""
    _training_first.set()


def _order() -> tuple[str, ...]:
    # training, then the ordinary network: the first lesson opens it beside the RNN as soon as the
    # trained model replaces the untrained one; the trace's own kernels matter least (it runs as Python)
    return ("training", "bag", "trace", "gated") if _training_first.is_set() else STAGES


def _compile_all() -> None:
    child = None
    # first let the window draw its first graph (its trace runs as Python), or 3 s pass: on a 2-core
    # machine a compiler starting at once slows the window's own start, and so does loading the
    # kernels from numba's cache here (it holds the GIL for most of a second)
    _python_trace_done.wait(3.0)
    if not all(cached(stage) for stage in STAGES):
        child = _start_child(_order())
    for stage in _order():
        try:
            if child is not None:
                _wait_for_child(child, stage)
            _COMPILERS[stage]()  # loads from the cache the child filled, or compiles here
        except Exception as exc:  # noqa: BLE001 - kept; the caller of the kernel sees it again
            _errors[stage] = exc
        finally:
            _events[stage].set()
    if child is not None:
        child.wait()


def _start_child(order: tuple[str, ...] = STAGES) -> subprocess.Popen | None:
    """``python -m rnnviz.core.warmup STAGE...``, this rnnviz first on its path; None if it cannot run."""
    root = str(Path(__file__).resolve().parents[2])
    path = os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))
    env = dict(os.environ, PYTHONPATH=path)
    try:
        child = subprocess.Popen([sys.executable, "-m", "rnnviz.core.warmup", *order], env=env, cwd=root,
                                 stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, text=True)
    except OSError:
        return None
    atexit.register(_stop, child)  # an app closed early does not leave a compiler running
    return child


def _stop(child: subprocess.Popen) -> None:
    if child.poll() is None:
        child.terminate()


def _wait_for_child(child: subprocess.Popen, stage: str) -> None:
    """Read the child's lines until it reports `stage` compiled (or ends)."""
    for line in child.stdout:
        if line.strip() == stage:
            return


def main(order: list[str] | None = None) -> None:
    """The child: compile every stage in the order given (default STAGES), filling numba's cache,
    and report each by name."""
    for stage in order or STAGES:
        compile_stage(stage)
        try:
            print(stage, flush=True)
        except OSError:  # the app has gone: finish filling the cache for its next start
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - for the rest of this process


def _compile_trace() -> None:
    """float64, rows path, both heads, with the per-step norms: every signature make_trace and the
    explorer's clip report use. The binary head first: the built-in model has it."""
    from .optim import clip_by_global_norm
    from .params import init_params
    from .trace import make_trace

    tokens = np.array([1, 3, 4])
    for head, k_out, label in (("binary", 1, 1), ("softmax", 5, np.array([3, 4, 0]))):
        params = init_params(5, 2, 2, output_dim=k_out, seed=0, dtype=np.float64)
        trace = make_trace(params, tokens, label, head=head, jit=True)
        clip_by_global_norm({k: v.copy() for k, v in trace.grads.items()}, 1.0)


def _compile_training() -> None:
    """float32, both input paths and heads, inference, the optimizers and clipping: what a
    training run and the benchmark call."""
    from .grads import predict_logits
    from .optim import clip_by_global_norm, make_optimizer
    from .params import init_params
    from .workspace import BatchWorkspace

    rng = np.random.default_rng(0)
    tokens = rng.integers(0, 5, (3, 7))
    for head, k_out, labels in (("binary", 1, rng.integers(0, 2, 3)),
                                ("softmax", 5, rng.integers(0, 5, (3, 7)))):
        params = init_params(5, 2, 2, output_dim=k_out, seed=0, dtype=np.float32)
        for path in ("vocab", "rows"):
            ws = BatchWorkspace(params, 3, 7, head=head, input_path=path)
            ws.forward_backward(tokens, labels)
            ws.forward(tokens)
        clip_by_global_norm(ws.grads, 1.0)
        for name in ("adam", "rmsprop", "sgd"):
            make_optimizer(name, params).step(ws.grads)
        if head == "binary":
            predict_logits(params, tokens)


def _compile_bag() -> None:
    """The ordinary network (bag of embeddings): float32 training as the trainer runs it (forward and
    backward, inference, clipping, Adam) and the float64 trace the Explore page shows beside the RNN."""
    from .bag import BagWorkspace, bag_predict_logits, init_bag_params, make_bag_trace
    from .optim import clip_by_global_norm, make_optimizer

    rng = np.random.default_rng(0)
    tokens = rng.integers(0, 5, (3, 7))
    params = init_bag_params(5, 2, 2, seed=0, dtype=np.float32)
    ws = BagWorkspace(params, 3, 7)
    ws.forward_backward(tokens, rng.integers(0, 2, 3).astype(np.float32))
    ws.forward(tokens)
    clip_by_global_norm(ws.grads, 1.0)
    make_optimizer("adam", params).step(ws.grads)
    bag_predict_logits(params, tokens)
    make_bag_trace(init_bag_params(5, 2, 2, seed=0), tokens[0], 1)


def _compile_gated() -> None:
    """float64 traces of an LSTM and a GRU, both heads: what Explore and Compare cells call when a
    gated model is shown, so that its first trace does not compile on the GUI thread."""
    from .gated_trace import make_gated_trace
    from .params import init_params

    tokens = np.array([1, 3, 4])
    for cell in ("lstm", "gru"):
        for head, k_out, label in (("binary", 1, 1), ("softmax", 5, np.array([3, 4, 0]))):
            params = init_params(5, 2, 2, output_dim=k_out, seed=0, dtype=np.float64, cell=cell)
            make_gated_trace(params, tokens, label, head, None, cell)


_COMPILERS.update(trace=_compile_trace, training=_compile_training, bag=_compile_bag, gated=_compile_gated)

if __name__ == "__main__":
    main([stage for stage in sys.argv[1:] if stage in STAGES])
