"""Item pipelines, each built from a settings dict with scrapy.utils.test.get_crawler."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest
from scrapy import Spider
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from crawler import nlp_adapter
from crawler.extract.fingerprint import content_hash, minhash_bytes
from crawler.items import ArticleItem
from crawler.pipelines import ORDER
from crawler.pipelines.canonical import CanonicalPipeline
from crawler.pipelines.classify import ClassifyPipeline
from crawler.pipelines.dedup import DedupPipeline
from crawler.pipelines.store import StorePipeline
from crawler.pipelines.validate import ValidatePipeline
from crawler.registry import OutletEntry

TEXT = ("Polisi menggagalkan pengiriman dua belas calon pekerja migran ilegal ke Malaysia melalui pelabuhan "
        "Dumai. Para korban dijanjikan pekerjaan di perkebunan sawit dengan gaji besar oleh seorang perekrut "
        "yang kini ditahan. Mereka berasal dari Nusa Tenggara Timur dan diberangkatkan tanpa dokumen resmi. "
        "Kapolres mengatakan jaringan ini sudah beroperasi sejak tahun lalu dan melibatkan tiga orang.")


class _Spider(Spider):
    name = "t"
    outlets = {"a": OutletEntry(name="a", domains=("a.test",), title="A"),
               "b": OutletEntry(name="b", domains=("b.test",), title="B")}


def crawler_for(settings: dict[str, Any] | None = None) -> Any:
    crawler = get_crawler(_Spider, settings or {})
    crawler.spider = _Spider()
    return crawler


def item(url: str = "https://a.test/read/1?utm_source=x", outlet: str = "a", text: str = TEXT, **kw: Any) -> ArticleItem:
    return ArticleItem(url=url, outlet=outlet, title="Pengiriman PMI ilegal digagalkan", text=text,
                       lead=text[:120], content_hash=content_hash(text), minhash=minhash_bytes(text),
                       published_at=datetime(2026, 3, 1, tzinfo=UTC), language="id", **kw)


def test_pipeline_order() -> None:
    names = [k.rsplit(".", 1)[1] for k, _ in sorted(ORDER.items(), key=lambda kv: kv[1])]
    assert names == ["ValidatePipeline", "CanonicalPipeline", "DedupPipeline", "ClassifyPipeline", "StorePipeline"]


def test_validate_drops_with_counted_reasons() -> None:
    crawler = crawler_for({"VALIDATE_MIN_WORDS": 20})
    pipe = ValidatePipeline.from_crawler(crawler)
    assert pipe.process_item(item()) is not None
    with pytest.raises(DropItem, match="too_short"):
        pipe.process_item(item(text="Terlalu pendek."))
    bad = item()
    bad.title = " "
    with pytest.raises(DropItem, match="no_title"):
        pipe.process_item(bad)
    with pytest.raises(DropItem, match="language"):
        pipe.process_item(item(language="zh") if False else _with_language(item(), "zh"))
    assert crawler.stats.get_value("dropped/too_short") == 1
    assert crawler.stats.get_value("dropped/no_title") == 1
    assert crawler.stats.get_value("dropped/language") == 1


def _with_language(it: ArticleItem, lang: str) -> ArticleItem:
    it.language = lang
    return it


def test_canonical_pipeline_uses_declared_canonical_and_strips_tracking() -> None:
    pipe = CanonicalPipeline.from_crawler(crawler_for())
    it = pipe.process_item(item(url="https://m.a.test/read/1/amp?utm_source=fb", declared_canonical=None))
    assert it.canonical_url == "https://www.a.test/read/1"
    it = pipe.process_item(item(url="https://a.test/x?fbclid=1", declared_canonical="https://a.test/read/9"))
    assert it.canonical_url == "https://a.test/read/9"


def _canon(it: ArticleItem) -> ArticleItem:
    it.canonical_url = it.url.split("?")[0]
    return it


def test_dedup_exact_and_syndicated() -> None:
    crawler = crawler_for({"DEDUP_LSH_PRELOAD": 0})
    pipe = DedupPipeline.from_crawler(crawler)
    first = pipe.process_item(_canon(item("https://a.test/read/1")))
    assert first.near_duplicate_of is None
    with pytest.raises(DropItem, match="duplicate_url"):
        pipe.process_item(_canon(item("https://a.test/read/1")))
    with pytest.raises(DropItem, match="duplicate_content"):  # same text, same outlet, other URL
        pipe.process_item(_canon(item("https://a.test/read/1-copy")))
    copy = pipe.process_item(_canon(item("https://b.test/news/1", outlet="b")))  # syndicated elsewhere
    assert copy.near_duplicate_of == "https://a.test/read/1"
    from crawler.mirror.data import load_articles

    story = load_articles()[0].text
    pipe.process_item(_canon(item("https://a.test/read/5", text=story)))
    edited = "SUARA PESISIR - Dikutip dari mitra redaksi.\n" + story  # a syndicated copy with its own intro
    near = pipe.process_item(_canon(item("https://b.test/news/2", outlet="b", text=edited)))
    assert near.near_duplicate_of == "https://a.test/read/5"
    other = pipe.process_item(_canon(item("https://b.test/news/3", outlet="b", text="Berita lain sama sekali " * 20)))
    assert other.near_duplicate_of is None
    assert crawler.stats.get_value("dedup/syndicated") == 2


def test_minhash_is_datasketchs_signature() -> None:
    """Signatures already stored (datasketch MinHash, affine32, seed 1) stay comparable with new ones."""
    import numpy as np
    from datasketch import MinHash

    from crawler.extract.fingerprint import NUM_PERM, shingles
    from crawler.mirror.data import load_articles

    for text in ["", "satu dua", TEXT, *(a.text for a in load_articles()[:20])]:
        reference = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32")
        reference.update_batch(list(shingles(text)))
        assert minhash_bytes(text) == reference.hashvalues.astype(np.uint64).tobytes()


def test_dedup_window_is_fixed_size_and_forgets_the_oldest() -> None:
    from datasketch.lsh import _optimal_param

    from crawler.pipelines.recent import RecentArticles, lsh_bands

    assert lsh_bands(0.8) == _optimal_param(0.8, 64, 0.5, 0.5) == (5, 11)  # the same bands as MinHashLSH
    recent = RecentArticles(capacity=3, threshold=0.8)
    texts = [TEXT, "Berita lain sama sekali " * 20, "Cerita ketiga tentang banjir di kota " * 10, "Keempat " * 50]
    for n, text in enumerate(texts):
        recent.add(f"https://a.test/{n}", "a", content_hash(text), minhash_bytes(text), in_crawl=True)
    assert len(recent) == 3 and recent.url_keys.shape == (3,)
    assert not recent.seen_in_crawl("https://a.test/0") and recent.seen_in_crawl("https://a.test/3")
    assert recent.same_text(content_hash(TEXT)) is None and recent.similar(minhash_bytes(TEXT)) == []
    assert recent.same_text(content_hash(texts[1])) == ("a", "https://a.test/1")
    assert recent.similar(minhash_bytes(texts[2])) == ["https://a.test/2"]
    recent.add("https://a.test/stored", "a", None, None, in_crawl=False)  # preloaded: may be refreshed
    assert not recent.seen_in_crawl("https://a.test/stored")


def test_classify_degrades_when_nlp_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp_adapter, "available", lambda: False)
    crawler = crawler_for()
    pipe = ClassifyPipeline.from_crawler(crawler)
    out = asyncio.run(pipe.process_item(item()))
    assert out.classification is None
    assert crawler.stats.get_value("classify/unavailable") == 1


def test_classify_adapter_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(record: dict[str, Any]) -> dict[str, Any]:
        raise RuntimeError("model file missing")

    monkeypatch.setattr(nlp_adapter, "_CLASSIFY", broken)
    assert nlp_adapter.classify_record({"id": "1", "text": "x"}) == {"error": "RuntimeError: model file missing"}
    monkeypatch.setattr(nlp_adapter, "_CLASSIFY", lambda rec: {"relevant": True, "model_version": "t"})
    assert nlp_adapter.classify_record({"id": "1", "text": "x"})["relevant"] is True


def test_worker_warm_up_classifies_a_real_sentence_then_settles(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker's warm-up reaches the places and rules (so their tables are built) before ``nlp.settle``; a broken
    classifier is left for each article to report, and nothing is settled then."""
    import nlp

    seen: list[dict[str, Any]] = []
    settled: list[bool] = []
    monkeypatch.setattr(nlp_adapter, "_resolve", lambda: lambda rec: seen.append(rec) or {"relevant": True})
    monkeypatch.setattr(nlp, "settle", lambda: settled.append(True))
    nlp_adapter.warm()
    assert settled == [True] and seen[0]["text"] == nlp_adapter.WARM_UP_TEXT
    import nlp.classifier

    result = nlp.classifier.classify([{"id": "w", "text": nlp_adapter.WARM_UP_TEXT}])[0]
    assert {loc["name"] for loc in result["locations"]} >= {"Kabupaten Sukabumi", "Malaysia"}

    def broken() -> Any:
        raise ImportError("no model")

    monkeypatch.setattr(nlp_adapter, "_resolve", broken)
    settled.clear()
    nlp_adapter.warm()
    assert nlp_adapter._CLASSIFY is None and settled == []


def test_store_writes_articles_permissions_and_groups(corpus: str) -> None:
    from sqlalchemy import select

    from models import Article, Classification, Outlet, open_database

    crawler = crawler_for({"PANTAU_DATABASE_URL": corpus, "STORE_BATCH_SIZE": 2})
    pipe = StorePipeline.from_crawler(crawler)
    pipe.open_spider()
    a = _canon(item("https://a.test/read/1"))
    a.classification = {"relevant": True, "relevance_score": 0.9, "article_type": "case", "modus": ["migrant_worker"],
                        "modus_scores": {"migrant_worker": 0.9}, "locations": [], "model_version": "test-1"}
    reserved = _canon(item("https://a.test/read/2", text=TEXT + " Tambahan.", tdm_reserved=True, text_withheld=True,
                           permission={"tdm_reserved_by": ["tdmrep.json"]}))
    syndicated = _canon(item("https://b.test/news/1", outlet="b", near_duplicate_of="https://a.test/read/1"))
    for it in (a, reserved, syndicated):
        pipe.process_item(it)
    pipe.process_item(_canon(item("https://a.test/read/1")))  # stored again: an update, not a new row
    pipe.close_spider()
    db = open_database(corpus)
    with db.session() as s:
        rows = {r.canonical_url: r for r in s.execute(select(Article)).scalars()}
        assert set(rows) == {"https://a.test/read/1", "https://a.test/read/2", "https://b.test/news/1"}
        withheld = rows["https://a.test/read/2"]
        assert withheld.text is None and withheld.text_withheld and withheld.tdm_reserved
        assert withheld.lead and len(withheld.lead) <= 300
        assert withheld.permission == {"tdm_reserved_by": ["tdmrep.json"]}
        assert rows["https://a.test/read/1"].relevant is True
        group = rows["https://b.test/news/1"].syndication_group
        assert group is not None and group == rows["https://a.test/read/1"].syndication_group
        assert s.execute(select(Classification.model_version)).scalars().all() == ["test-1"]
        assert s.execute(select(Outlet.title).where(Outlet.name == "b")).scalar_one() == "B"
    db.dispose()
    assert crawler.stats.get_value("stored/new") == 3 and crawler.stats.get_value("stored/updated") == 1
    assert crawler.stats.get_value("stored/text_withheld") == 1
