"""The help pages and the lessons in Chinese: all of them, with the project's notation untouched."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from rnnviz.explorer.lessons import LESSONS_DIR, load_lessons
from rnnviz.gui import i18n_tools
from rnnviz.gui.help_dialog import TOPICS, help_text

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")
#: The notation as the sources write it: x_t, s_{t-1}, W^T, dL/da<sub>t+1</sub>, entities such as &rho;.
NOTATION = re.compile(r"[A-Za-z/]+<su[bp]>[^<]*</su[bp]>|[A-Za-z/]+_\{[^}]*\}|[A-Za-z/]+_[A-Za-z0-9]+|"
                      r"[A-Za-z]+\^[A-Za-z0-9]+|&#?\w+;")


def notation(text: str) -> set[str]:
    return set(NOTATION.findall(text))


@pytest.mark.parametrize("topic", [topic for topic, _title in TOPICS])
def test_every_help_page_is_translated_and_keeps_the_notation(topic):
    english, chinese = help_text(topic, "en"), help_text(topic, "zh_CN")
    assert len(CJK.findall(chinese)) > 50
    missing = notation(english) - notation(chinese)
    assert not missing, f"help/zh_CN/{topic}.html lost the notation {sorted(missing)}"
    # the same structure: as many paragraphs, list items and preformatted equations
    for tag in ("<p>", "<li>", "<pre>", "<h2>", "<tr>"):
        assert english.count(tag) == chinese.count(tag), (topic, tag)


def test_help_folder_has_no_page_without_an_english_original():
    english = {p.name for p in (ROOT / "resources" / "help").glob("*.html")}
    chinese = {p.name for p in (ROOT / "resources" / "help" / "zh_CN").glob("*.html")}
    assert chinese == english


def test_every_lesson_is_translated():
    english = sorted(p.name for p in (LESSONS_DIR / "en").glob("*.toml"))
    chinese = sorted(p.name for p in (LESSONS_DIR / "zh_CN").glob("*.toml"))
    assert chinese == english and len(english) >= 8


def test_chinese_lessons_load_with_the_english_state_checks_and_exercises():
    english, chinese = load_lessons("en"), load_lessons("zh_CN")
    assert [lesson.id for lesson in chinese] == [lesson.id for lesson in english]
    for en, zh in zip(english, chinese):
        assert CJK.search(zh.title) and CJK.search(zh.summary), zh.id
        assert len(zh.steps) == len(en.steps)
        for k, (a, b) in enumerate(zip(en.steps, zh.steps)):
            where = f"{zh.id} step {k + 1}"
            assert b.state == a.state and b.checks == a.checks and b.exercise == a.exercise, where
            for field in ("title", "text", "task"):
                assert CJK.search(getattr(b, field)), (where, field)
            missing = notation(a.text + " " + a.task) - notation(b.text + " " + b.task)
            assert not missing, f"{where} lost the notation {sorted(missing)}"


def test_each_check_names_its_number_in_the_chinese_text_too():
    """A check's `says` is the piece of the English text that states the claim; the number it states
    must be in the translation too (the same claim, checked by tests/explorer/test_lessons.py)."""
    english, chinese = load_lessons("en"), load_lessons("zh_CN")
    for en, zh in zip(english, chinese):
        for a, b in zip(en.steps, zh.steps):
            for check in a.checks:
                says = str(check.get("says", ""))
                numbers = re.findall(r"\d+(?:\.\d+)?", says)
                for number in numbers:
                    assert number in b.text + b.task, (zh.id, a.title, says)


# --- no stale translation ----------------------------------------------------------------------------
def _translations():
    help_dir, lessons_dir = ROOT / "resources" / "help", ROOT / "resources" / "lessons"
    return ([(p, help_dir / p.name, i18n_tools.help_fingerprint) for p in sorted((help_dir / "zh_CN").glob("*.html"))]
            + [(p, lessons_dir / "en" / p.name, i18n_tools.lesson_fingerprint)
               for p in sorted((lessons_dir / "zh_CN").glob("*.toml"))])


@pytest.mark.parametrize("translation, english, fingerprint", _translations(), ids=lambda v: getattr(v, "name", ""))
def test_translation_is_of_the_current_english(translation, english, fingerprint):
    """Each translation names the fingerprint of the English it was made from; a changed original
    (a new sentence in a help page, a reworded lesson step) fails here until the translation follows
    (then `python -m rnnviz.gui.i18n_tools stamp`)."""
    stamp = i18n_tools.stamp_of(translation)
    assert stamp is not None, f"{translation.name} has no 'translated from' stamp on its first line"
    name, digest = stamp
    assert name == english.name
    assert digest == fingerprint(english), (f"{english.name} changed since {translation.parent.name}/"
                                            f"{translation.name} was translated: update the translation")


def test_the_fingerprint_changes_with_the_words_only(tmp_path):
    english = sorted((LESSONS_DIR / "en").glob("*.toml"))[0]
    text = english.read_text(encoding="utf-8")
    copy = tmp_path / english.name
    copy.write_text(text.replace("[step.state]", "[step.state]\nclip = true", 1), encoding="utf-8")
    assert i18n_tools.lesson_fingerprint(copy) == i18n_tools.lesson_fingerprint(english)
    first_title = load_lessons("en")[0].title
    copy.write_text(text.replace(first_title, first_title + " again", 1), encoding="utf-8")
    assert i18n_tools.lesson_fingerprint(copy) != i18n_tools.lesson_fingerprint(english)
