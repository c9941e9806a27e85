"""Downloader middlewares: SSRF guard, robots.txt, TDMRep, Retry-After, incremental skips, conditional GET."""
