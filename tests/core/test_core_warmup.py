"""warm_up(): traces run the kernels' Python source until the compiled trace kernels are ready, then
the compiled ones; the compile runs in a child process that fills numba's cache."""
import json
import os
import pathlib
import subprocess
import sys
import threading
import types

import numpy as np
import pytest

from rnnviz.core import engine, init_params, make_trace, warmup

ROOT = pathlib.Path(__file__).resolve().parents[2]


class Refusing(types.SimpleNamespace):
    """Stands in for the compiled kernels: any use fails the test."""

    def __getattr__(self, name):
        raise AssertionError(f"the compiled kernel {name} was used")


@pytest.fixture
def held_warm_up(monkeypatch):
    """A warm-up whose trace stage is held until the test releases it (no child process)."""
    release = threading.Event()
    monkeypatch.setattr(warmup, "_events", {})
    monkeypatch.setattr(warmup, "_errors", {})
    monkeypatch.setattr(warmup, "_start_child", lambda order: None)
    monkeypatch.setattr(warmup, "_COMPILERS", {"trace": lambda: release.wait(120),
                                               "training": lambda: None})
    return release


def test_traces_run_as_python_until_the_trace_kernels_are_ready(held_warm_up, monkeypatch):
    p = init_params(20, 3, 4, seed=0, dtype=np.float64)
    tokens = np.array([3, 1, 4, 1, 5])
    compiled_before = make_trace(p, tokens, 1)  # no warm-up started: compiled, as always
    monkeypatch.setattr(engine, "COMPILED", Refusing())
    thread = warmup.warm_up()
    assert thread is not None and warmup.warm_up() is None  # once per process
    assert not warmup.ready("trace")
    python = make_trace(p, tokens, 1)  # must not touch the compiled kernels
    np.testing.assert_allclose(python.dL_ds, compiled_before.dL_ds, rtol=1e-12, atol=1e-15)
    assert python.loss == pytest.approx(compiled_before.loss, rel=1e-12)
    held_warm_up.set()
    assert warmup.wait("trace", timeout=120) and warmup.wait("training", timeout=120)
    thread.join(120)
    assert warmup.ready("trace") and warmup.error("trace") is None
    with pytest.raises(AssertionError, match="compiled kernel"):
        make_trace(p, tokens, 1)  # now the compiled kernels are used


def test_a_failed_stage_is_kept_and_the_compiled_kernels_are_used(monkeypatch):
    monkeypatch.setattr(warmup, "_events", {})
    monkeypatch.setattr(warmup, "_errors", {})
    monkeypatch.setattr(warmup, "_start_child", lambda order: None)

    def broken():
        raise RuntimeError("no compiler here")

    monkeypatch.setattr(warmup, "_COMPILERS", {"trace": broken, "training": lambda: None})
    warmup.warm_up(background=False)
    assert warmup.ready("trace") and isinstance(warmup.error("trace"), RuntimeError)


def test_the_child_fills_the_cache_and_the_app_loads_it(tmp_path):
    """In a fresh interpreter: a real warm-up (child process and all) ends with both stages ready
    and no error, and traces before and after agree."""
    script = """
import json, numpy as np
from rnnviz.core import init_params, make_trace, warmup
warmup.warm_up()
p = init_params(20, 3, 4, seed=0, dtype=np.float64)
early = make_trace(p, np.array([3, 1, 4]), 1)
ok = warmup.wait("trace", 900) and warmup.wait("training", 900)
late = make_trace(p, np.array([3, 1, 4]), 1)
print(json.dumps({"ok": ok, "errors": [repr(warmup.error(s)) for s in warmup.STAGES if warmup.error(s)],
                  "same": bool(np.allclose(early.dL_da, late.dL_da, rtol=1e-12, atol=1e-15))}))
"""
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=1800)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"ok": True, "errors": [], "same": True}


def test_prefer_training_compiles_the_training_kernels_first(monkeypatch):
    """A first start (the built-in model still to train) asks for the training stage first, in the
    child and in the loading here, so that the trained model replaces its starting weights sooner."""
    done, orders = [], []
    monkeypatch.setattr(warmup, "_events", {})
    monkeypatch.setattr(warmup, "_errors", {})
    monkeypatch.setattr(warmup, "_training_first", threading.Event())
    monkeypatch.setattr(warmup, "cached", lambda stage: False)
    monkeypatch.setattr(warmup, "_python_trace_done", threading.Event())
    monkeypatch.setattr(warmup._python_trace_done, "wait", lambda timeout=None: True)
    monkeypatch.setattr(warmup, "_start_child", lambda order: orders.append(order))
    monkeypatch.setattr(warmup, "_COMPILERS", {stage: (lambda s=stage: done.append(s)) for stage in warmup.STAGES})
    warmup.prefer_training()
    warmup.warm_up(background=False)
    assert orders == [("training", "bag", "trace", "gated")]
    assert done == ["training", "bag", "trace", "gated"]


def test_the_child_compiles_and_reports_the_stages_in_the_order_given(monkeypatch, capsys):
    done = []
    monkeypatch.setattr(warmup, "_COMPILERS", {stage: (lambda s=stage: done.append(s)) for stage in warmup.STAGES})
    warmup.main(["training", "bag", "trace", "gated"])
    assert done == ["training", "bag", "trace", "gated"]
    assert capsys.readouterr().out.split() == ["training", "bag", "trace", "gated"]
    done.clear()
    warmup.main(None)
    assert done == list(warmup.STAGES)


def test_wait_unless_returns_when_the_stage_is_ready_or_the_caller_stops(monkeypatch):
    import threading

    event = threading.Event()
    monkeypatch.setattr(warmup, "_events", {"training": event})
    asked = []
    assert not warmup.wait_unless("training", lambda: asked.append(1) or len(asked) >= 2, poll_s=0.01)
    assert len(asked) == 2  # asked once per slice until it said stop
    event.set()
    assert warmup.wait_unless("training", lambda: True, poll_s=0.01)  # ready: never asks
