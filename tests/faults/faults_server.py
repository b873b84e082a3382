"""A local HTTP server (127.0.0.1 only) that misbehaves on purpose: it cuts, stalls, drips and lies.

Paths: /good (the payload), /cut (half, then closes), /stall-headers (accepts, never answers),
/stall (headers and 1,000 bytes, then silence), /drip (one byte every 50 ms), /bad-length
(Content-Length: "lots"), /short-length (announces 1,000 bytes, sends all), /endless (no length, never ends).
Silent handlers wait on ``release`` (set when the server stops), so no thread outlives the test.
"""
from __future__ import annotations

import hashlib
import http.server
import socket
import threading

import numpy as np

PAYLOAD = np.random.default_rng(7).bytes(300_000)
PAYLOAD_MD5 = hashlib.md5(PAYLOAD).hexdigest()


class _Handler(http.server.BaseHTTPRequestHandler):
    release: threading.Event  # set on the class by EvilServer
    protocol_version = "HTTP/1.0"

    def do_GET(self):  # noqa: N802 - http.server's naming
        try:
            getattr(self, "_" + self.path.strip("/").replace("-", "_"), self._good)()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should

    def _head(self, length: str | None):
        self.send_response(200)
        if length is not None:
            self.send_header("Content-Length", length)
        self.end_headers()

    def _good(self):
        self._head(str(len(PAYLOAD)))
        self.wfile.write(PAYLOAD)

    def _cut(self):
        self._head(str(len(PAYLOAD)))
        self.wfile.write(PAYLOAD[: len(PAYLOAD) // 2])
        self.wfile.flush()
        self.connection.shutdown(socket.SHUT_RDWR)

    def _stall_headers(self):
        self.release.wait(60)

    def _stall(self):
        self._head(str(len(PAYLOAD)))
        self.wfile.write(PAYLOAD[:1000])
        self.wfile.flush()
        self.release.wait(60)

    def _drip(self):
        self._head(str(len(PAYLOAD)))
        for i in range(len(PAYLOAD)):
            self.wfile.write(PAYLOAD[i:i + 1])
            self.wfile.flush()
            if self.release.wait(0.05):
                return

    def _bad_length(self):
        self._head("lots")
        self.wfile.write(PAYLOAD)

    def _short_length(self):
        self._head("1000")
        self.wfile.write(PAYLOAD)

    def _endless(self):
        self._head(None)
        while not self.release.is_set():
            self.wfile.write(PAYLOAD[:65536])

    def log_message(self, *args):
        pass


class EvilServer:
    """Context manager: a threading HTTP server on 127.0.0.1 with a free port; ``url(path)``."""

    def __enter__(self) -> "EvilServer":
        self.release = threading.Event()
        handler = type("Handler", (_Handler,), {"release": self.release})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/{path}"

    def __exit__(self, *exc) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()
