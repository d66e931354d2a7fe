"""Decode: bytes -> str, the one place that guesses encodings and spots binary files.

Order, so that well-formed input never pays for a guess:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) decides, and is stripped;
2. known binary signatures (PDF, images, archives, office files) and NUL bytes -> binary;
3. valid UTF-8 is taken as UTF-8, even when a declared charset says otherwise
   (a page saved as UTF-8 that still declares ISO-8859-1 is the common case);
4. a declared charset (HTTP Content-Type, WARC payload header, HTML <meta>) is used;
5. charset-normalizer guesses; no plausible guess -> binary.

Line ends are normalised (CRLF and CR -> LF), so the same article saved on
Windows and on Linux gets the same content id.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from newsprism.errors import InputError

BOMS = [  # longest first: the UTF-32 LE mark starts with the UTF-16 LE mark
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

# File signatures of formats people keep next to articles but newsprism cannot read and whose
# first bytes may hold no NUL byte; only signatures no English text starts with.
BINARY_SIGNATURES = (
    b"%PDF-", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b",
    b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!\x1a", b"\xd0\xcf\x11\xe0", b"\x7fELF", b"SQLite format 3\x00",
    b"\x28\xb5\x2f\xfd",
)

SNIFF_BYTES = 8192
# Share of control characters (other than tab, LF, CR, FF) above which decoded text is noise.
MAX_CONTROL_SHARE = 0.01

# WHATWG: browsers decode these labels as windows-1252, and so must we to match what readers saw.
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_NEWLINES = re.compile(r"\r\n?")


def normalize_newlines(text: str) -> str:
    """Return `text` with CRLF and lone CR turned into LF."""
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def looks_binary(data: bytes) -> bool:
    """Return True when the first bytes are a known binary signature or hold NUL bytes (no BOM)."""
    head = data[:SNIFF_BYTES]
    if any(head.startswith(bom) for bom, _ in BOMS):
        return False
    return head.startswith(BINARY_SIGNATURES) or b"\x00" in head


def declared_charset(data: bytes, header: str | None = None) -> str | None:
    """Return the charset a Content-Type header or an HTML <meta> tag declares, if Python knows it."""
    candidates = []
    if header:
        match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", header, re.I)
        if match:
            candidates.append(match.group(1))
    match = _META_CHARSET.search(data[:4096])
    if match:
        candidates.append(match.group(1).decode("ascii", "ignore"))
    for name in candidates:
        name = _CHARSET_ALIASES.get(name.lower(), name)
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return None


def decode_bytes(data: bytes, charset_header: str | None = None) -> str:
    """Decode `data` to text with LF line ends and no BOM.

    Raises InputError NP102 (binary) when the bytes are not text in any encoding.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return normalize_newlines(data[len(bom):].decode(encoding, errors="replace"))
    if looks_binary(data):
        raise InputError("NP102")
    try:
        text = data.decode("utf-8")
        # Counting on bytes is exact here (ASCII controls are single bytes in UTF-8) and far faster.
        head = data[:SNIFF_BYTES]
        controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
        size = len(head)
    except UnicodeDecodeError:
        text = _decode_non_utf8(data, charset_header)
        sample = text[:SNIFF_BYTES]
        controls, size = len(_CONTROL.findall(sample)), len(sample)
    if size and controls > MAX_CONTROL_SHARE * size:
        raise InputError("NP102")
    return normalize_newlines(text)


def _decode_non_utf8(data: bytes, charset_header: str | None) -> str:
    declared = declared_charset(data, charset_header)
    if declared and declared not in {"utf-8", "utf_8"}:
        return data.decode(declared, errors="replace")
    best = from_bytes(data).best()
    if best is None:
        raise InputError("NP102")
    return str(best)
