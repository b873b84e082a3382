"""Which language the window starts in, and what happens when Chinese cannot be shown."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from rnnviz.explorer import text as explorer_text
from rnnviz.gui import i18n


@pytest.mark.parametrize("name, expected", [
    ("zh_CN", "zh_CN"), ("zh_SG", "zh_CN"), ("zh_TW", "en"), ("zh_HK", "en"), ("en_US", "en"), ("de_DE", "en"),
    ("C", "en"),
])
def test_system_language_follows_the_locale(name, expected):
    assert i18n.system_language(QLocale(name)) == expected


def test_the_choice_is_remembered_and_wins_over_the_locale(settings):
    assert i18n.chosen(settings) == "system"
    assert i18n.resolve("system", QLocale("zh_CN")) == "zh_CN"
    settings.setValue(i18n.SETTINGS_KEY, "en")
    assert i18n.chosen(settings) == "en" and i18n.resolve(i18n.chosen(settings), QLocale("zh_CN")) == "en"
    settings.setValue(i18n.SETTINGS_KEY, "klingon")  # a damaged settings file: back to the system's
    assert i18n.chosen(settings) == "system"


def test_lang_environment_gives_chinese(tmp_path):
    """LANG=zh_CN.UTF-8 is what QLocale.system() reads on Linux (checked in a fresh process)."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, LANG="zh_CN.UTF-8", LC_ALL="", LC_MESSAGES="", LANGUAGE="")
    code = "from rnnviz.gui import i18n; print(i18n.system_language())"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "zh_CN", out.stderr
    env["LANG"] = "en_GB.UTF-8"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "en", out.stderr


def test_chinese_routes_the_explorer_text_and_uninstall_restores_english(qapp):
    from rnnviz.explorer.exercises import Exercise

    ex = Exercise("o", 1, (0,), "p", "f", (), 0.5)
    assert ex.check("x").message.startswith("Type a number")
    state = i18n.install(qapp, "zh_CN")
    try:
        assert state.language == i18n.current_language() == "zh_CN"
        assert ex.check("x").message.startswith("请输入一个数")
        # Qt's own words too: the standard buttons and the text fields' context menus
        assert i18n.translate("QPlatformTheme", "Cancel") == "取消"
        assert i18n.translate("QLineEdit", "&Copy") == "复制(&C)"
        assert explorer_text.translate("Exercises", "Check the sign.") == "检查符号。"
    finally:
        i18n.uninstall(qapp, state)
    assert i18n.current_language() == "en"
    assert explorer_text.translate("Exercises", "Check the sign.") == "Check the sign."


def test_english_plural_forms(qapp):
    """The English catalog gives "1 token" and "3 tokens" for every "%n token(s)" of the code."""
    import xml.etree.ElementTree as ET
    from pathlib import Path

    ts = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "rnnviz_en.ts"
    plurals = [(c.findtext("name"), m.findtext("source"), [f.text for f in m.iter("numerusform")])
               for c in ET.parse(ts).getroot().iter("context") for m in c.iter("message")]
    assert plurals
    state = i18n.install(qapp, "en")
    try:
        assert state.language == "en" and not state.notes
        for context, source, (one, many) in plurals:
            assert i18n.translate(context, source, "", 1) == one.replace("%n", "1")
            assert i18n.translate(context, source, "", 3) == many.replace("%n", "3")
            assert "(s)" not in i18n.translate(context, source, "", 3)
    finally:
        i18n.uninstall(qapp, state)


def test_no_cjk_font_keeps_english_and_says_so(qapp, monkeypatch):
    from PySide6.QtGui import QFontDatabase

    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *args: []))
    state = i18n.install(qapp, "zh_CN")
    try:
        assert state.language == "en"
        assert any("fonts-noto-cjk" in note for note in state.notes)
        assert i18n.translate("Actions", "&File") == "&File"
    finally:
        i18n.uninstall(qapp, state)


def test_a_cjk_font_is_installed_here(qapp):
    """The machines that run the window in Chinese (and CI) have one; the README names the package."""
    assert i18n.has_font_for("zh_CN")


def test_missing_lrelease_keeps_english_and_says_so(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "cache_folder", lambda: tmp_path)
    monkeypatch.setattr(i18n, "lrelease_program", lambda: None)
    state = i18n.install(qapp, "zh_CN")
    try:
        assert state.language == "en" and "lrelease" in " ".join(state.notes)
    finally:
        i18n.uninstall(qapp, state)


def test_the_compiled_catalog_is_cached_by_the_ts_content(monkeypatch, tmp_path):
    first = i18n.compiled_catalog("zh_CN", tmp_path)
    monkeypatch.setattr(i18n, "lrelease_program", lambda: None)  # a second call must not compile again
    assert i18n.compiled_catalog("zh_CN", tmp_path) == first
    assert [p.name for p in tmp_path.iterdir()] == [first.name]  # no temporary file left behind
    with pytest.raises(i18n.CatalogError, match="lrelease"):
        i18n.compiled_catalog("zh_CN", tmp_path / "elsewhere")


def test_english_plural_without_a_catalog():
    """Widgets made without install (tests, scripts) still say "1 epoch" and "2 epochs"."""
    assert i18n.plural("after 1 epoch(s)", 1) == "after 1 epoch"
    assert i18n.plural("after 2 epoch(s)", 2) == "after 2 epochs"
    assert i18n.plural("训练 2 轮后", 2) == "训练 2 轮后"
