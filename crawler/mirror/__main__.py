"""``python -m crawler.mirror [--port 8801] [--bench N]``: serve the mirror until Ctrl-C."""

from __future__ import annotations

import argparse
import time

from .server import MirrorServer


def main() -> None:
    ap = argparse.ArgumentParser(description="Serve the local mirror of sample outlets on loopback.")
    ap.add_argument("--port", type=int, default=8801, help="port of the first outlet; the others follow")
    ap.add_argument("--bench", type=int, default=0, help="also serve a benchmark outlet with N pages")
    ap.add_argument("--sources", help="write a sources file for `pantau crawl --sources` here")
    args = ap.parse_args()
    with MirrorServer(args.port, args.bench) as mirror:
        for name in mirror.names:
            print(f"{name:16} {mirror.base(name)}")
        if args.sources:
            mirror.write_sources(args.sources)
            print(f"sources file: {args.sources}")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
