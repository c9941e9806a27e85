"""The crawler room: Scrapy spiders, middlewares and pipelines that collect Indonesian news on
trafficking in persons from outlets that allow it, politely, and store it in the corpus.

Heavy libraries (Scrapy, trafilatura) are imported by the submodules that need them, never here.
"""
