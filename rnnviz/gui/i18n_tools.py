"""Keep the translation sources current: ``python -m rnnviz.gui.i18n_tools`` from the repository root.

Runs ``pyside6-lupdate`` over every Python file of the window (rnnviz/gui) and of the Qt-free layer
whose words it shows (rnnviz/explorer), merging new strings into resources/i18n/rnnviz_<lang>.ts as
unfinished entries and dropping vanished ones. No source locations are stored (``-locations none``)
and lupdate's ``extracomment`` lines are dropped (it takes any ``#:`` comment of the code, the
project's way of documenting a constant, for a note to translators), so the file changes only when
a string does. Then translate the unfinished entries (Qt Linguist:
``pyside6-linguist resources/i18n/rnnviz_zh_CN.ts``, or any editor) with the words of
resources/i18n/GLOSSARY.md. tests/i18n fails while an entry is unfinished or the file is not what
lupdate makes of the current sources.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import PySide6

#: Folders (relative to the repository root) whose .py files hold translatable strings.
SOURCE_FOLDERS = ("rnnviz/gui", "rnnviz/explorer")
#: zh_CN: every string; en: the plural forms only ("%n step(s)" -> "1 step" / "3 steps").
LANGUAGES = ("en", "zh_CN")


def lupdate_program() -> Path:
    return Path(PySide6.__file__).resolve().parent / "lupdate"


def source_files(root: Path) -> list[str]:
    """The .py files lupdate reads, relative to `root`, sorted (the same list on every machine)."""
    return sorted(str(p.relative_to(root)) for folder in SOURCE_FOLDERS for p in (root / folder).rglob("*.py"))


def lupdate_command(root: Path, ts_file: Path, language: str, keep_obsolete: bool = False) -> list[str]:
    """The lupdate call that brings `ts_file` up to date with the sources under `root` (run it in `root`)."""
    command = [str(lupdate_program()), "-silent", "-locations", "none", "-source-language", "en",
               "-target-language", language, *source_files(root), "-ts", str(ts_file)]
    if language == "en":
        command.insert(2, "-pluralonly")
    if not keep_obsolete:
        command.insert(2, "-no-obsolete")
    return command


_EXTRACOMMENT = re.compile(r"^ *<extracomment>.*?</extracomment>\n", re.MULTILINE | re.DOTALL)


def strip_extracomments(ts_file: Path) -> None:
    text = ts_file.read_text(encoding="utf-8")
    ts_file.write_text(_EXTRACOMMENT.sub("", text), encoding="utf-8")


def ts_path(root: Path, language: str) -> Path:
    return root / "resources" / "i18n" / f"rnnviz_{language}.ts"


def update(root: Path) -> None:
    for language in LANGUAGES:
        ts_file = ts_path(root, language)
        subprocess.run(lupdate_command(root, ts_file, language), cwd=root, check=True)
        strip_extracomments(ts_file)
        print(f"updated {ts_file.relative_to(root)}")


if __name__ == "__main__":
    update(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd())
