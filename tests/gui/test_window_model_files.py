"""File > Save model as… and File > Open model… of the many-to-many next-word model: saved with its softmax
head, opened again as a next-word model with the same weights. Settings and the user data folder are
temporary; the file dialogs are replaced by the path they would return."""
from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from rnnviz.gui import model_files
from rnnviz.gui.main_window import MainWindow
from rnnviz.gui.settings import open_settings

STARTUP_TIMEOUT_MS = 180_000  # a cold numba cache compiles for a while; a warm one takes ~1 s
BUILD_TIMEOUT_MS = 60_000     # a first build of the next-word model trains it (a few seconds)


@pytest.fixture
def window(qtbot, tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    w = MainWindow(settings=open_settings())
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.traceShown, timeout=STARTUP_TIMEOUT_MS):
        w.show()
    yield w
    w.close()


def show_next_word_model(window, qtbot, hidden_dim: int) -> None:
    """Choose Next word in the Model box, as the user does, and wait until its trace is shown."""
    window.model_controls.builtinRequested.emit("next_word", hidden_dim)
    qtbot.waitUntil(lambda: window.explorer.model.builtin_task == "next_word" and window.models.job is None,
                    timeout=BUILD_TIMEOUT_MS)


def test_next_word_model_saves_and_opens_again_with_its_head(window, qtbot, tmp_path, monkeypatch):
    from rnnviz.train import NextWordModel, load_model

    show_next_word_model(window, qtbot, hidden_dim=4)
    builtin = window.explorer.model
    assert builtin.head == "softmax" and builtin.hidden_dim == 4
    before = window.explorer.trace()
    assert window.actions_by_name["save"].isEnabled()

    path = tmp_path / "next-word.npz"
    monkeypatch.setattr(model_files, "ask_save_path", lambda parent, start: str(path))
    window.actions_by_name["save"].trigger()
    assert path.is_file() and window.settings.value("model/last_path") == str(path)
    saved = load_model(path)
    assert isinstance(saved, NextWordModel) and saved.head == "softmax" and saved.vocab == builtin.vocab
    n_vocab = len(builtin.vocab)
    assert saved.params["V"].shape == (n_vocab, 4) and saved.params["c"].shape == (n_vocab,)
    for k, v in builtin.params.items():
        np.testing.assert_array_equal(saved.params[k], v)

    window.request_builtin("sentiment", 6)  # leave the next-word model, then open the file
    qtbot.waitUntil(lambda: window.explorer.model.head == "binary" and window.models.job is None,
                    timeout=BUILD_TIMEOUT_MS)
    monkeypatch.setattr(model_files, "ask_open_path", lambda parent, start: str(path))
    with qtbot.waitSignal(window.traceShown, timeout=10_000):
        window.actions_by_name["open"].trigger()
    opened = window.explorer.model
    assert opened.head == "softmax" and opened.builtin_task is None and opened.name == "next-word.npz"
    for k, v in builtin.params.items():
        np.testing.assert_array_equal(opened.params[k], v)
    assert "many-to-many" in window.model_controls.task_combo.currentText()
    assert not window.input_bar.label_combo.isEnabled()  # the next-word head's targets are the input's words
    after = window.explorer.trace()
    assert after.head == "softmax" and after.y_hat.shape == before.y_hat.shape == (len(before.s), n_vocab)
    np.testing.assert_array_equal(after.s, before.s)
    np.testing.assert_array_equal(after.y_hat, before.y_hat)
    assert window.actions_by_name["save"].isEnabled()  # and it can be saved again, as any opened model


def test_a_file_whose_weights_do_not_fit_its_head_gives_a_message(window, tmp_path):
    from rnnviz.train import save_model
    from rnnviz.train.checkpoint import META_KEY

    good = save_model(tmp_path / "sentiment.npz", window.explorer.model.trained)
    with np.load(good, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    # The header claims a softmax head over 2 classes, while V and c have the binary head's 1 row.
    meta = json.loads(arrays[META_KEY].tobytes())
    meta.update(head="softmax", output_dim=2)
    arrays[META_KEY] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    bad = tmp_path / "bad-head.npz"
    np.savez(bad, **arrays)
    shown = window.explorer.model
    assert window.load_model_path(str(bad)) is False
    assert window.explorer.model is shown
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1 and "bad-head.npz: weight V has shape (1, 6)" in boxes[0].text()
    assert "softmax head with output size 2 need (2, 6)" in boxes[0].text()
    boxes[0].close()
