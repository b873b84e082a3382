"""Smoke test of an installed rnnviz, run from a folder outside the clone, as a user would.

    python tests/install/install_smoke.py VENV          # VENV: a virtual environment holding rnnviz
    python tests/install/install_smoke.py VENV --read-only

Checks, with the install's own `rnnviz` command and Python (never the clone's files):
the version; the help pages and the curated example sentences come from the installed package;
the window starts offscreen and draws its first trace; `rnnviz train --dataset negation --epochs 1`
trains and saves a model; `rnnviz desktop-entry --install` writes the menu entry and its icon.
With --read-only the installed package folder is read-only while the window starts twice (a
read-only bind mount in a private mount namespace when run as root, since root ignores permission
bits; chmod a-w otherwise): the kernels must be cached in the user's cache folder, and the second
start is timed. Prints one JSON line with the figures; exits non-zero on the first failed check.
tests/install/test_installed_wheel.py builds the wheel, installs it in a fresh venv and runs these.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import shlex
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: Environment variables that would make the install find the clone or a shared cache instead of its own.
LEAKY = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "NUMBA_CACHE_DIR", "RNNVIZ_CACHE_DIR",
         "RNNVIZ_SETTINGS_DIR", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "PYTHONDONTWRITEBYTECODE")
LONG = 900  # seconds: a cold numba compile on a busy 2-core machine can take minutes

PROBE = r"""
import json
import rnnviz
from rnnviz.resource_files import resources_root
from rnnviz.explorer.sources import example_sentences
from PySide6.QtWidgets import QApplication

app = QApplication([])
from rnnviz.gui.help_dialog import TOPICS, HelpDialog

dialog = HelpDialog()
pages = {}
for topic, _title in TOPICS:
    dialog.open_topic(topic)
    pages[topic] = dialog.browser.toPlainText()
print(json.dumps({"version": rnnviz.__version__, "package": rnnviz.__file__,
                  "resources": str(resources_root()), "examples": example_sentences(), "help": pages}))
"""


class SmokeFailure(AssertionError):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


class Install:
    """A virtual environment holding rnnviz, run from a private home folder outside the clone."""

    def __init__(self, venv: Path, home: Path):
        self.venv = Path(venv)
        self.python = self.venv / "bin" / "python"
        self.rnnviz = self.venv / "bin" / "rnnviz"
        self.home = Path(home)
        self.cwd = self.home / "elsewhere"
        self.cwd.mkdir(parents=True, exist_ok=True)

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in LEAKY}
        env.update(HOME=str(self.home), XDG_CACHE_HOME=str(self.home / ".cache"),
                   XDG_DATA_HOME=str(self.home / ".local" / "share"),
                   XDG_CONFIG_HOME=str(self.home / ".config"), QT_QPA_PLATFORM="offscreen")
        return env

    def run(self, args: list[str], prefix: list[str] = (), timeout: float = LONG) -> subprocess.CompletedProcess:
        return subprocess.run([*prefix, *map(str, args)], cwd=self.cwd, env=self.env(), capture_output=True,
                              text=True, timeout=timeout, stdin=subprocess.DEVNULL)

    def package_dir(self) -> Path:
        out = self.run([self.python, "-c", "import rnnviz, os; print(os.path.dirname(rnnviz.__file__))"])
        check(out.returncode == 0, f"import rnnviz failed:\n{out.stderr}")
        return Path(out.stdout.strip())

    def numba_files(self, folder: Path) -> list[Path]:
        return sorted(folder.rglob("*.nbi")) if folder.is_dir() else []


def check_version(inst: Install) -> str:
    from_command = inst.run([inst.rnnviz, "--version"])
    from_module = inst.run([inst.python, "-m", "rnnviz", "--version"])
    metadata = inst.run([inst.python, "-c", "import importlib.metadata as m; print(m.version('rnnviz'))"])
    for out in (from_command, from_module, metadata):
        check(out.returncode == 0, f"version check failed:\n{out.stderr}")
    version = metadata.stdout.strip()
    check(from_command.stdout.strip() == f"rnnviz {version}", f"rnnviz --version: {from_command.stdout!r}")
    check(from_module.stdout.strip() == f"rnnviz {version}", f"python -m rnnviz --version: {from_module.stdout!r}")
    return version


def check_resources(inst: Install) -> dict:
    """The help pages and the examples, read by the installed package from its own folder."""
    out = inst.run([inst.python, "-c", PROBE])
    check(out.returncode == 0, f"reading the installed resources failed:\n{out.stderr}")
    probe = json.loads(out.stdout.strip().splitlines()[-1])
    venv = inst.venv.resolve()
    for key in ("package", "resources"):
        check(Path(probe[key]).resolve().is_relative_to(venv), f"{key} {probe[key]} is not inside {venv}")
        check(not Path(probe[key]).resolve().is_relative_to(ROOT), f"{key} {probe[key]} comes from the clone")
    shipped = [line for line in (ROOT / "resources" / "sentences.txt").read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("#") and "\t" in line]
    check(len(probe["examples"]) == len(shipped) > 1,
          f"{len(probe['examples'])} example sentences installed, {len(shipped)} shipped")
    for topic, text in probe["help"].items():
        check(len(text) > 200 and "missing" not in text.lower(), f"help page {topic!r} shows: {text[:200]!r}")
    return probe


def first_trace_seconds(inst: Install, prefix: list[str] = (), command: list[str] | None = None) -> float:
    """Start the window (the install's `rnnviz`, or `command`); seconds from spawning it to its
    first drawn trace (then it closes)."""
    env_args = ["env", "RNNVIZ_STARTUP_REPORT=1", "RNNVIZ_QUIT_AFTER_TRACE=1",
                f"RNNVIZ_SETTINGS_DIR={inst.home / 'settings'}"]
    command = command or [inst.rnnviz]
    start = time.time()
    out = inst.run([*env_args, *command, "--quit-after", str(LONG * 1000)], prefix=prefix, timeout=LONG + 60)
    check(out.returncode == 0, f"the window exited with {out.returncode}:\n{out.stderr[-3000:]}")
    check("Traceback" not in out.stderr, f"the window printed a traceback:\n{out.stderr[-3000:]}")
    marks = dict(line.split() for line in out.stdout.splitlines() if line.startswith("RNNVIZ_"))
    check("RNNVIZ_TRACE_SHOWN" in marks, f"no trace was drawn; stdout:\n{out.stdout}\nstderr:\n{out.stderr[-3000:]}")
    return float(marks["RNNVIZ_TRACE_SHOWN"]) - start


def check_train(inst: Install, prefix: list[str] = ()) -> dict:
    model = inst.home / "negation.npz"
    out = inst.run([inst.rnnviz, "train", "--dataset", "negation", "--epochs", "1", "--out", model], prefix=prefix)
    check(out.returncode == 0, f"rnnviz train failed with {out.returncode}:\n{out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    check(result.get("status") == "finished" and result.get("epochs") == 1, f"rnnviz train said {result}")
    check(model.is_file() and model.stat().st_size > 0, f"rnnviz train wrote no model at {model}")
    return result


def check_desktop_entry(inst: Install) -> None:
    out = inst.run([inst.rnnviz, "desktop-entry", "--install"])
    check(out.returncode == 0, f"rnnviz desktop-entry --install failed:\n{out.stderr}")
    data = inst.home / ".local" / "share"
    entry = (data / "applications" / "rnnviz.desktop").read_text(encoding="utf-8")
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    interpreter, *rest = shlex.split(exec_line.removeprefix("Exec="))
    check(Path(interpreter).parent == inst.venv / "bin" and rest == ["-m", "rnnviz"],
          f"the entry does not start this install: {exec_line}")
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / "rnnviz.svg"
    check(f"Icon={icon}" in entry and icon.read_bytes().lstrip().startswith(b"<svg"), "the icon was not installed")


@contextlib.contextmanager
def read_only(package: Path) -> Iterator[list[str]]:
    """Yield a command prefix that runs a command with `package` read-only, for root as well."""
    if os.geteuid() == 0:
        script = 'p="$1"; shift; mount --bind "$p" "$p" && mount -o remount,bind,ro "$p" && exec "$@"'
        yield ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh", str(package)]
        return
    modes = {path: path.stat().st_mode for path in [package, *package.rglob("*")]}
    for path, mode in modes.items():
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        yield []
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


def check_read_only(inst: Install) -> dict:
    """Two starts with the package read-only: kernels go to the user cache; time the second start."""
    package = inst.package_dir()
    cache = inst.home / ".cache" / "rnnviz" / "numba"
    check(not inst.numba_files(package), f"{package} holds numba cache files before the read-only starts")
    with read_only(package) as prefix:
        attempt = (f"try: open({str(package / 'probe')!r}, 'w')\n"
                   "except OSError as exc: print('read-only', exc.strerror)")
        probe = inst.run([inst.python, "-c", attempt], prefix=prefix)
        check(probe.stdout.startswith("read-only"),
              f"could not make {package} read-only, so the check would prove nothing:\n{probe.stderr}")
        cold = first_trace_seconds(inst, prefix)
        warm = first_trace_seconds(inst, prefix)
        train = check_train(inst, prefix)
    check(not inst.numba_files(package), f"numba wrote into the read-only {package}")
    cached = inst.numba_files(cache)
    check(len(cached) >= 5, f"only {len(cached)} kernels cached in the user cache folder {cache}")
    return {"read_only_first_start_s": round(cold, 2), "read_only_second_start_s": round(warm, 2),
            "kernels_in_user_cache": len(cached), "train_seconds": train["seconds"]}


def check_writable(inst: Install) -> dict:
    """The same two starts with the package writable (as from a checkout or a user's own venv):
    numba's own cache beside the kernels, the yardstick for the read-only second start."""
    package = inst.package_dir()
    cold = first_trace_seconds(inst)
    warm = first_trace_seconds(inst)
    # as in the read-only check, a training run before counting: a window that closes right after its
    # first trace (drawn by the kernels' Python source) stops the compiler child before it writes anything
    check_train(inst)
    check(inst.numba_files(package / "core"), "a writable install did not cache its kernels beside them")
    return {"writable_first_start_s": round(cold, 2), "writable_second_start_s": round(warm, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("venv", type=Path, help="a virtual environment with rnnviz installed")
    parser.add_argument("--read-only", action="store_true",
                        help="also start it twice with the package read-only (needs a fresh install)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="rnnviz-smoke-") as home:
        inst = Install(args.venv, Path(home))
        report = {"version": check_version(inst)}
        probe = check_resources(inst)
        report.update(examples=len(probe["examples"]), help_pages=len(probe["help"]))
        check_desktop_entry(inst)
        if args.read_only:
            report.update(check_read_only(inst))
        else:
            report["first_start_s"] = round(first_trace_seconds(inst), 2)
            report["train_seconds"] = check_train(inst)["seconds"]
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SmokeFailure as exc:
        sys.exit(f"smoke test failed: {exc}")
