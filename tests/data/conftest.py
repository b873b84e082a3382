"""Fixtures of the data tests: generated IMDb copies, isolated user folders, the real archive."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from imdb_fixtures import write_archive, write_folder

# Read once at import: the autouse fixture below removes it so find_imdb() tests are not affected.
REAL_IMDB = os.environ.get("RNNVIZ_IMDB")


@pytest.fixture(scope="session")
def imdb_archive(tmp_path_factory) -> Path:
    return write_archive(tmp_path_factory.mktemp("archive") / "aclImdb_v1.tar.gz")


@pytest.fixture(scope="session")
def imdb_folder(tmp_path_factory) -> Path:
    return write_folder(tmp_path_factory.mktemp("folder"))


@pytest.fixture(autouse=True)
def isolated_locations(tmp_path, monkeypatch):
    """Never read or write the real user cache or ~/.keras during tests."""
    monkeypatch.setenv("RNNVIZ_CACHE_DIR", str(tmp_path / "user-cache"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("RNNVIZ_IMDB", raising=False)


@pytest.fixture(scope="session")
def real_archive() -> Path:
    """The real archive given by $RNNVIZ_IMDB (CI sets it); tests using it are skipped otherwise."""
    value = REAL_IMDB
    if not value:
        pytest.skip("RNNVIZ_IMDB is not set: point it at aclImdb_v1.tar.gz to run the real-data tests")
    path = Path(value)
    if not path.exists():
        pytest.fail(f"RNNVIZ_IMDB={value} does not exist")
    return path
