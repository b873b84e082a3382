"""Child process that reads and tokenises IMDb into the encoded-array cache (``rnnviz.data`` caches every load).

Tokenising 50,000 reviews is pure Python: on a thread of the window it would hold the GIL for
hundreds of milliseconds at a time and freeze the window. In its own process it has its own GIL;
the window then loads the cached arrays, which takes well under a second and barely needs the GIL.

Protocol: ``python -m rnnviz.data.load_child PATH NUM_WORDS MAXLEN`` (the child imports only
``rnnviz.data``, not Qt: 0.2 s instead of 1.3 s); progress lines ``progress <stage> <done> <total>``
on stdout; on failure one line ``error <message>`` on stdout and exit status 1.
"""
from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    path, num_words, maxlen = argv[0], int(argv[1]), int(argv[2])
    from rnnviz.text import use_language_from_environment

    use_language_from_environment()  # the window's language, for the error line it shows
    from .imdb import load_imdb

    def progress(stage: str, done: int, total: int) -> None:
        print(f"progress {stage} {done} {total}", flush=True)

    try:
        load_imdb(path, num_words=num_words, maxlen=maxlen, progress=progress)
    except Exception as exc:  # the parent shows the message; the type does not cross the process boundary
        print("error " + " ".join(str(exc).split()), flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
