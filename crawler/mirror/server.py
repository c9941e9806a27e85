"""The mirror server: one loopback HTTP server (own port) per sample outlet, in background threads.

    with MirrorServer() as mirror:          # ports chosen by the OS
        mirror.write_sources(path)          # a sources file for `pantau crawl --sources`

``python -m crawler.mirror --port 8801`` serves it in the foreground (outlets on 8801, 8802, ...).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from . import bench, sites
from .sites import Route

ETAG = '"mirror-v1"'
LAST_MODIFIED = formatdate(1_767_225_600, usegmt=True)  # 2026-01-01


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        self.server.hits[self.path] = self.server.hits.get(self.path, 0) + 1
        route = self.server.lookup(self.path)
        if route is None:
            self._send(404, "text/html", b"<h1>404</h1>", {})
            return
        if route.delay:
            time.sleep(route.delay)
        if route.fail_first and self.server.hits[self.path] <= route.fail_first:
            self._send(429, "text/plain", b"slow down", {"Retry-After": "1"})
            return
        if route.conditional and (self.headers.get("If-None-Match") == ETAG
                                  or self.headers.get("If-Modified-Since") == LAST_MODIFIED):
            self._send(304, route.content_type, b"", {"ETag": ETAG})
            return
        extra = dict(route.headers)
        if route.conditional:
            extra.update({"ETag": ETAG, "Last-Modified": LAST_MODIFIED})
        self._send(route.status, route.content_type, route.body, extra)

    def _send(self, status: int, ctype: str, body: bytes, headers: dict[str, str]) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            if status != 304:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, port: int) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.routes: dict[str, Route] = {}
        self.dynamic: Callable[[str], Route | None] | None = None
        self.hits: dict[str, int] = {}

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def lookup(self, path: str) -> Route | None:
        route = self.routes.get(path) or self.routes.get(path.split("?", 1)[0] if "utm_" in path else path)
        if route is None and self.dynamic is not None:
            route = self.dynamic(path.split("?", 1)[0])
        return route


SAMPLE = ("kabar-nusantara", "warta-timur", "suara-pesisir", "blokir-media", "gangguan", "robots-rusak")


class MirrorServer:
    """Start the sample outlets (and optionally the benchmark outlet) on loopback."""

    def __init__(self, port: int = 0, bench_pages: int = 0, outlets: tuple[str, ...] = SAMPLE) -> None:
        self.first_port = port
        self.bench_pages = bench_pages
        self.names = outlets + (("bench",) if bench_pages else ())
        self.servers: dict[str, _Server] = {}
        self.threads: list[threading.Thread] = []

    def start(self) -> MirrorServer:
        for n, name in enumerate(self.names):
            self.servers[name] = _Server(self.first_port + n if self.first_port else 0)
        b = {name: s.base for name, s in self.servers.items()}
        builders: dict[str, Callable[[], dict[str, Route]]] = {
            "kabar-nusantara": lambda: sites.kabar_nusantara(b["kabar-nusantara"]),
            "warta-timur": lambda: sites.warta_timur(b["warta-timur"]),
            "suara-pesisir": lambda: sites.suara_pesisir(b["suara-pesisir"], b.get("kabar-nusantara", "")),
            "blokir-media": lambda: sites.blokir_media(b["blokir-media"]),
            "gangguan": lambda: sites.gangguan(b["gangguan"]),
            "robots-rusak": lambda: sites.robots_rusak(b["robots-rusak"]),
            "bench": lambda: bench.routes(b["bench"], self.bench_pages),
        }
        for name, server in self.servers.items():
            server.routes = builders[name]()
            if name == "bench":
                server.dynamic = lambda path, base=server.base: bench.dynamic(path, base, self.bench_pages)
            thread = threading.Thread(target=server.serve_forever, name=f"mirror-{name}", daemon=True)
            thread.start()
            self.threads.append(thread)
        return self

    def stop(self) -> None:
        for server in self.servers.values():
            server.shutdown()
            server.server_close()

    def __enter__(self) -> MirrorServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def base(self, name: str) -> str:
        return self.servers[name].base

    def hits(self, name: str) -> dict[str, int]:
        return dict(self.servers[name].hits)

    def sources_toml(self, names: tuple[str, ...] | None = None) -> str:
        from .sources import sources_toml

        return sources_toml({n: self.base(n) for n in (names or self.names)})

    def write_sources(self, path: str | Path, names: tuple[str, ...] | None = None) -> Path:
        path = Path(path)
        path.write_text(self.sources_toml(names), encoding="utf-8")
        return path
