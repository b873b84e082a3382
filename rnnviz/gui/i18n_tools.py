"""Keep the translations current, from the repository root:

    python -m rnnviz.gui.i18n_tools          # the .ts files from the code (pyside6-lupdate)
    python -m rnnviz.gui.i18n_tools stamp    # after updating a help page or lesson translation


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

import hashlib
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import PySide6

#: Folders (relative to the repository root) whose .py files hold translatable strings, and single
#: files below the explorer whose words the window shows (the hyperparameters' help, the model files' errors;
#: the data layer's errors reach the window too)
SOURCE_FOLDERS = ("rnnviz/gui", "rnnviz/explorer", "rnnviz/data")
SOURCE_FILES = ("rnnviz/train/config.py", "rnnviz/train/checkpoint.py", "rnnviz/train/trainer.py")
#: zh_CN: every string; en: the plural forms only ("%n step(s)" -> "1 step" / "3 steps").
LANGUAGES = ("en", "zh_CN")


def lupdate_program() -> Path:
    return Path(PySide6.__file__).resolve().parent / "lupdate"


def source_files(root: Path) -> list[str]:
    """The .py files lupdate reads, relative to `root`, sorted (the same list on every machine)."""
    found = {str(p.relative_to(root)) for folder in SOURCE_FOLDERS for p in (root / folder).rglob("*.py")}
    return sorted(found | {name for name in SOURCE_FILES if (root / name).is_file()})


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


# --- help pages and lessons: what a translation was made from ----------------------------------
# Every Chinese help page and lesson starts with a stamp naming a short hash of the English words
# it translates; tests/i18n fails when the English changed since (the translation is stale: update
# it, then stamp it). A lesson's hash covers its words only (titles, summary, text, task), so a
# change of a step's state or checks does not ask for a new translation.
HELP_STAMP = "<!-- translated from help/{name} {digest} -->"
LESSON_STAMP = "# translated from en/{name} {digest} (words only: state, checks and exercises come from en/)"
_STAMP = re.compile(r"^(?:<!--|#) translated from (?:help|en)/(\S+) ([0-9a-f]{12})")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def help_fingerprint(english: Path) -> str:
    return _digest(english.read_text(encoding="utf-8"))


def lesson_fingerprint(english: Path) -> str:
    data = tomllib.loads(english.read_text(encoding="utf-8"))
    words = [data.get("title", ""), data.get("summary", "")]
    for step in data.get("step", []):
        words += [step.get("title", ""), step.get("text", ""), step.get("task", "")]
    return _digest("\x00".join(" ".join(str(w).split()) for w in words))


def stamp_of(translation: Path) -> tuple[str, str] | None:
    """(English file name, fingerprint) from a translation's first line, or None."""
    match = _STAMP.match(translation.read_text(encoding="utf-8").split("\n", 1)[0])
    return (match.group(1), match.group(2)) if match else None


def stamp(root: Path) -> None:
    """Stamp every translated help page and lesson with its English original's current fingerprint."""
    for language in (code for code in LANGUAGES if code != "en"):
        for page in sorted((root / "resources" / "help" / language).glob("*.html")):
            english = root / "resources" / "help" / page.name
            _restamp(page, HELP_STAMP.format(name=page.name, digest=help_fingerprint(english)))
        for lesson in sorted((root / "resources" / "lessons" / language).glob("*.toml")):
            english = root / "resources" / "lessons" / "en" / lesson.name
            _restamp(lesson, LESSON_STAMP.format(name=lesson.name, digest=lesson_fingerprint(english)))


def _restamp(path: Path, line: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and _STAMP.match(lines[0]):
        lines = lines[1:]
    path.write_text("\n".join([line, *lines]), encoding="utf-8")
    print(f"stamped {path}")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["stamp"]:
        stamp(Path(args[1]) if len(args) > 1 else Path.cwd())
    else:
        update(Path(args[0]) if args else Path.cwd())
