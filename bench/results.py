"""Write one benchmark's figures into its own section of bench/RESULTS.md.

Each bench script owns one section, delimited by HTML comments, so scripts can
be re-run independently without clobbering each other's figures.
"""

from __future__ import annotations

import datetime as dt
import platform
import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADER = "# Benchmark results\n\nEach section is written by the script it names; re-run that script to refresh it.\n"


def write_section(name: str, markdown: str) -> None:
    """Replace (or append) the section called `name` in bench/RESULTS.md."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else HEADER
    stamp = f"_measured {dt.date.today().isoformat()} on {platform.machine()}, Python {platform.python_version()}_"
    block = f"<!-- BEGIN {name} -->\n{markdown.strip()}\n\n{stamp}\n<!-- END {name} -->"
    pattern = re.compile(rf"<!-- BEGIN {re.escape(name)} -->.*?<!-- END {re.escape(name)} -->", re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    RESULTS.write_text(text, encoding="utf-8")
