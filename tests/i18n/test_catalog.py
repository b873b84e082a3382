"""The committed translation sources are current and complete, and say the glossary's words.

- pyside6-lupdate, run over the current sources into a temporary copy of resources/i18n, changes
  nothing: no string of the code is missing from the .ts, none of the .ts is gone from the code.
- No entry is unfinished, vanished or obsolete; every translation keeps its source's placeholders.
- Every translate call the sources make (read with ast) is in the catalog: a call lupdate could not
  extract would silently stay English.
- The translations use resources/i18n/GLOSSARY.md's term wherever the English says the glossary's word.
- pyside6-lrelease compiles it and Qt reads it.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from i18n_sources import ROOT, python_files, translate_calls
from rnnviz.gui import i18n_tools

TS = {language: i18n_tools.ts_path(ROOT, language) for language in i18n_tools.LANGUAGES}
GLOSSARY = ROOT / "resources" / "i18n" / "GLOSSARY.md"


def messages(ts_file: Path) -> list[dict]:
    """Every message of a .ts: context, source, numerus, type and the translation (forms)."""
    out = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for msg in context.iter("message"):
            tr = msg.find("translation")
            forms = [f.text or "" for f in tr.iter("numerusform")] if msg.get("numerus") == "yes" else [tr.text or ""]
            out.append({"context": name, "source": msg.findtext("source"), "comment": msg.findtext("comment"),
                        "numerus": msg.get("numerus") == "yes", "type": tr.get("type"), "forms": forms})
    return out


@pytest.fixture(scope="module")
def lupdated(tmp_path_factory) -> dict[str, Path]:
    """lupdate's .ts files for the current sources, made in a copy of the tree (never in the checkout)."""
    root = tmp_path_factory.mktemp("lupdate")
    for folder in i18n_tools.SOURCE_FOLDERS:
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in i18n_tools.SOURCE_FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, root / name)
    shutil.copytree(ROOT / "resources" / "i18n", root / "resources" / "i18n")
    i18n_tools.update(root)
    return {language: i18n_tools.ts_path(root, language) for language in i18n_tools.LANGUAGES}


@pytest.mark.parametrize("language", i18n_tools.LANGUAGES)
def test_committed_ts_is_what_lupdate_makes_of_the_sources(lupdated, language):
    committed = TS[language].read_text(encoding="utf-8")
    fresh = lupdated[language].read_text(encoding="utf-8")
    if fresh != committed:
        key = lambda m: (m["context"], m["source"])  # noqa: E731
        new = {key(m) for m in messages(lupdated[language])} - {key(m) for m in messages(TS[language])}
        gone = {key(m) for m in messages(TS[language])} - {key(m) for m in messages(lupdated[language])}
        pytest.fail(f"resources/i18n/rnnviz_{language}.ts is not current: run `python -m rnnviz.gui.i18n_tools` "
                    f"and translate.\nnew in the code: {sorted(new)[:20]}\ngone from the code: {sorted(gone)[:20]}"
                    + ("" if new or gone else "\n(same messages; translations or form differ)"))


@pytest.mark.parametrize("language", i18n_tools.LANGUAGES)
def test_every_entry_is_finished(language):
    bad = [(m["context"], m["source"], m["type"]) for m in messages(TS[language])
           if m["type"] in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in m["forms"])]
    assert not bad, f"{len(bad)} entries of rnnviz_{language}.ts are not finished: {bad[:15]}"


_PLACEHOLDER = re.compile(r"\{\d+\}|%n|%L?\d")


@pytest.mark.parametrize("language", i18n_tools.LANGUAGES)
def test_translations_keep_the_placeholders(language):
    bad = []
    for m in messages(TS[language]):
        wanted = sorted(set(_PLACEHOLDER.findall(m["source"])))
        for form in m["forms"]:
            if sorted(set(_PLACEHOLDER.findall(form))) != wanted:
                bad.append((m["source"], form))
    assert not bad, bad[:10]


_MNEMONIC = re.compile(r"&[^&\s;]")


def test_menu_mnemonics_are_kept():
    """A menu word with a key (&File) keeps one in Chinese (文件(&F)), so Alt+key still opens it."""
    bad = [(m["source"], m["forms"][0]) for m in messages(TS["zh_CN"])
           if _MNEMONIC.search(m["source"].replace("&amp;", "")) and not _MNEMONIC.search(m["forms"][0])]
    assert not bad, bad


def test_every_translate_call_of_the_sources_is_in_the_catalog():
    catalog = {(m["context"], m["source"]) for m in messages(TS["zh_CN"])}
    plurals = {(m["context"], m["source"]) for m in messages(TS["en"])}
    missing, not_plural = [], []
    for path in python_files(i18n_tools.SOURCE_FOLDERS) + [ROOT / name for name in i18n_tools.SOURCE_FILES]:
        found, _problems = translate_calls(path)
        for msg in found:
            if (msg.context, msg.source) not in catalog:
                missing.append(f"{msg.path}:{msg.line}: {msg.context}: {msg.source!r}")
            if msg.numerus and (msg.context, msg.source) not in plurals:
                not_plural.append(f"{msg.path}:{msg.line}: {msg.source!r}")
    assert not missing, "lupdate did not extract these calls (see resources/i18n/README.md):\n" + "\n".join(missing)
    assert not not_plural, "plural forms missing from rnnviz_en.ts:\n" + "\n".join(not_plural)


def test_english_plurals_are_singular_and_plural():
    for m in messages(TS["en"]):
        one, many = m["forms"]
        assert "(s)" not in one and "(s)" not in many and one != many, m


# --- the glossary ----------------------------------------------------------------------------------
def glossary() -> list[tuple[str, str]]:
    """(English term, Chinese term) of GLOSSARY.md's table; parenthesised parts and 'x / y' pairs
    split into plain terms."""
    pairs = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2 or cells[0] in ("English", "") or set(cells[0]) <= set("-"):
            continue
        english = re.sub(r"\s*\([^)]*\)", "", cells[0]).strip()
        chinese = re.sub(r"（[^）]*）", "", cells[1]).strip()
        for en, zh in zip(english.split(" / "), chinese.split(" / ")):
            pairs.append((en.strip(), zh.strip()))
    return pairs


#: English words of the glossary that the window also uses in another sense, where another word is right.
#: (english term, context): reason
GLOSSARY_EXCEPTIONS: dict[tuple[str, str], str] = {}


def test_glossary_is_read():
    terms = dict(glossary())
    assert terms["hidden state"] == "隐藏状态" and terms["learning rate"] == "学习率"
    assert terms["update gate"] == "更新门" and terms["epoch"] == "轮"


def test_translations_use_the_glossary():
    terms = sorted(glossary(), key=lambda p: -len(p[0]))  # "batch size" before "batch"
    bad = []
    for m in messages(TS["zh_CN"]):
        english = re.sub(r"https?://\S+", " ", m["source"].lower())  # an address is not prose to translate
        for en, zh in terms:
            pattern = re.compile(r"\b" + re.escape(en.lower()) + r"(s|es)?\b")
            if not pattern.search(english):
                continue
            english = pattern.sub(" ", english)  # a longer term took these words
            if (en, m["context"]) in GLOSSARY_EXCEPTIONS:
                continue
            if not all(zh in form for form in m["forms"]):
                bad.append(f"{m['context']}: {m['source']!r}: '{en}' should be {zh}, got {m['forms'][0]!r}")
    assert not bad, f"{len(bad)} translations leave the glossary:\n" + "\n".join(bad)


# --- compiled ------------------------------------------------------------------------------------
def test_lrelease_compiles_and_qt_reads_it(qapp, tmp_path):
    from PySide6.QtCore import QTranslator

    from rnnviz.gui import i18n

    for language in i18n.CATALOGS:
        qm = i18n.compiled_catalog(language, tmp_path)
        translator = QTranslator()
        assert translator.load(str(qm)), qm
        assert qm.parent == tmp_path and qm.stat().st_size > 0
    translator = QTranslator()
    translator.load(str(i18n.compiled_catalog("zh_CN", tmp_path)))
    assert translator.translate("Actions", "&File") == "文件(&F)"


def test_lrelease_is_installed_with_pyside6():
    program = Path(__import__("rnnviz.gui.i18n", fromlist=["x"]).lrelease_program())
    done = subprocess.run([str(program), "-version"], capture_output=True, text=True, timeout=60)
    assert "lrelease" in (done.stdout + done.stderr).lower()
