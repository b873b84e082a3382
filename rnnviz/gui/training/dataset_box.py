"""Where the training data comes from: IMDb (found, downloaded or opened from a file) or a built-in task.

The built-in synthetic tasks need nothing and are always available. IMDb is looked up where
``rnnviz.data.find_imdb`` looks (``$RNNVIZ_IMDB``, the user cache folder, Keras' folder); the user can
also open an archive, an unpacked folder or a Keras ``imdb.npz`` (remembered for the next launch), or
download the archive (84 MB) with a progress bar and a Cancel button. The download runs on a worker thread.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QMenu, QProgressBar, QPushButton,
                               QToolButton, QVBoxLayout, QWidget)

from rnnviz.data import IMDB_SIZE, DatasetError, download_imdb, find_imdb, where_to_put_it

from ..i18n import QT_TRANSLATE_NOOP, translate
from ..jobs import BackgroundJob, JobRunner
from ..settings import open_settings, read_str

IMDB_SETTING = "data/imdb_path"  # the copy the user opened last (the settings store, not the data cache)
IMDB_ENV_VAR = "RNNVIZ_IMDB"    # given for this launch: wins over the remembered copy

DATASETS = (
    ("imdb", QT_TRANSLATE_NOOP("DatasetBox", "IMDb movie reviews (50,000, positive/negative)")),
    ("memory", QT_TRANSLATE_NOOP("DatasetBox", "Built-in: long-range memory (label decided at the start)")),
    ("negation", QT_TRANSLATE_NOOP("DatasetBox", "Built-in: negation ('not good' vs 'good')")),
)
DESCRIPTIONS = {
    "memory": QT_TRANSLATE_NOOP("DatasetBox", "The label is the first word; the rest is noise. Make T longer to "
                                "watch the gradient vanish before it reaches the start. No download needed."),
    "negation": QT_TRANSLATE_NOOP("DatasetBox", "Short sentences in which 'not' and 'but' flip the meaning, so word "
                                  "order matters. No download needed."),
}


class DatasetChooser(QWidget):
    """Dataset choice. ``dataset_name()`` is "imdb", "memory" or "negation"; ``imdb_path()`` the IMDb copy or None."""

    datasetChanged = Signal(str)
    imdbPathChanged = Signal(object)  # Path or None

    def __init__(self, parent=None, jobs: JobRunner | None = None):
        super().__init__(parent)
        self.jobs = jobs or JobRunner(self)
        self._imdb_path: Path | None = None
        self._download: BackgroundJob | None = None

        self.combo = QComboBox()
        self.combo.setObjectName("dataset_combo")
        for key, text in DATASETS:
            self.combo.addItem(translate("DatasetBox", text), key)
        self.combo.currentIndexChanged.connect(self._on_combo)

        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setObjectName("dataset_info")

        self.open_button = QToolButton()
        self.open_button.setText(translate("DatasetBox", "Open…"))
        self.open_button.setToolTip(translate("DatasetBox", "Use a copy of IMDb you have: aclImdb_v1.tar.gz, an "
                                              "unpacked aclImdb folder, or Keras' imdb.npz"))
        self.open_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.open_button)
        menu.addAction(translate("DatasetBox", "Archive or Keras imdb.npz…"), self.open_file)
        menu.addAction(translate("DatasetBox", "Unpacked aclImdb folder…"), self.open_folder)
        self.open_button.setMenu(menu)
        self.download_button = QPushButton(translate("DatasetBox", "Download ({0} MB)").format(f"{IMDB_SIZE / 1e6:.0f}"))
        self.download_button.setToolTip(translate("DatasetBox", "Download aclImdb_v1.tar.gz from Stanford into the "
                                                  "rnnviz cache folder; the checksum is verified before the file is "
                                                  "kept"))
        self.download_button.clicked.connect(self._download_clicked)
        self.download_bar = QProgressBar()
        self.download_bar.setObjectName("download_bar")
        self.cancel_button = QPushButton(translate("DatasetBox", "Cancel"))
        self.cancel_button.clicked.connect(self.cancel_download)
        for w in (self.download_bar, self.cancel_button):
            w.hide()

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.download_button)
        buttons.addStretch(1)
        self.imdb_row = QWidget()
        self.imdb_row.setLayout(buttons)
        download_row = QHBoxLayout()
        download_row.addWidget(self.download_bar, 1)
        download_row.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.info)
        layout.addWidget(self.imdb_row)
        layout.addLayout(download_row)
        self.locate_imdb()
        # Offline default: a built-in task when there is no IMDb copy, IMDb when there is one.
        self.set_dataset("imdb" if self._imdb_path else "memory")

    # ------------------------------------------------------------------ state
    def dataset_name(self) -> str:
        return self.combo.currentData()

    def set_dataset(self, name: str) -> None:
        index = self.combo.findData(name)
        if index < 0:
            raise ValueError(f"unknown dataset {name!r}; choose one of {', '.join(k for k, _ in DATASETS)}")
        if index == self.combo.currentIndex():
            self._update_info()
        self.combo.setCurrentIndex(index)

    def imdb_path(self) -> Path | None:
        return self._imdb_path

    def set_imdb_path(self, path: str | Path | None) -> None:
        self._imdb_path = Path(path) if path else None
        self._update_info()
        self.imdbPathChanged.emit(self._imdb_path)

    def locate_imdb(self) -> None:
        """Look where find_imdb looks, after $RNNVIZ_IMDB the copy the user chose last time (a few
        stat calls: fine on the GUI thread)."""
        remembered = remembered_imdb_path()
        try:
            if remembered is not None and not os.environ.get(IMDB_ENV_VAR) and remembered.exists():
                self._imdb_path = remembered
            else:
                self._imdb_path = find_imdb()
            self._locate_error = None
        except DatasetError as exc:  # $RNNVIZ_IMDB names a missing file
            self._imdb_path, self._locate_error = None, str(exc)
        if self._imdb_path is None and remembered is not None:
            self._locate_error = translate("DatasetBox", "The copy you opened last ({0}) is no longer there.").format(
                remembered)
        self._update_info()

    def choose_imdb_path(self, path: str | Path) -> None:
        """The user's own choice (Open…, a finished download): used now and remembered for the next launch."""
        self.set_imdb_path(path)
        settings = open_settings()
        settings.setValue(IMDB_SETTING, str(Path(path)))
        settings.sync()

    def set_locked(self, locked: bool) -> None:
        """No changes of data while a run or a download uses it."""
        self.combo.setEnabled(not locked)
        self.open_button.setEnabled(not locked)
        self.download_button.setEnabled(not locked and self._download is None)

    def _on_combo(self, _index: int) -> None:
        self._update_info()
        self.datasetChanged.emit(self.dataset_name())

    def _update_info(self) -> None:
        name = self.dataset_name()
        is_imdb = name == "imdb"
        self.imdb_row.setVisible(is_imdb)
        if not is_imdb:
            self.info.setText(translate("DatasetBox", DESCRIPTIONS[name]) if name in DESCRIPTIONS else "")
        elif self._imdb_path is not None:
            self.info.setText(translate("DatasetBox", "Using {0}").format(f"<code>{_short(self._imdb_path)}</code>"))
            self.info.setToolTip(str(self._imdb_path))
        else:
            reason = getattr(self, "_locate_error", None) or translate("DatasetBox", "No copy of IMDb found yet.")
            self.info.setText(reason + " " + translate("DatasetBox", "Open a copy you have, or download it (84 MB)."))
            self.info.setToolTip(where_to_put_it())

    # ------------------------------------------------------------------ open
    def open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("DatasetBox", "Open IMDb"), str(Path.home()),
            translate("DatasetBox", "IMDb archive or Keras npz (*.tar.gz *.tgz *.npz);;All files (*)"))
        if path:
            self.choose_imdb_path(path)

    def open_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, translate("DatasetBox", "Open the unpacked aclImdb folder"),
                                                str(Path.home()))
        if path:
            self.choose_imdb_path(path)

    # ------------------------------------------------------------------ download
    def _download_clicked(self) -> None:
        self.start_download()

    def start_download(self, dest_dir: str | Path | None = None, url: str | None = None, md5: str | None = "default"):
        """Download the archive on a worker thread (dest_dir/url/md5 are for tests with a local server)."""
        if self._download is not None:
            return

        def work(progress, cancel):
            kwargs = {}
            if url is not None:
                kwargs["url"] = url
            if md5 != "default":
                kwargs["md5"] = md5
            return download_imdb(dest_dir if dest_dir else None, progress=progress, cancel=cancel, **kwargs)

        job = BackgroundJob(work, translate("DatasetBox", "Download"))
        job.progressed.connect(self._on_download_progress)
        job.succeeded.connect(self._on_download_done)
        job.failed.connect(self._on_download_failed)
        self._download = job
        self.download_bar.setRange(0, 0)
        self.download_bar.setFormat(translate("DatasetBox", "connecting…"))
        for w in (self.download_bar, self.cancel_button):
            w.show()
        self.download_button.setEnabled(False)
        self.jobs.start(job, "rnnviz-download")

    def cancel_download(self) -> None:
        if self._download is not None:
            self._download.cancel()
            self.download_bar.setFormat(translate("DatasetBox", "cancelling…"))

    def is_downloading(self) -> bool:
        return self._download is not None

    @Slot(object)
    def _on_download_progress(self, values: tuple) -> None:
        done, total, rate = values
        if total and total > 0:
            self.download_bar.setRange(0, 1000)
            self.download_bar.setValue(int(1000 * done / total))
            eta = (", " + translate("DatasetBox", "{0} s left").format(f"{(total - done) / rate:.0f}")) if rate > 0 else ""
            self.download_bar.setFormat(translate("DatasetBox", "{0} of {1} MB ({2} MB/s{3})").format(
                f"{done / 1e6:.1f}", f"{total / 1e6:.1f}", f"{rate / 1e6:.1f}", eta))
        else:
            self.download_bar.setFormat(translate("DatasetBox", "{0} MB").format(f"{done / 1e6:.1f}"))

    @Slot(object)
    def _on_download_done(self, path) -> None:
        self._end_download()
        self.set_imdb_path(path)

    @Slot(str, bool)
    def _on_download_failed(self, message: str, cancelled: bool) -> None:
        self._end_download()
        self.info.setText(message if not cancelled else translate("DatasetBox", "Download cancelled; nothing was kept."))

    def _end_download(self) -> None:
        self._download = None
        for w in (self.download_bar, self.cancel_button):
            w.hide()
        self.download_button.setEnabled(True)


def remembered_imdb_path() -> Path | None:
    """The IMDb copy the user opened last (it may have moved since), or None."""
    text = read_str(open_settings(), IMDB_SETTING)
    return Path(text) if text else None


def _short(path: Path) -> str:
    """The path with the home folder as ~, so the label stays short."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)
