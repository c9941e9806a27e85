"""A local mirror of sample outlets on loopback, for tests, the demo and the benchmark.

Its articles were written by this project (``articles.json``, a frozen sample of ``nlp/corpus``); no
published text is served. See :mod:`crawler.mirror.server`.
"""
