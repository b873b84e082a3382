"""GUI test setup shared by every module in tests/gui."""
import os

import pytest


@pytest.fixture(scope="module", autouse=True)
def private_user_folders(tmp_path_factory, training_kernels_compiled):
    """Each module starts with an empty user data folder: no saved model from another test module
    (the window opens the newest saved model) and no built-in model cache left from earlier. The
    training kernels are compiled first, so the windows show the trained built-in model at once."""
    folder = tmp_path_factory.mktemp("xdg-data")
    old = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("XDG_DATA_HOME", None)
    else:
        os.environ["XDG_DATA_HOME"] = old


@pytest.fixture
def settings(tmp_path):
    """A temporary INI store; the user's own settings are never touched."""
    from PySide6.QtCore import QSettings

    from rnnviz.gui.settings import open_settings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    return open_settings()


@pytest.fixture
def window(qtbot, settings):
    """The main window, shown, with its first trace drawn; closed (threads and all) afterwards."""
    from window_helpers import open_window

    w = open_window(qtbot, settings)
    yield w
    w.close()
