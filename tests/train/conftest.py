"""Fixtures of the trainer's tests (helpers live in train_helpers.py, importable by the test modules)."""
import pytest
from train_helpers import make_dataset


@pytest.fixture
def dataset():
    return make_dataset()
