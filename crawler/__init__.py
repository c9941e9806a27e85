"""The crawler room: Scrapy spiders, middlewares and pipelines that collect Indonesian news on
trafficking in persons from outlets that allow it, politely, and store it in the corpus.

Heavy libraries (Scrapy, trafilatura) are imported by the submodules that need them, never here.
"""

# The room's public fingerprint API (numpy only): the alerts room links cases with the same
# signatures the crawler stores.
from crawler.extract.fingerprint import NUM_PERM, band_keys, content_hash, minhash_bytes, signature  # noqa: E402

__all__ = ["NUM_PERM", "band_keys", "content_hash", "minhash_bytes", "signature"]
