"""No string the user reads bypasses translation: an ast check over the window's sources.

A literal with English words passed to a Qt setter (setText, setToolTip, showMessage, addTab, ...),
to a widget's constructor (QLabel, QPushButton, QAction, ...) or to the window's message helpers
fails, unless it goes through ``translate``/``self.tr``. And every translate call must be one
lupdate extracts (literal context and text, no keywords, plurals through self.tr).
"""
from __future__ import annotations

import ast
import textwrap

import pytest

from i18n_sources import ROOT, bypasses, prose_outside_translate, python_files, translate_calls

#: Every Python file of the window and of the Qt-free layer whose words it shows.
FOLDERS = ("rnnviz/gui", "rnnviz/explorer")
#: Files not wrapped yet (names relative to the repository root); empty: the check covers every file.
NOT_YET: set[str] = set()
NOT_YET_FOLDERS: tuple[str, ...] = ()
#: English prose that is not for the window's reader, and why: {file: (reason, literals or None = the file)}.
PROSE_ALLOWED = {
    "rnnviz/explorer/lesson_checks.py": ("a check's detail is read by tests/explorer/test_lessons.py, never shown",
                                         None),
    "rnnviz/explorer/lessons.py": ("an input sentence: the models read English", ["this movie was not good"]),
    "rnnviz/explorer/pencil.py": ("an input sentence: the models read English", ["not so good"]),
    "rnnviz/gui/app.py": ("rnnviz --help, in the terminal", ["other commands:"]),
    "rnnviz/gui/i18n_tools.py": ("the translators' command-line tool, not the window", None),
    "rnnviz/gui/training/plot_base.py": ("an exported SVG file's description, not shown", ["rnnviz live training plot"]),
    "rnnviz/gui/i18n.py": ("why the translation is not shown: English on purpose, the reader may have no CJK font",
                           ["No font for Simplified Chinese", "Chinese needs a CJK font", "The window is in English",
                            " is not a translation Qt can read.", " The window will be in English",
                            "English plural forms are not loaded",
                            # the restart offer in the language chosen, beside the window's own
                            "Start rnnviz again now, in English?"]),
}


def checked_files():
    return [p for p in python_files(FOLDERS)
            if str(p.relative_to(ROOT)) not in NOT_YET and not str(p.relative_to(ROOT)).startswith(NOT_YET_FOLDERS)]


def test_the_check_covers_the_window():
    """Every Python file of the window and of the explorer is checked."""
    files = checked_files()
    assert files == python_files(FOLDERS) and len(files) >= 70
    names = {str(p.relative_to(ROOT)) for p in files}
    for must in ("rnnviz/gui/main_window.py", "rnnviz/gui/actions.py", "rnnviz/gui/learn/panel.py",
                 "rnnviz/explorer/exercises.py"):
        assert must in names


@pytest.mark.parametrize("path", checked_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_visible_string_bypasses_translation(path):
    found = bypasses(path)
    assert not found, "untranslated strings:\n" + "\n".join(map(str, found))


@pytest.mark.parametrize("path", checked_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_english_prose_outside_translate(path):
    """Stricter than the setters: any literal with English prose (a table of tooltips, text drawn on a
    canvas, HTML built for a panel) must go through translate, or be listed in PROSE_ALLOWED with why."""
    rel = str(path.relative_to(ROOT))
    _reason, allowed = PROSE_ALLOWED.get(rel, ("", []))
    if allowed is None:
        return
    found = [f for f in prose_outside_translate(path)
             if not any(f.what.split(": ", 1)[1].strip("'\"").startswith(a.strip()) or a in f.what for a in allowed)]
    assert not found, "\n".join(map(str, found))


#: Below the window: the layers whose messages reach it (lupdate reads them too, see i18n_tools).
LAYER_FILES = python_files(("rnnviz/data",)) + [ROOT / f"rnnviz/train/{name}.py" for name in ("checkpoint", "config", "trainer")]


@pytest.mark.parametrize("path", checked_files() + LAYER_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_translate_call_is_extractable(path):
    _messages, problems = translate_calls(path)
    assert not problems, "\n".join(map(str, problems))


# --- the check itself can fail --------------------------------------------------------------------
def _check(tmp_path, code: str):
    # in pytest's own folder, not the repository: parallel workers each get their own file
    path = tmp_path / "probe.py"
    path.write_text(textwrap.dedent(code), encoding="utf-8")
    return bypasses(path), translate_calls(path)


@pytest.mark.parametrize("code", [
    'label.setText("Hello there")',
    'bar.showMessage(f"Opened {path}", 5000)',
    'QPushButton("Apply")',
    'box.setToolTip("Pick one" if x else translate("C", "None"))',
    'box.setText("<b>" + "Your turn" + "</b>")',
    'pages.addTab(page, "Explore")',
    'QAction("&Quit", window)',
    'HelpButton("input", "How a sentence becomes x_t")',
    'box.setText("Step {0}".format(n))',
])
def test_bypass_is_found(tmp_path, code):
    found, _ = _check(tmp_path, code)
    assert found


@pytest.mark.parametrize("code", [
    'label.setText(translate("C", "Hello there"))',
    'bar.showMessage(translate("C", "Opened {0}").format(path), 5000)',
    'box.setText("<b>" + self.tr("Your turn") + "</b>")',
    'cell.setText(f"{value:.6f}")',
    'label.setText(f"{spec.name} · H = {spec.hidden_dim}")',
    'HelpButton("input", translate("C", "How a sentence becomes x_t"))',
    'cell.setText("…")',
])
def test_translated_or_wordless_text_passes(tmp_path, code):
    found, _ = _check(tmp_path, code)
    assert not found


def test_prose_check_finds_a_table_of_tooltips(tmp_path):
    path = tmp_path / "probe.py"
    path.write_text('TIPS = {"lr": "The learning rate of the optimizer"}\n'
                    'OK = {"lr": QT_TRANSLATE_NOOP("Tips", "The learning rate")}\n'
                    'def f():\n    """A docstring is not shown."""\n    raise ValueError("for a developer")\n',
                    encoding="utf-8")
    found = prose_outside_translate(path)
    assert [f.line for f in found] == [1]


@pytest.mark.parametrize("code", [
    'translate("C", f"Opened {path}")',
    'translate("C", "%n steps", None, n)',
    'translate("C", "text", n=3)',
    'translate(context, "text")',
])
def test_unextractable_translate_call_is_found(tmp_path, code):
    _, (_messages, problems) = _check(tmp_path, code)
    assert problems


def test_self_tr_takes_the_class_as_context(tmp_path):
    _, (messages, problems) = _check(tmp_path, '''
        class Box:
            def f(self, n):
                self.tr("Check")
                self.tr("%n step(s)", "", n)
    ''')
    assert not problems
    assert [(m.context, m.source, m.numerus) for m in messages] == [("Box", "Check", False),
                                                                    ("Box", "%n step(s)", True)]


def test_sources_parse():
    for path in python_files(FOLDERS):
        ast.parse(path.read_text(encoding="utf-8"))
