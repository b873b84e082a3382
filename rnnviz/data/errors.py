"""Errors of the dataset layer. Every message says what went wrong and what the user can do."""


class DatasetError(Exception):
    """A data file is missing, damaged or in a format rnnviz cannot read."""


class ImdbNotFound(DatasetError):
    """No copy of the IMDb dataset was found (or could be downloaded)."""


class DownloadError(DatasetError):
    """A download failed or gave a file that does not match the published checksum."""


class LoadCancelled(DatasetError):
    """Loading or downloading was stopped through the ``cancel`` event."""
