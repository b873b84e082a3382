"""replace_atomically: the new file appears whole or not at all, and no temporary file is left."""
import os
import stat

import pytest

from rnnviz.data.atomic import remove_stale_temporaries, replace_atomically, temporary_pattern


def test_replaces_the_file_when_the_block_ends(tmp_path):
    target = tmp_path / "model.npz"
    target.write_bytes(b"old")
    with replace_atomically(target) as tmp:
        assert tmp.parent == tmp_path and tmp != target
        tmp.write_bytes(b"new contents")
        assert target.read_bytes() == b"old"  # nothing visible until the block ends
    assert target.read_bytes() == b"new contents"
    assert os.listdir(tmp_path) == ["model.npz"]


@pytest.mark.parametrize("durable", [True, False])
def test_a_failure_keeps_the_old_file_and_removes_the_temporary_one(tmp_path, durable):
    target = tmp_path / "cache.npz"
    target.write_bytes(b"old")
    with pytest.raises(OSError, match="disk full"), replace_atomically(target, durable=durable) as tmp:
        tmp.write_bytes(b"half")
        raise OSError("disk full")
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["cache.npz"]


def test_file_mode_and_missing_folder(tmp_path):
    target = tmp_path / "plot.png"
    with replace_atomically(target, file_mode=0o644) as tmp:
        tmp.write_bytes(b"png")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    with pytest.raises(OSError), replace_atomically(tmp_path / "no" / "such" / "folder.png"):
        pass


def test_stale_temporaries_are_removed_young_ones_and_other_files_kept(tmp_path):
    target = tmp_path / "model.npz"
    with pytest.raises(KeyboardInterrupt), replace_atomically(target) as tmp:
        young = tmp.with_name(tmp.name.replace(".tmp", "x.tmp"))
        young.write_bytes(b"someone else's write in progress")
        old = tmp.with_name(tmp.name.replace(".tmp", "y.tmp"))
        old.write_bytes(b"left by a killed writer")
        os.utime(old, (old.stat().st_mtime - 7200,) * 2)
        (tmp_path / "other.tmp").write_bytes(b"not ours")
        raise KeyboardInterrupt
    assert remove_stale_temporaries(tmp_path, temporary_pattern("model.npz")) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([young.name, "other.tmp"])
