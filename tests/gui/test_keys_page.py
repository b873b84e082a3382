"""The help's keyboard page lists every shortcut the window's actions have, in both languages."""
from __future__ import annotations

import re

import pytest

from rnnviz.gui.actions import ACTION_SPECS
from rnnviz.resource_files import read_text


@pytest.mark.parametrize("page", ["help/keys.html", "help/zh_CN/keys.html"])
def test_every_shortcut_is_on_the_keys_page(page):
    listed = set(re.findall(r"<b>([^<]+)</b>", read_text(page)))
    missing = [(name, keys[0]) for name, (_text, keys, _tip) in ACTION_SPECS.items()
               if keys and keys[0] not in listed]
    assert not missing, f"{page} does not list {missing}"
