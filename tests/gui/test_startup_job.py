"""The startup job's messages say what runs the first traces: the kernels' Python source while numba
compiles in the background, or the compiled kernels."""
import threading

import pytest

from rnnviz.core import warmup
from rnnviz.explorer import sources
from rnnviz.gui.startup_job import startup_job


@pytest.mark.parametrize("compiled, in_cache", [(False, False), (False, True), (True, True)])
def test_the_status_says_whether_the_kernels_are_compiled(monkeypatch, compiled, in_cache):
    monkeypatch.setattr(sources, "warm_up_kernels", lambda: None)  # no child compile in this test
    monkeypatch.setattr(sources, "startup_model", lambda path: sources.StartupModel(None, None, ("a note",)))
    monkeypatch.setattr(warmup, "ready", lambda stage="trace": compiled)
    monkeypatch.setattr(warmup, "cached", lambda stage: in_cache)
    messages = []
    job = startup_job(None)
    model = job.fn(lambda *values: messages.append(values[0]), threading.Event())
    assert len(messages) == 1 and messages[0].endswith("Loading the model…")
    if compiled:
        assert messages[0].startswith("Kernels compiled.")
        assert model.notes == ("a note",)
        return
    assert "Kernels compiled" not in messages[0]
    assert "Python source" in messages[0] and model.notes[0] == "a note" and "Python source" in model.notes[1]
    if in_cache:  # a later start: numba loads them after the first graph, nothing is compiled
        assert "from its cache" in messages[0] and "compiles" not in messages[0]
    else:
        assert "compiles them in the background" in messages[0]
