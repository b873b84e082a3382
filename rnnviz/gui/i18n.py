"""The window's language: chosen in View > Language (remembered), else the system locale.

Done the way Qt applications are translated: every visible string goes through
``QCoreApplication.translate`` (in the window: ``translate`` below; below the window:
``rnnviz.explorer.text.translate``, which ``install`` routes here). The sources of a language are
``resources/i18n/rnnviz_<language>.ts``, kept current with ``pyside6-lupdate`` (see
resources/i18n/README.md). The compiled ``.qm`` is never committed: ``compiled_catalog`` builds it
with ``pyside6-lrelease`` (part of PySide6-Essentials) into the user cache folder, named by a hash
of the ``.ts``, so a changed translation is compiled once and an unchanged one never again.

    state = install(app, resolve(chosen(settings)))   # before the window is made
    state.language                                    # "en" or "zh_CN", what the window shows
    state.notes                                       # problems to tell the user (no font, no lrelease)
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QActionGroup, QFontDatabase

from rnnviz import text as qt_free_text
from rnnviz.resource_files import MissingResourceError, resource_path

from .settings import read_str

SETTINGS_KEY = "view/language"
SOURCE_LANGUAGE = "en"
#: Languages with a translation in resources/i18n/, and their names in their own language (never translated).
TRANSLATED = ("zh_CN",)
#: English has a catalog too, of its plural forms only ("%n step(s)" -> "1 step", "3 steps"), as Qt does it.
CATALOGS = ("en",) + TRANSLATED
ENDONYMS = {"en": "English", "zh_CN": "中文"}
#: View > Language choices; "system" follows the locale at each start.
CHOICES = ("system", "en", "zh_CN")
LRELEASE_TIMEOUT_S = 60
FONT_NOTE = ("No font for Simplified Chinese is installed, so the window stays in English instead of "
             "showing boxes. Install one (Debian/Ubuntu: sudo apt install fonts-noto-cjk) and start "
             "rnnviz again.")
#: What the status bar shows of the notes (the whole text is its tooltip).
NOTE_LABEL = "Chinese needs a CJK font (fonts-noto-cjk): window in English"

_current = SOURCE_LANGUAGE


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """QCoreApplication.translate; lupdate extracts ``translate("Context", "literal")`` calls (positional only)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark a string in a table for extraction; translate it where it is shown."""
    return text


def plural(text: str, n: int) -> str:
    """English's plural when no catalog translated a ``self.tr("%n step(s)", "", n)`` (tests, scripts,
    a catalog that failed to load): "1 step", "3 steps". A translated text has no "(s)" left."""
    return text.replace("(s)", "" if n == 1 else "s")


def current_language() -> str:
    """The language the window was started in ("en" until ``install`` chose another)."""
    return _current


# --- which language ------------------------------------------------------------------------------
def system_language(locale: QLocale | None = None) -> str:
    """The translation for the locale (LANG=zh_CN.UTF-8 -> "zh_CN"), else English. Traditional
    Chinese (zh_TW, zh_HK) gets English: there is no Traditional translation, and Simplified is
    not what such a learner chose."""
    locale = locale if locale is not None else QLocale.system()
    if locale.language() == QLocale.Language.Chinese and locale.script() != QLocale.Script.TraditionalChineseScript:
        return "zh_CN"
    return SOURCE_LANGUAGE


def chosen(settings) -> str:
    """The View > Language choice remembered in `settings` ("system" when none or unknown)."""
    value = read_str(settings, SETTINGS_KEY, "system")
    return value if value in CHOICES else "system"


def resolve(choice: str, locale: QLocale | None = None) -> str:
    """The language to start in for a View > Language choice."""
    return system_language(locale) if choice == "system" else (choice if choice in ENDONYMS else SOURCE_LANGUAGE)


# --- compiling the catalog -----------------------------------------------------------------------
class CatalogError(RuntimeError):
    """The translation could not be compiled (lrelease missing or failed); the message says why."""


def ts_resource(language: str) -> str:
    return f"i18n/rnnviz_{language}.ts"


def lrelease_program() -> Path | None:
    """PySide6's lrelease (site-packages/PySide6/lrelease), or one on PATH."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease", "lrelease.exe"):
        if (folder / name).is_file():
            return folder / name
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return Path(found) if found else None


def cache_folder() -> Path:
    from rnnviz.data.cache import default_cache_dir  # one rule for every cache rnnviz keeps

    return default_cache_dir() / "i18n"


def compiled_catalog(language: str, folder: Path | None = None) -> Path:
    """The .qm of `language`, compiled from its .ts unless a compile of the same .ts is cached.

    Raises MissingResourceError (no .ts installed) or CatalogError (cannot compile or write)."""
    folder = Path(folder) if folder is not None else cache_folder()
    with resource_path(ts_resource(language)) as ts:
        digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
        target = folder / f"rnnviz_{language}-{digest}.qm"
        if target.is_file():
            return target
        program = lrelease_program()
        if program is None:
            raise CatalogError("pyside6-lrelease was not found (it ships with PySide6-Essentials: "
                               "pip install -e . again)")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.stem}.", suffix=".qm")
            os.close(fd)
        except OSError as exc:
            raise CatalogError(f"cannot write the compiled translation to {folder}: {exc}") from None
        try:
            done = subprocess.run([str(program), "-silent", str(ts), "-qm", tmp], capture_output=True,
                                  text=True, timeout=LRELEASE_TIMEOUT_S)
            if done.returncode != 0 or not os.path.getsize(tmp):
                raise CatalogError(f"lrelease failed on {ts.name}: {(done.stderr or done.stdout).strip()}")
            os.replace(tmp, target)  # atomic: a second rnnviz starting meanwhile sees all or nothing
        except (OSError, subprocess.SubprocessError) as exc:
            raise CatalogError(f"lrelease could not compile {ts.name}: {exc}") from None
        finally:
            if os.path.exists(tmp):
                os.remove(tmp)
    return target


# --- installing ----------------------------------------------------------------------------------
@dataclass
class Installed:
    """What ``install`` did: the language shown, its translators (kept alive), notes for the user."""

    language: str = SOURCE_LANGUAGE
    translators: list = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def has_font_for(language: str) -> bool:
    """Whether a font can show `language` (needs the QGuiApplication)."""
    if language != "zh_CN":
        return True
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def install(app: QCoreApplication, language: str) -> Installed:
    """Install the translators of `language` for rnnviz and for Qt's own strings (standard dialogs,
    context menus) and route the Qt-free layers' text through them. Anything that fails leaves the
    window in English and says why in ``notes``; it never stops the window from starting."""
    global _current
    state = Installed()
    if language not in CATALOGS:
        language = SOURCE_LANGUAGE
    if not has_font_for(language):
        state.notes.append(FONT_NOTE)
        language = SOURCE_LANGUAGE
    try:
        catalog = compiled_catalog(language)
    except (CatalogError, MissingResourceError) as exc:
        state.notes.append(f"The window is in English: its translation could not be loaded ({exc})."
                           if language != SOURCE_LANGUAGE else f"English plural forms are not loaded ({exc}).")
        return state
    own = QTranslator(app)
    if not own.load(str(catalog)):
        state.notes.append(f"The window is in English: {catalog} is not a translation Qt can read.")
        return state
    app.installTranslator(own)
    state.translators.append(own)
    qt_free_text.set_translator(translate, language)
    state.language = _current = language
    if language == SOURCE_LANGUAGE:
        return state
    qt_own = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(QLocale(language), "qtbase", "_", qt_folder):
        app.installTranslator(qt_own)
        state.translators.append(qt_own)
    # (no qtbase catalog: Qt's few own words stay English; rnnviz's are translated all the same)
    return state


def uninstall(app: QCoreApplication, state: Installed) -> None:
    """Back to English (tests that start a translated window in the same process)."""
    global _current
    for translator in state.translators:
        app.removeTranslator(translator)
    state.translators.clear()
    qt_free_text.set_translator(None)
    _current = SOURCE_LANGUAGE


def install_from_settings(app: QCoreApplication, settings) -> Installed:
    """The language remembered in View > Language (or the system's), installed."""
    return install(app, resolve(chosen(settings)))


# --- View > Language -----------------------------------------------------------------------------
def add_language_menu(window, view_menu, settings):
    """View > Language: System / English / 中文, remembered in `settings`, applied at the next start
    (every widget reads its words once when it is built; rebuilding the window would lose its
    state), which ``offer_restart`` offers to do at once. Returns the submenu."""
    menu = view_menu.addMenu(translate("Language", "&Language"))
    menu.setObjectName("language_menu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    current = chosen(settings)
    labels = {"system": translate("Language", "System ({0})").format(ENDONYMS[system_language()]),
              **{code: ENDONYMS[code] for code in ("en", "zh_CN")}}
    for code in CHOICES:
        action = menu.addAction(labels[code])
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)
    menu.addSeparator()
    note = menu.addAction(translate("Language", "Applies when rnnviz starts again"))
    note.setEnabled(False)

    def choose(action) -> None:
        code = action.data()
        settings.setValue(SETTINGS_KEY, code)
        settings.sync()
        target = resolve(code)
        # in the language chosen too, since that is the one the user reads
        message = translate("Language", "The window will be in {0} when rnnviz starts again.").format(ENDONYMS[target])
        if target == "zh_CN" and _current != "zh_CN":
            message += " 下次启动 rnnviz 时界面将切换为中文。"
        elif target == "en" and _current != "en":
            message += " The window will be in English when rnnviz starts again."
        window.statusBar().showMessage(message, 10000)
        if target != _current:
            offer_restart(window, target)

    group.triggered.connect(choose)
    return menu


def offer_restart(window, target: str):
    """Ask (without blocking) whether to start rnnviz again now in `target`. Restarting closes the
    window the usual way (a running training asks first; the sentence, model and lesson progress are
    kept in the settings) and starts the same program again. Returns the question box."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(window)
    box.setObjectName("restart_offer")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Language", "Language"))
    text = translate("Language", "Start rnnviz again now, in {0}? Your sentence, model and lesson progress are kept.")
    text = text.format(ENDONYMS[target])
    # in the language chosen too, since that is the one the user reads
    if target == "zh_CN" and _current != "zh_CN":
        text += "\n\n现在重新启动 rnnviz 并切换为中文？当前的句子、模型和课程进度都会保留。"
    elif target == "en" and _current != "en":
        text += "\n\nStart rnnviz again now, in English? Your sentence, model and lesson progress are kept."
    box.setText(text)
    restart = box.addButton(translate("Language", "Restart now"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Language", "Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restart)

    def answered(button) -> None:
        if button is restart:
            restart_program(window)

    box.buttonClicked.connect(answered)
    box.open()  # window-modal but not blocking: the window keeps running (and tests do not hang)
    return box


def restart_command() -> list[str]:
    """How this program starts again: the same Python, as ``python -m rnnviz`` (what main.py and the
    ``rnnviz`` command run), with the same arguments."""
    return [sys.executable, "-m", "rnnviz", *sys.argv[1:]]


def restart_program(window) -> bool:
    """Close `window` (it may refuse: a training run the user keeps) and, if it closed, start the
    program again. Returns whether a new one was started."""
    if not window.close():
        return False
    program, *args = restart_command()
    return start_detached(program, args)


def start_detached(program: str, args: list[str]) -> bool:
    from PySide6.QtCore import QProcess

    started, _pid = QProcess.startDetached(program, args)
    return bool(started)


def show_notes(window, state: Installed) -> None:
    """Put install's notes in the status bar for good (they matter until the user fixes them) and
    on stderr."""
    if not state.notes:
        return
    from PySide6.QtWidgets import QLabel

    whole = " ".join(state.notes)
    # English on purpose: these notes say why the translation is not shown
    label = QLabel(NOTE_LABEL if FONT_NOTE in state.notes else (whole if len(whole) < 90 else whole[:88] + "…"))
    label.setObjectName("language_note")
    label.setStyleSheet("color: #b00020;")
    label.setToolTip(whole)
    window.statusBar().addPermanentWidget(label)  # permanent: a status message never hides it
    print(f"rnnviz: {' '.join(state.notes)}", file=sys.stderr)
