"""Translation test setup: a private settings store, and the Chinese window installed and removed."""
import pytest


@pytest.fixture
def settings(tmp_path):
    """A temporary INI store; the user's own settings are never touched."""
    from PySide6.QtCore import QSettings

    from rnnviz.gui.settings import open_settings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    return open_settings()


@pytest.fixture
def chinese(qapp):
    """Qt's and rnnviz's Chinese translators installed for one test, English again afterwards."""
    from rnnviz.gui import i18n

    state = i18n.install(qapp, "zh_CN")
    if state.language != "zh_CN":
        pytest.fail(f"the Chinese translation did not install: {state.notes}")
    yield state
    i18n.uninstall(qapp, state)
