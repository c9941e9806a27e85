"""The outlet registry and the operator's sources file."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.registry import DEFAULT_OUTLETS, SourcesFileError, UnknownOutlet, load_registry

ISSUE_SHAPE = """
[[outlet]]
name = "contoh"
domain = "127.0.0.1:8801"
allow_private_network = true
feeds = ["http://127.0.0.1:8801/rss.xml"]
sitemaps = ["http://127.0.0.1:8801/sitemap-news.xml"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_default_registry_has_major_outlets_and_official_sources() -> None:
    news = [o for o in DEFAULT_OUTLETS if o.kind == "news"]
    official = [o for o in DEFAULT_OUTLETS if o.kind == "official"]
    assert len(news) >= 10 and len(official) >= 4
    assert all(o.sources() for o in DEFAULT_OUTLETS), "every outlet needs at least one source"
    assert len({o.name for o in DEFAULT_OUTLETS}) == len(DEFAULT_OUTLETS)


def test_antara_is_disabled_with_its_prohibition_as_reason() -> None:
    antara = load_registry().get("antara")
    assert not antara.enabled
    assert antara.permission.status == "disabled"
    assert "written permission" in antara.permission.reason and "crawling" in antara.permission.reason
    assert antara not in load_registry().select()


def test_issue_shape_of_sources_file_works(tmp_path: Path) -> None:
    registry = load_registry(write(tmp_path, ISSUE_SHAPE))
    contoh = registry.get("contoh")
    assert contoh.domains == ("127.0.0.1:8801",)
    assert contoh.allow_private_network and contoh.enabled
    assert contoh.sources() == [("rss", "http://127.0.0.1:8801/rss.xml"),
                                ("news_sitemap", "http://127.0.0.1:8801/sitemap-news.xml")]
    assert "kompas" in registry.outlets  # defaults kept


def test_recording_a_permission_enables_a_disabled_outlet(tmp_path: Path) -> None:
    path = write(tmp_path, '[[outlet]]\nname = "antara"\n[outlet.permission]\nreference = "letter 2026/17 from ANTARA"\n')
    antara = load_registry(path).get("antara")
    assert antara.enabled and antara.permission.recorded
    assert antara.permission.status == "permission_recorded"
    assert antara.feeds  # the default sources are kept when overriding


def test_syntax_error_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SourcesFileError, match="TOML syntax error"):
        load_registry(write(tmp_path, '[[outlet]]\nname = "x\n'))


@pytest.mark.parametrize(("text", "message"), [
    ('[[outlet]]\nname = "x"\ndomain = "x.id"\nfeedz = []\n', "unknown field\\(s\\) feedz"),
    ('[outlets]\n', "unknown field\\(s\\) outlets"),
    ('[[outlet]]\ndomain = "x.id"\n', "'name' is required"),
    ('[[outlet]]\nname = "x"\n', "'domain' or 'domains' is required"),
    ('[[outlet]]\nname = "x"\ndomain = "x.id"\n[outlet.permission]\nallowed = true\n', "permission: unknown field"),
    ('[[outlet]]\nname = "x"\ndomain = "x.id"\nurl_include = ["("]\n', "invalid URL filter"),
    ('[[outlet]]\nname = "x"\ndomain = "x.id"\nfull_text_feeds = "yes"\n', "expected true or false"),
])
def test_bad_sources_files_name_the_problem(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SourcesFileError, match=message):
        load_registry(write(tmp_path, text))


def test_missing_file_and_unknown_outlet(tmp_path: Path) -> None:
    with pytest.raises(SourcesFileError, match="does not exist"):
        load_registry(tmp_path / "nope.toml")
    with pytest.raises(UnknownOutlet, match="unknown outlet 'nope'"):
        load_registry().get("nope")


def test_url_filters_and_listing_patterns(tmp_path: Path) -> None:
    path = write(tmp_path, '[[outlet]]\nname = "x"\ndomains = ["x.id"]\nurl_exclude = ["/foto/"]\n'
                           'listings = [{url = "https://x.id/indeks", article_pattern = "/read/"}]\n')
    x = load_registry(path, only_file=True).get("x")
    assert list(load_registry(path, only_file=True).outlets) == ["x"]
    assert x.wants("https://x.id/read/1") and not x.wants("https://x.id/foto/read/1")
    assert x.listings[0].matches("https://x.id/read/2") and not x.listings[0].matches("https://x.id/tag/a")
    assert x.owns("www.x.id") and not x.owns("evilx.id")
