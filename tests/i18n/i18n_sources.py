"""Reading the sources as lupdate should: the translate calls, and visible strings that bypass them.

Used by test_no_bypass.py (no visible literal without translate) and test_catalog.py (every
translate call of the sources is in the .ts, finished). Pure ``ast``: nothing is imported.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: Methods whose string arguments the user reads (Qt's setters, and the window's own helpers).
VISIBLE_METHODS = {
    "setText", "setToolTip", "setWindowTitle", "showMessage", "addTab", "insertTab", "setTabText", "setTabToolTip",
    "setStatusTip", "setWhatsThis", "setPlaceholderText", "setTitle", "addMenu", "addAction", "setSuffix",
    "setPrefix", "addItem", "addItems", "insertItem", "setItemText", "setSpecialValueText", "setHeaderLabels",
    "setHorizontalHeaderLabels", "setLabelText", "setFormat", "setLabel", "setToolTip", "show_message",
    "show_waiting", "status", "warn", "setHtml", "setPlainText", "addRow", "set_full_text", "show_result",
    "getOpenFileName", "getSaveFileName", "getExistingDirectory", "information",
    "warning", "critical", "question",
}
#: Classes whose constructor's string arguments the user reads.
VISIBLE_CLASSES = {
    "QLabel", "QPushButton", "QCheckBox", "QGroupBox", "QAction", "QRadioButton", "QToolButton", "QMenu",
    "QListWidgetItem", "QDockWidget", "QMessageBox", "QTreeWidgetItem", "QTableWidgetItem", "HelpButton",
    "BackgroundJob", "Feedback",
}
#: Keyword arguments that style text rather than say something (pyqtgraph's setTitle(text, size="9pt")).
STYLE_KEYWORDS = {"size", "color", "colour", "units", "family"}
#: Calls whose first argument is a key, not words (an axis name, a help topic, a job's function).
KEY_FIRST = {"setLabel", "HelpButton", "BackgroundJob", "setItemText", "setTabText", "setTabToolTip", "insertItem",
             "insertTab"}
#: Calls whose result is translated (or a marked table entry).
TRANSLATING = {"translate", "tr", "QT_TRANSLATE_NOOP"}
#: Words that are the same in every language: the app's name and the notation.
UNTRANSLATED_WORDS = {"rnnviz", "tanh", "relu", "sigmoid", "dL", "dW", "dU", "dV", "db", "do", "ds", "da",
                      "npz", "oov", "pad", "start", "hat", "sub", "sup", "nbsp", "middot", "hellip"}
_TAG = re.compile(r"<[^>]*>|&\w+;")
_WORD = re.compile(r"[A-Za-z]{2,}")


def words_of(text: str) -> list[str]:
    """The English words of a literal, without HTML tags, entities and the notation's names."""
    return [w for w in _WORD.findall(_TAG.sub(" ", text)) if w not in UNTRANSLATED_WORDS]


def call_name(node: ast.Call) -> str:
    f = node.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def _is_translating(node: ast.AST) -> bool:
    """A translate()/tr() call, or a method called on one ("...".format on its result)."""
    while isinstance(node, ast.Call):
        if call_name(node) in TRANSLATING:
            return True
        func = node.func
        node = func.value if isinstance(func, ast.Attribute) else None
    return False


def untranslated_literals(node: ast.AST) -> list[str]:
    """English text in an argument expression that does not pass through translate."""
    if node is None or _is_translating(node):
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if words_of(node.value) else []
    if isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        found = [text] if words_of(text) else []
        for v in node.values:
            if isinstance(v, ast.FormattedValue):
                found += untranslated_literals(v.value)
        return found
    if isinstance(node, ast.BinOp):
        return untranslated_literals(node.left) + untranslated_literals(node.right)
    if isinstance(node, ast.IfExp):
        return untranslated_literals(node.body) + untranslated_literals(node.orelse)
    if isinstance(node, (ast.List, ast.Tuple)):
        return [text for elt in node.elts for text in untranslated_literals(elt)]
    if isinstance(node, ast.Call):
        # "literal".format(...) or "<b>{0}</b>".join(...): the literal is what is shown
        func = node.func
        found = untranslated_literals(func.value) if isinstance(func, ast.Attribute) else []
        return found + [text for arg in node.args for text in untranslated_literals(arg)]
    return []


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


def _name(path: Path) -> str:
    """The file's name relative to the repository root; a probe file of the tests (under pytest's
    tmp_path, outside the repository) by its own name."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name


def _parse(path: Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def bypasses(path: Path) -> list[Finding]:
    """Visible strings in `path` that do not go through translation."""
    rel = _name(path)
    found = []
    for node in ast.walk(_parse(path)):
        if not isinstance(node, ast.Call):
            continue
        name = call_name(node)
        if name in VISIBLE_METHODS and isinstance(node.func, ast.Attribute) or name in VISIBLE_CLASSES:
            args = node.args[1:] if name in KEY_FIRST else node.args
            for arg in [*args, *(k.value for k in node.keywords if k.arg not in STYLE_KEYWORDS)]:
                for text in untranslated_literals(arg):
                    found.append(Finding(rel, node.lineno, f"{name}(...) shows {text!r} without translate"))
    return found


@dataclass(frozen=True)
class Message:
    """One translate call: context, source text, whether it has a count (plural forms)."""

    context: str
    source: str
    numerus: bool
    path: str
    line: int


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def translate_calls(path: Path) -> tuple[list[Message], list[Finding]]:
    """Every translate("Ctx", "text"[, disambiguation[, n]]), QT_TRANSLATE_NOOP and self.tr("text"[, d, n])
    call, and the calls lupdate cannot extract (not literals, keywords, a count in translate)."""
    rel = _name(path)
    tree = _parse(path)
    messages, problems = [], []

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef) and child.name in TRANSLATING:
                continue  # the translate wrappers themselves pass their arguments on
            visit(child, child.name if isinstance(child, ast.ClassDef) else cls)
        if not isinstance(node, ast.Call):
            return
        name = call_name(node)
        line = node.lineno
        if name in ("translate", "QT_TRANSLATE_NOOP"):
            if node.keywords:
                problems.append(Finding(rel, line, f"{name} with keyword arguments: lupdate does not extract it"))
            if len(node.args) < 2:
                return
            context, source = _literal(node.args[0]), _literal(node.args[1])
            if context is None:
                problems.append(Finding(rel, line, f"{name}: the context must be a string literal"))
                return
            if source is None:
                if isinstance(node.args[1], (ast.Name, ast.Subscript, ast.Attribute)) and name == "translate":
                    return  # a marked table entry (QT_TRANSLATE_NOOP) translated where shown
                problems.append(Finding(rel, line, f"{name}: the text must be a string literal, not an f-string "
                                                   "or an expression"))
                return
            if len(node.args) >= 4:
                problems.append(Finding(rel, line, "translate with a count: lupdate does not mark it as plural; "
                                                   "use self.tr(text, '', n) in a QObject class"))
            messages.append(Message(context, source, False, rel, line))
        elif name == "tr" and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) \
                and node.func.value.id == "self":
            if cls is None or not node.args:
                return
            source = _literal(node.args[0])
            if source is None:
                if not isinstance(node.args[0], (ast.Name, ast.Subscript, ast.Call)):
                    problems.append(Finding(rel, line, "self.tr: the text must be a string literal"))
                return
            if node.keywords:
                problems.append(Finding(rel, line, "self.tr with keyword arguments: lupdate does not extract it"))
            messages.append(Message(cls, source, len(node.args) >= 3, rel, line))

    visit(tree, None)
    return messages, problems


def python_files(folders: tuple[str, ...]) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


# --- prose outside translate ---------------------------------------------------------------------
#: Two English words in a row (after removing tags, entities and {placeholders}): text a person reads.
_PROSE = re.compile(r"[A-Za-z]{2,}[,:;.!?']?\s+[A-Za-z]{2,}")
_STRIP = re.compile(r"<[^>]*(>|$)|&#?\w+;|\{[^}]*\}")  # a tag, also one cut at the literal's end
_CSS = re.compile(r"^\s*[#.\w-]*\s*\{?\s*[\w-]+\s*:\s*[^;]+;")
#: Calls whose string arguments are not for the window's user (the terminal, Qt's object model, styles).
NOT_FOR_THE_WINDOW = {"print", "add_argument", "ArgumentParser", "add_parser", "setStyleSheet", "setObjectName",
                      "getLogger", "debug", "info", "warning", "error", "exception", "setProperty"}


def prose_outside_translate(path: Path) -> list[Finding]:
    """String literals with English prose that are not a docstring, not inside translate/tr/
    QT_TRANSLATE_NOOP, not an exception's message (for developers: the ones the window shows are
    translated where they are raised), not for the terminal and not a style sheet."""
    rel = _name(path)
    tree = _parse(path)
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body \
                and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            skip.add(id(body[0].value))
        if isinstance(node, ast.Call) and call_name(node) in TRANSLATING | NOT_FOR_THE_WINDOW or isinstance(node, ast.Raise):
            skip.update(id(sub) for sub in ast.walk(node))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if _PROSE.search(_STRIP.sub(" ", node.value)) and not _CSS.match(node.value) and "<style" not in node.value:
                found.append(Finding(rel, node.lineno, f"English prose outside translate: {node.value[:80]!r}"))
    return found
