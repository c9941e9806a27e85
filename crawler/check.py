"""`pantau sources check`: fetch robots.txt and TDM signals live and say, per source, what is allowed."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlsplit

from crawler.middlewares.ssrf import is_private, resolve
from crawler.middlewares.tdm import TDMREP_PATH, parse_tdmrep
from crawler.registry import OutletEntry


def fetch(url: str, agent: str, timeout: float) -> tuple[int, bytes, dict[str, str]]:
    """(status, body, headers); status 0 with the reason as body when the host cannot be reached."""
    req = urllib.request.Request(url, headers={"User-Agent": agent})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - http(s) only, checked by caller
            return resp.status, resp.read(2_000_000), {k.lower(): v for k, v in resp.headers.items()}
    except urllib.error.HTTPError as exc:
        return exc.code, b"", {k.lower(): v for k, v in (exc.headers or {}).items()}
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        return 0, str(getattr(exc, "reason", exc)).encode(), {}


def robots_verdict(status: int, body: bytes, agent_token: str, urls: list[str]) -> dict[str, str]:
    """Verdict per URL, with RFC 9309 rules: 5xx or unreachable = disallow all, 4xx = allow all."""
    from protego import Protego

    if status == 0 or status >= 500:
        return {u: f"disallowed (robots.txt unavailable: {status or body.decode(errors='replace')[:80]})" for u in urls}
    if status >= 400:
        return {u: "allowed (no robots.txt)" for u in urls}
    rp = Protego.parse(body.decode("utf-8", "replace"))
    out = {}
    for u in urls:
        ok = rp.can_fetch(u, agent_token)
        delay = rp.crawl_delay(agent_token)
        out[u] = ("allowed" if ok else "disallowed by robots.txt") + (f", crawl-delay {delay}s" if delay else "")
    return out


def check_outlet(outlet: OutletEntry, agent: str, timeout: float = 10.0) -> Iterator[str]:
    token = agent.split("/", 1)[0]
    head = f"{outlet.name} [{outlet.permission.status}]"
    if not outlet.enabled:
        yield f"{head}: disabled: {outlet.permission.reason}"
    sources = outlet.sources()
    hosts: dict[str, list[str]] = {}
    for _, url in sources:
        parts = urlsplit(url)
        hosts.setdefault(f"{parts.scheme}://{parts.netloc}", []).append(url)
    for origin, urls in hosts.items():
        host = urlsplit(origin).hostname or ""
        if not outlet.allow_private_network and any(is_private(a) for a in resolve(host)):
            yield f"{head} {origin}: refused by the SSRF guard (private address)"
            continue
        status, body, _ = fetch(origin + "/robots.txt", agent, timeout)
        for url, verdict in robots_verdict(status, body, token, urls).items():
            yield f"{head} {url}: robots.txt: {verdict}"
        t_status, t_body, _ = fetch(origin + TDMREP_PATH, agent, timeout)
        rules = parse_tdmrep(t_body) if t_status == 200 else []
        reserving = [r for r in rules if str(r.get("tdm-reservation")) in ("1", "true")]
        if rules:
            yield f"{head} {origin}: tdmrep.json: {json.dumps(rules)[:300]}"
        else:
            yield f"{head} {origin}: tdmrep.json: none ({t_status or 'unreachable'})"
        p_status, _, headers = fetch(urls[0], agent, timeout)
        if "tdm-reservation" in headers:
            yield f"{head} {urls[0]}: tdm-reservation header: {headers['tdm-reservation']}"
        reserved = bool(reserving) or headers.get("tdm-reservation") == "1"
        where = ", ".join(str(r.get("location")) for r in reserving) or "this page"
        keep = ("full text" if not reserved or outlet.permission.recorded
                else f"metadata, lead and labels only (TDM reserved for {where})")
        yield f"{head} {origin}: we may store: {keep}; source answered {p_status or 'nothing'}"
