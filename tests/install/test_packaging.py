"""Packaging that must hold in every install: the resources come from the package (a missing one is
an error, never a silent fallback), the package list, the single-source version, the licence, the
numba cache folder of a read-only install, the desktop entry, the icon and the About box."""
from __future__ import annotations

import configparser
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import rnnviz
from rnnviz import numba_cache
from rnnviz.desktop import install, uninstall, user_entry
from rnnviz.explorer import sources
from rnnviz.resource_files import MissingResourceError, read_bytes, read_text, resource, resources_root

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_under_rnnviz_is_listed_for_the_wheel():
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "rnnviz").rglob("__init__.py")}
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    assert found - listed == set(), "add these packages to [tool.setuptools] packages in pyproject.toml"
    assert listed == found | {"rnnviz.resources"}


def test_resources_folder_is_the_package_rnnviz_resources_with_everything_under_it():
    setuptools = PYPROJECT["tool"]["setuptools"]
    assert setuptools["package-dir"] == {"rnnviz.resources": "resources"}
    assert setuptools["package-data"]["rnnviz.resources"] == ["**/*"]
    assert Path(str(resources_root())).resolve() == (ROOT / "resources").resolve()  # editable install


def test_version_has_one_source_and_the_command_prints_it():
    assert "version" not in PYPROJECT["project"] and "version" in PYPROJECT["project"]["dynamic"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "rnnviz.__version__"}
    out = subprocess.run([sys.executable, "-m", "rnnviz", "--version"], capture_output=True, text=True,
                         timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"rnnviz {rnnviz.__version__}"


def test_license_is_an_spdx_expression_with_its_file():
    assert PYPROJECT["project"]["license"] == "MIT"
    assert PYPROJECT["project"]["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_help_pages_and_examples_are_read_from_the_package():
    from rnnviz.gui.help_dialog import TOPICS, help_text

    for topic, _title in TOPICS:
        assert help_text(topic) == (ROOT / "resources" / "help" / f"{topic}.html").read_text(encoding="utf-8")
    examples = sources.example_sentences()
    assert len(examples) > 1 and examples[0] == (0, "this movie was not good")


def test_a_missing_resource_is_an_error_not_a_fallback(monkeypatch):
    from rnnviz.gui.help_dialog import help_text

    with pytest.raises(MissingResourceError, match="help/no-such-topic.html"):
        help_text("no-such-topic")
    monkeypatch.setattr(sources, "SENTENCES_FILE", "no-such-sentences.txt")
    with pytest.raises(MissingResourceError, match="no-such-sentences.txt"):
        sources.example_sentences()


def test_a_sentences_file_without_examples_is_an_error(monkeypatch):
    monkeypatch.setattr(sources, "read_text", lambda _name: "# only a comment\nno tab here\n")
    with pytest.raises(MissingResourceError, match="holds no"):
        sources.example_sentences()


def test_the_help_window_says_when_a_page_is_missing(qtbot, monkeypatch):
    from rnnviz.gui import help_dialog

    monkeypatch.setattr(help_dialog, "TOPICS", (("no-such-topic", "Gone"),) + help_dialog.TOPICS)
    dialog = help_dialog.HelpDialog()
    qtbot.addWidget(dialog)
    dialog.open_topic("no-such-topic")
    assert "This help page is missing" in dialog.browser.toPlainText()
    dialog.open_topic("bptt")
    assert "missing" not in dialog.browser.toPlainText()


def test_resource_paths_stay_inside_resources():
    for bad in ("../pyproject.toml", "/etc/passwd", ""):
        with pytest.raises(ValueError):
            resource(bad)
    with pytest.raises(MissingResourceError):
        read_text("help")  # a folder


def test_numba_cache_stays_beside_the_kernels_when_that_folder_is_writable(tmp_path, monkeypatch):
    monkeypatch.delitem(sys.modules, "numba", raising=False)  # configure() only acts before numba is imported
    environ = {}
    assert numba_cache.configure(environ, tmp_path) is None
    assert environ == {}


def test_numba_cache_goes_to_the_user_cache_when_the_install_is_read_only(tmp_path, monkeypatch):
    monkeypatch.delitem(sys.modules, "numba", raising=False)
    monkeypatch.setenv("RNNVIZ_CACHE_DIR", str(tmp_path / "cache"))
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    # A folder below a regular file cannot be created, for root too (unlike permission bits).
    read_only_kernels = blocker / "rnnviz" / "core"
    assert not numba_cache.writable(read_only_kernels / "__pycache__")
    environ = {}
    assert numba_cache.configure(environ, read_only_kernels) == tmp_path / "cache" / "numba"
    assert environ == {"NUMBA_CACHE_DIR": str(tmp_path / "cache" / "numba")}


def test_numba_cache_dir_set_by_the_user_wins(tmp_path, monkeypatch):
    monkeypatch.delitem(sys.modules, "numba", raising=False)
    environ = {"NUMBA_CACHE_DIR": "/somewhere/else"}
    assert numba_cache.configure(environ, tmp_path / "a-file-would-not-matter") is None
    assert environ == {"NUMBA_CACHE_DIR": "/somewhere/else"}


def test_numba_cache_is_left_alone_once_numba_is_imported(tmp_path):
    import numba  # noqa: F401  (numba has read NUMBA_CACHE_DIR already: setting it would mislead)

    blocker = tmp_path / "a-file"
    blocker.write_text("")
    environ = {}
    assert numba_cache.configure(environ, blocker / "core") is None and environ == {}


def _desktop_entry(text: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(text)
    return parser["Desktop Entry"]


def test_shipped_desktop_entry_starts_rnnviz_with_its_icon():
    entry = _desktop_entry(read_text("rnnviz.desktop"))
    assert entry["Type"] == "Application" and entry["Name"] == "rnnviz"
    assert entry["Exec"] == "rnnviz" and entry["Icon"] == "rnnviz" and entry["StartupWMClass"] == "rnnviz"
    assert "Education" in entry["Categories"].split(";")
    assert read_bytes("icons/rnnviz.svg").lstrip().startswith(b"<svg")


def test_shipped_desktop_entry_speaks_chinese_too():
    """A Chinese desktop's menu shows the window's language: the glossary's words for the RNN."""
    entry = _desktop_entry(read_text("rnnviz.desktop"))
    assert "循环神经网络" in entry["GenericName[zh_CN]"] and "循环神经网络" in entry["Comment[zh_CN]"]
    assert "时间反向传播" in entry["Keywords[zh_CN]"].split(";")


def test_user_desktop_entry_runs_this_python_and_quotes_a_path_with_spaces(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "executable", "/opt/my apps/venv/bin/python")
    entry = _desktop_entry(user_entry(tmp_path))
    assert entry["Exec"] == '"/opt/my apps/venv/bin/python" -m rnnviz'
    assert entry["TryExec"] == "/opt/my apps/venv/bin/python"
    assert entry["Icon"] == str(tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "rnnviz.svg")


def test_desktop_entry_install_and_uninstall(tmp_path):
    written = install(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == [
        "icons/hicolor/scalable/apps/rnnviz.svg", "applications/rnnviz.desktop"]
    assert written[0].read_bytes() == read_bytes("icons/rnnviz.svg")
    assert all(os.stat(p).st_mode & 0o777 == 0o644 for p in written)
    assert _desktop_entry(written[1].read_text(encoding="utf-8"))["Exec"].endswith(" -m rnnviz")
    assert uninstall(tmp_path) == [written[1], written[0]]
    assert not any(p.exists() for p in written)


def test_the_icon_renders_at_every_size(qapp):
    from rnnviz.gui.app_icon import SIZES, app_icon

    icon = app_icon()
    assert {size.width() for size in icon.availableSizes()} == set(SIZES)
    image = icon.pixmap(48).toImage()
    # The rounded square is drawn (opaque in the middle) and its corners are left transparent.
    assert image.pixelColor(24, 24).alpha() == 255 and image.pixelColor(0, 0).alpha() == 0


def test_about_box_shows_the_icon_name_and_version(qtbot):
    from PySide6.QtWidgets import QWidget

    from rnnviz.gui.about import ICON_SIZE, show_about

    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_about(parent)
    assert f"rnnviz {rnnviz.__version__}" in box.text() and "MIT" in box.text()
    assert box.iconPixmap().width() == ICON_SIZE
    box.close()


@pytest.mark.slow
def test_window_with_a_missing_resource_says_so_and_exits(tmp_path):
    """A broken install is reported by name (on stderr and, on a real display, in a message box),
    not as a traceback, and not papered over with built-in text."""
    script = ("import sys; from rnnviz.explorer import sources; sources.SENTENCES_FILE = 'gone.txt'; "
              "from rnnviz.app import main; sys.exit(main(['--quit-after', '1']))")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RNNVIZ_SETTINGS_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                         cwd=tmp_path, env=env)
    assert out.returncode == 1
    assert "resources/gone.txt" in out.stderr and "reinstall rnnviz" in out.stderr
    assert "Traceback" not in out.stderr, out.stderr
