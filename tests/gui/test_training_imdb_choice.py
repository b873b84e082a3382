"""The IMDb copy the user opened is remembered for the next launch (pytest-qt; settings are temporary)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from rnnviz.gui.settings import open_settings
from rnnviz.gui.training.dataset_box import IMDB_SETTING, DatasetChooser


@pytest.fixture(autouse=True)
def fresh_settings(tmp_path, monkeypatch):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.delenv("RNNVIZ_IMDB", raising=False)
    monkeypatch.setenv("RNNVIZ_CACHE_DIR", str(tmp_path / "cache"))  # no copy in the cache folder
    yield
    # QSettings.setPath is process-wide: leave no remembered copy for the tests that follow
    settings = open_settings()
    settings.remove(IMDB_SETTING)
    settings.sync()


def test_the_opened_archive_is_used_at_the_next_launch(qtbot, tmp_path, monkeypatch):
    archive = tmp_path / "somewhere" / "aclImdb_v1.tar.gz"
    archive.parent.mkdir()
    archive.write_bytes(b"not read here")
    first = DatasetChooser()
    qtbot.addWidget(first)
    assert first.imdb_path() is None and first.dataset_name() == "memory"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(archive), ""))
    first.open_file()
    assert first.imdb_path() == archive

    second = DatasetChooser()  # the next launch
    qtbot.addWidget(second)
    assert second.imdb_path() == archive and second.dataset_name() == "imdb"
    assert "aclImdb_v1.tar.gz" in second.info.text()


def test_a_remembered_copy_that_is_gone_is_said_so(qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "aclImdb"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    first = DatasetChooser()
    qtbot.addWidget(first)
    first.open_folder()
    folder.rmdir()
    second = DatasetChooser()
    qtbot.addWidget(second)
    second.set_dataset("imdb")
    assert second.imdb_path() is None and "no longer there" in second.info.text()


def test_the_environment_variable_wins_for_this_launch(qtbot, tmp_path, monkeypatch):
    chosen, given = tmp_path / "chosen.npz", tmp_path / "given.npz"
    chosen.write_bytes(b"x")
    given.write_bytes(b"x")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(chosen), ""))
    first = DatasetChooser()
    qtbot.addWidget(first)
    first.open_file()
    monkeypatch.setenv("RNNVIZ_IMDB", str(given))
    second = DatasetChooser()
    qtbot.addWidget(second)
    assert second.imdb_path() == given
