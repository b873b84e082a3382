"""Decode numpy's pickled object arrays of integer lists *without* unpickling.

Keras' imdb.npz stores each split as an object array of Python lists of word ranks; numpy can
only save that as a pickle stream, and ``np.load(allow_pickle=False)`` rightly refuses it
(unpickling a downloaded file can run arbitrary code). This module is a tiny interpreter of the
pickle *opcodes* that such a stream uses: it builds ints, strings, tuples and lists, records
calls as inert placeholders, imports and calls nothing, and accepts only numpy's three array
reconstruction names. Anything else raises DatasetError.
"""
from __future__ import annotations

import io
import struct

import numpy as np

from rnnviz.text import translate

from .errors import DatasetError

#: Most word ranks one split may hold (Keras' real file: about 6 million per split). The memo opcodes let a
#: few KB of pickle name one long list thousands of times; this bound is checked before anything is expanded.
MAX_WORDS_PER_SPLIT = 30_000_000

_ALLOWED_GLOBALS = {
    ("numpy.core.multiarray", "_reconstruct"), ("numpy._core.multiarray", "_reconstruct"),
    ("numpy", "ndarray"), ("numpy", "dtype"),
    # Python 3 writing protocol 2 spells bytes as _codecs.encode(str, 'latin1'); recorded, never called.
    ("_codecs", "encode"),
}


class _Call:
    """A REDUCE we did not execute: the callable's name, its arguments and the BUILD state."""

    __slots__ = ("name", "args", "state")

    def __init__(self, name, args):
        self.name, self.args, self.state = name, args, None


def read_object_npy(npy: bytes, where: str) -> tuple[np.ndarray, np.ndarray]:
    """(flat int64 values, lengths (N,)) of a 1-D object .npy whose elements are lists of ints."""
    f = io.BytesIO(npy)
    try:
        version = np.lib.format.read_magic(f)
        shape, _fortran, dtype = (np.lib.format.read_array_header_1_0(f) if version == (1, 0)
                                  else np.lib.format.read_array_header_2_0(f))
    except ValueError as exc:
        raise DatasetError(translate("DataErrors", "{0}: not a numpy array file ({1})").format(where, exc)) from None
    if dtype != object or len(shape) != 1:
        raise DatasetError(translate("DataErrors", "{0}: expected a 1-D array of lists, got {1} {2}")
                           .format(where, dtype, shape))
    root = _interpret(memoryview(npy)[f.tell():], where)
    rows = _rows_of(root, where)
    if len(rows) != shape[0]:
        raise DatasetError(translate("DataErrors", "{0}: header says {1} reviews but {2} were stored")
                           .format(where, shape[0], len(rows)))
    lengths = np.fromiter(map(len, rows), np.int64, len(rows))
    total = int(lengths.sum())
    if total > MAX_WORDS_PER_SPLIT:
        raise DatasetError(translate("DataErrors", "{0}: the reviews hold {1:,} words in all, more than the "
                                     "{2:,} rnnviz reads per split (Keras' file has about 6 "
                                     "million)").format(where, total, MAX_WORDS_PER_SPLIT))
    _check_ints(rows, where)
    try:
        flat = np.fromiter((v for r in rows for v in r), np.int64, total)
    except OverflowError:
        raise DatasetError(translate("DataErrors", "{0}: a word number is too large to be a word rank")
                           .format(where)) from None
    return flat, lengths


def _rows_of(root, where: str) -> list:
    ok = isinstance(root, _Call) and root.name[1] == "_reconstruct" and isinstance(root.state, tuple)
    if not ok or len(root.state) != 5 or not isinstance(root.state[4], list):
        raise DatasetError(translate("DataErrors", "{0}: the stored object is not a numpy object array")
                           .format(where))
    rows = root.state[4]
    if not all(isinstance(row, list) for row in rows):
        raise DatasetError(translate("DataErrors", "{0}: an element is not a list of integers (unsupported "
                                     "content)").format(where))
    return rows


def _check_ints(rows: list, where: str) -> None:
    for row in rows:
        if not all(type(v) is int for v in row):
            raise DatasetError(translate("DataErrors", "{0}: an element is not a list of integers "
                                         "(unsupported content)").format(where))


def _interpret(data: memoryview, where: str):  # noqa: C901 - one flat opcode switch is clearest here
    stack: list = []
    marks: list[int] = []
    memo: dict[int, object] = {}
    unpack_from = struct.unpack_from
    i, n = 0, len(data)
    try:
        while i < n:
            op = data[i]
            i += 1
            # Hot path first: the integers and list building that make up 99 % of the stream.
            if op == 0x4B:  # K BININT1
                stack.append(data[i]); i += 1
            elif op == 0x4D:  # M BININT2
                stack.append(data[i] | data[i + 1] << 8); i += 2
            elif op == 0x4A:  # J BININT
                stack.append(unpack_from("<i", data, i)[0]); i += 4
            elif op == 0x65:  # e APPENDS
                m = marks.pop()
                items = stack[m:]
                del stack[m:]
                stack[-1].extend(items)
            elif op == 0x28:  # ( MARK
                marks.append(len(stack))
            elif op == 0x5D:  # ] EMPTY_LIST
                stack.append([])
            elif op == 0x94:  # MEMOIZE
                memo[len(memo)] = stack[-1]
            elif op == 0x71:  # q BINPUT
                memo[data[i]] = stack[-1]; i += 1
            elif op == 0x72:  # r LONG_BINPUT
                memo[unpack_from("<I", data, i)[0]] = stack[-1]; i += 4
            elif op == 0x68:  # h BINGET
                stack.append(memo[data[i]]); i += 1
            elif op == 0x6A:  # j LONG_BINGET
                stack.append(memo[unpack_from("<I", data, i)[0]]); i += 4
            elif op == 0x61:  # a APPEND
                v = stack.pop(); stack[-1].append(v)
            elif op == 0x6C:  # l LIST
                m = marks.pop(); items = stack[m:]; del stack[m:]; stack.append(items)
            elif op == 0x8A:  # LONG1
                k = data[i]; stack.append(int.from_bytes(data[i + 1:i + 1 + k], "little", signed=True)); i += 1 + k
            elif op == 0x80:  # PROTO
                i += 1
            elif op == 0x95:  # FRAME
                i += 8
            elif op in (0x8C, 0x55, 0x43):  # SHORT_BINUNICODE, SHORT_BINSTRING, SHORT_BINBYTES
                k = data[i]; stack.append(_text(op, data[i + 1:i + 1 + k])); i += 1 + k
            elif op in (0x58, 0x54, 0x42):  # BINUNICODE, BINSTRING, BINBYTES
                k = unpack_from("<I", data, i)[0]; stack.append(_text(op, data[i + 4:i + 4 + k])); i += 4 + k
            elif op == 0x4E:  # N NONE
                stack.append(None)
            elif op in (0x88, 0x89):  # NEWTRUE, NEWFALSE
                stack.append(op == 0x88)
            elif op == 0x29:  # ) EMPTY_TUPLE
                stack.append(())
            elif op in (0x85, 0x86, 0x87):  # TUPLE1..3
                k = op - 0x84; items = tuple(stack[-k:]); del stack[-k:]; stack.append(items)
            elif op == 0x74:  # t TUPLE
                m = marks.pop(); items = tuple(stack[m:]); del stack[m:]; stack.append(items)
            elif op == 0x63:  # c GLOBAL "module\nname\n"
                end1 = bytes(data[i:i + 200]).index(b"\n"); end2 = bytes(data[i + end1 + 1:i + end1 + 201]).index(b"\n")
                module = bytes(data[i:i + end1]).decode("ascii")
                name = bytes(data[i + end1 + 1:i + end1 + 1 + end2]).decode("ascii")
                stack.append(_global(module, name, where)); i += end1 + end2 + 2
            elif op == 0x93:  # STACK_GLOBAL
                name = stack.pop(); module = stack.pop(); stack.append(_global(module, name, where))
            elif op == 0x52:  # R REDUCE: record, never call
                args = stack.pop(); func = stack.pop(); stack.append(_Call(func, args))
            elif op == 0x62:  # b BUILD
                state = stack.pop()
                if not isinstance(stack[-1], _Call):
                    raise DatasetError(translate("DataErrors", "{0}: unsupported pickle content (BUILD on a "
                                                 "plain value)").format(where))
                stack[-1].state = state
            elif op == 0x2E:  # . STOP
                return stack.pop()
            else:
                raise DatasetError(translate("DataErrors", "{0}: unsupported pickle opcode 0x{1:02x}; this "
                                             "file holds more than lists of integers, so "
                                             "rnnviz will not read it").format(where, op))
    except (IndexError, KeyError, struct.error, AttributeError, UnicodeDecodeError, ValueError) as exc:
        raise DatasetError(translate("DataErrors", "{0}: damaged array data ({1}); download the file again")
                           .format(where, type(exc).__name__)) from None
    raise DatasetError(translate("DataErrors", "{0}: the array data ends early (truncated file); download "
                                 "it again").format(where))


def _text(op: int, raw: memoryview):
    if op in (0x43, 0x42):
        return bytes(raw)
    return bytes(raw).decode("utf-8" if op in (0x8C, 0x58) else "latin-1")


def _global(module, name, where: str) -> tuple[str, str]:
    if (module, name) not in _ALLOWED_GLOBALS:
        raise DatasetError(translate("DataErrors", "{0}: refers to {1}.{2}; only numpy arrays of integer "
                                     "lists are read (rnnviz never unpickles arbitrary "
                                     "objects)").format(where, module, name))
    return (module, name)
