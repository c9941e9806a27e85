"""Decoding HTML bytes whose declared charset may be missing or wrong (real ISO-8859-1 pages exist)."""

from __future__ import annotations

import codecs
import re

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def decode_html(body: bytes, header_encoding: str | None = None) -> tuple[str, str]:
    """Text of ``body`` and the encoding used.

    Tried in order, strictly: BOM, HTTP header charset, ``<meta charset>``, UTF-8; a charset label that
    fails strict decoding is treated as wrong. The last resort is windows-1252 (a superset of
    ISO-8859-1 for printable text), which never fails.
    """
    if body.startswith(codecs.BOM_UTF8):
        return body[len(codecs.BOM_UTF8):].decode("utf-8", "replace"), "utf-8"
    head = body[:4096]
    meta = META_CHARSET.search(head) or XML_ENCODING.search(head)
    candidates = [_codec(header_encoding), _codec(meta.group(1).decode("ascii", "ignore") if meta else None), "utf-8"]
    for enc in candidates:
        if not enc:
            continue
        if enc == "latin-1" or enc == "iso8859-1":
            enc = "cp1252"
        try:
            return body.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue
    return body.decode("cp1252", "replace"), "cp1252"


def header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.I)
    return match.group(1) if match else None
