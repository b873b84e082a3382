"""The data and training layers' messages reach a Chinese window in Chinese, also from the child
process that tokenises IMDb (it has no Qt: it reads the same .ts file); without a window, English."""
from __future__ import annotations

import re

import pytest

from rnnviz import text
from rnnviz.data import DatasetError
from rnnviz.data.loading import load_imdb_in_child
from rnnviz.train.checkpoint import CheckpointError, load_model

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese_layers():
    """What the window does for the layers below it, here with the Qt-free reader of the .ts file."""
    text.set_translator(text.catalog_translator(text.read_catalog("zh_CN")), "zh_CN")
    yield
    text.set_translator(None)


def test_without_a_translator_the_layers_speak_english(tmp_path):
    assert text.current_language() == "en"
    with pytest.raises(CheckpointError, match="no model file at"):
        load_model(tmp_path / "missing.npz")


def test_a_model_file_error_is_chinese_in_a_chinese_window(chinese_layers, tmp_path):
    bad = tmp_path / "notes.npz"
    bad.write_bytes(b"this is not a zip file")
    with pytest.raises(CheckpointError) as caught:
        load_model(bad)
    message = str(caught.value)
    assert "notes.npz" in message and "已损坏或不是 rnnviz 模型文件" in message


def test_the_tokenising_child_answers_in_the_windows_language(chinese_layers, tmp_path):
    """The path does not exist: the child process reports it, in Chinese, through RNNVIZ_LANGUAGE."""
    missing = tmp_path / "no_such_archive.tar.gz"
    with pytest.raises(DatasetError) as caught:
        load_imdb_in_child(missing, num_words=100, maxlen=10)
    message = str(caught.value)
    assert "给出的路径" in message and "不存在" in message and str(missing) in message, message


def test_the_child_speaks_english_when_the_window_does(tmp_path):
    with pytest.raises(DatasetError, match="the given path .* does not exist"):
        load_imdb_in_child(tmp_path / "no_such_archive.tar.gz", num_words=100, maxlen=10)


def test_child_environment_carries_the_language(chinese_layers):
    assert text.child_environment({})[text.LANGUAGE_VARIABLE] == "zh_CN"


def test_an_unknown_language_in_the_environment_falls_back_to_english(monkeypatch):
    monkeypatch.setenv(text.LANGUAGE_VARIABLE, "xx_YY")
    try:
        assert text.use_language_from_environment() == "en"
        assert text.translate("DataErrors", "cannot read review {0}: {1}") == "cannot read review {0}: {1}"
    finally:
        text.set_translator(None)


def test_every_layer_message_has_a_translation_with_the_same_placeholders():
    """A translation that drops or renames a {0} would print a wrong or broken message."""
    table = text.read_catalog("zh_CN")
    layer = {k: v for k, v in table.items() if k[0] in ("DataErrors", "ModelFiles")}
    assert len(layer) >= 70
    for (context, source), translation in layer.items():
        assert sorted(re.findall(r"\{[^}]*\}", source)) == sorted(re.findall(r"\{[^}]*\}", translation)), source
        assert CJK.search(translation), source
