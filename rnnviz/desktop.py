"""``rnnviz desktop-entry``: the Linux desktop menu entry (resources/rnnviz.desktop) and icon.

The shipped entry says ``Exec=rnnviz`` and ``Icon=rnnviz``, as a distribution package installs
it (the command on PATH, the icon in the icon theme). For an install in a virtual environment or
with pipx, ``rnnviz desktop-entry --install`` writes it for the current user with the absolute
command of this install and a copy of the icon, following the XDG base directories:

    $XDG_DATA_HOME/applications/rnnviz.desktop                  (~/.local/share/... by default)
    $XDG_DATA_HOME/icons/hicolor/scalable/apps/rnnviz.svg

Without an option it prints that entry; ``--uninstall`` removes both files.
"""
from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path

from rnnviz.data.atomic import replace_atomically
from rnnviz.resource_files import MissingResourceError, read_bytes, read_text

ENTRY = "rnnviz.desktop"
ICON = "icons/rnnviz.svg"


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share (the desktop menu reads it there, whatever platformdirs says)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def entry_path(home: Path) -> Path:
    return home / "applications" / ENTRY


def icon_path(home: Path) -> Path:
    return home / "icons" / "hicolor" / "scalable" / "apps" / "rnnviz.svg"


def command() -> list[str]:
    """This install's command: its own Python running the package, which works from any venv."""
    return [sys.executable, "-m", "rnnviz"]


def user_entry(home: Path) -> str:
    """The shipped entry with Exec/TryExec set to this install and Icon to the user's copy."""
    exec_line = " ".join(_quote_exec(arg) for arg in command())
    lines = []
    for line in read_text(ENTRY).splitlines():
        key = line.split("=", 1)[0]
        if key == "Exec":
            line = f"Exec={exec_line}"
        elif key == "TryExec":
            line = f"TryExec={sys.executable}"
        elif key == "Icon":
            line = f"Icon={icon_path(home)}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _quote_exec(arg: str) -> str:
    """Quote an Exec argument as the Desktop Entry Specification asks (double quotes, and a
    backslash before ", `, $ and \\ inside them); a plain word stays as it is."""
    if arg and shlex.quote(arg) == arg and "%" not in arg:
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg).replace("%", "%%")
    return f'"{escaped}"'


def install(home: Path) -> list[Path]:
    """Write the entry and the icon (atomically); returns the files written."""
    written = []
    for path, data in ((icon_path(home), read_bytes(ICON)), (entry_path(home), user_entry(home).encode())):
        path.parent.mkdir(parents=True, exist_ok=True)
        with replace_atomically(path, file_mode=0o644) as tmp:
            tmp.write_bytes(data)
        written.append(path)
    return written


def uninstall(home: Path) -> list[Path]:
    removed = []
    for path in (entry_path(home), icon_path(home)):
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="rnnviz desktop-entry", description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--install", action="store_true", help="add rnnviz to your desktop menu")
    group.add_argument("--uninstall", action="store_true", help="remove it from your desktop menu")
    args = parser.parse_args(argv)
    home = data_home()
    try:
        if args.install:
            for path in install(home):
                print(f"wrote {path}")
            print("rnnviz is in the desktop menu (under Education); some desktops show it after the next login.")
        elif args.uninstall:
            for path in uninstall(home):
                print(f"removed {path}")
        else:
            sys.stdout.write(user_entry(home))
    except (MissingResourceError, OSError) as exc:
        print(f"rnnviz desktop-entry: {exc}", file=sys.stderr)
        return 1
    return 0
