"""Report Markdown: Report -> report.md, the same content as report.html as tables and lists.

Cells are escaped for Markdown tables (pipes, newlines) and inline HTML is neutralised,
so article text renders as text wherever the Markdown is shown.
"""

from __future__ import annotations

import re

from newsprism.models import Report
from newsprism.report.view import CATEGORY_NAMES, Chip, StoryView, build_views, when_label

SYMBOLS = {"states": "✓ states", "contradicts": "✕ contradicts", "differs": "≠ differs", "omits": "− omits", "silent": "·"}


def md(text: str | None) -> str:
    """Escape text for one line of Markdown: no HTML, no table breaks, no accidental emphasis."""
    if not text:
        return ""
    text = re.sub(r"\s+", " ", text).strip()
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([*_`\[\]])", r"\\\1", text)


def _sources(chips: list[Chip], limit: int = 12) -> str:
    names = "; ".join(md(c.label) for c in chips[:limit])
    return names + (f"; and {len(chips) - limit} more" if len(chips) > limit else "")


def _column_key(index: int) -> str:
    """A, B, ..., Z, AA, AB, ...: the short name of a table column."""
    key = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        key = chr(ord("A") + rest) + key
    return key


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out + [""]


def _story(v: StoryView) -> list[str]:
    s = v.story
    out = [f"## {md(s.title)}", ""]
    out += [f"{len(v.articles)} articles from {len(v.outlets)} outlets" + (f", {v.span}" if v.span else "")
            + f": {', '.join(md(o) for o in v.outlets)}.", ""]

    out += ["### Neutral summary", ""]
    if v.summary:
        for n, (text, chips) in enumerate(v.summary, 1):
            out.append(f"{n}. {md(text)} [{_sources(chips)}]")
            for chip in chips[:12]:
                for cite in chip.cites[:1]:
                    if cite.text:
                        out.append(f"   - {md(cite.outlet)}: “{md(cite.text)}”" + (" (headline)" if cite.in_title else ""))
        out.append("")
    else:
        out += ["_No summary was produced._", ""]

    out += ["### Coverage: who reports what", ""]
    if v.coverage:
        # Outlets head their columns by letter: full names made each one-symbol column as wide as the
        # name, and a terminal (rich, glow) then squeezed the facts to a dozen characters a line.
        keys = [_column_key(i) for i in range(len(v.outlets))]
        out.append("✓ states · ✕ contradicts · ≠ differs (reports it with another figure) · − omits (most others report it) · · not reported · "
                   "**Sources**: independent sources, an article that copies another counted once")
        out.append("")
        out.append("Columns: " + " · ".join(f"**{k}** {md(o)}" for k, o in zip(keys, v.outlets)))
        out.append("")
        rows = []
        for row in v.coverage:
            fact = md(row["fact"].text)
            if row["claim_of"]:
                fact += f" _(claim of {md(row['claim_of'])})_"
            if row["exclusive"]:
                fact += " _(one outlet only)_"
            rows.append([fact, str(row["fact"].independent_sources), *(SYMBOLS[c].split()[0] for c in row["cells"])])
        out += _table(["Fact", "Sources", *keys], rows)
    else:
        out += ["_No facts were aligned across the articles._", ""]

    out += ["### Conflicts", ""]
    if v.conflicts:
        for c in v.conflicts:
            out.append(f"- **{md(c['conflict'].about)}** ({c['conflict'].kind.replace('_', ' ')})")
            for p in c["positions"]:
                out.append(f"  - **{md(p['value'])}**: {', '.join(md(o) for o in p['outlets'])}")
                for cite in p["sentences"]:
                    out.append(f"    - {md(cite.outlet)}: “{md(cite.text)}”" + (" (headline)" if cite.in_title else ""))
        out.append("")
    else:
        out += ["_No conflicts._", ""]

    out += ["### Only one outlet reports", ""]
    out += [f"- {md(x['fact'].text)} ({', '.join(md(o) for o in x['outlets'])})" for x in v.exclusives] or ["_No exclusives._"]
    out += ["", "### Left out", ""]
    for o in v.omissions:
        out.append(f"- **{md(o['outlet'])}** leaves out:")
        out += [f"  - {md(f)}" for f in o["facts"]]
    if not v.omissions:
        out.append("_No omissions._")
    out.append("")

    out += ["### Framing", ""]
    if v.framing_actors or v.framing_profiles:
        rows = []
        for row in v.framing_actors:
            cells = []
            for cell in row["cells"]:
                cells.append(", ".join(f"{md(c.label)} ({c.kind.split()[0].replace('_', ' ')}{f' ×{c.count}' if c.count > 1 else ''}"
                                       f"{', only this outlet' if 'only-outlet' in c.kind.split() else ''})" for c in cell))
            rows.append([md(row["actor"]), *cells])
        if rows:
            out += _table(["Actor", *(md(o) for o in v.outlets)], rows)
        if v.framing_profiles:
            names = [name for name, _ in v.framing_profiles[0]["columns"]]
            prow = [[md(p["outlet"]), *(", ".join(f"{md(c.label)}{f' ×{c.count}' if c.count > 1 else ''}" for c in terms) for _, terms in p["columns"])]
                    for p in v.framing_profiles]
            out += _table(["Outlet", *(CATEGORY_NAMES.get(n, n.replace("_", " ")) for n in names)], prow)
        out.append("Evidence:")
        out.append("")
        for row in v.framing_actors:
            for cell in row["cells"]:
                for chip in cell:
                    for cite in chip.cites[:3]:
                        out.append(f"- {md(cite.outlet)}, “{md(chip.label)}”: {md(cite.shown)}")
        out.append("")
    else:
        out += ["_No framing was found._", ""]

    out += ["### Different words for the same people", ""]
    if v.word_choices:
        out.append("Where outlets state the same fact, the words each uses for the same people:")
        out.append("")
        rows = [[md(row["role"]) + (f" ({md(row['actor'])})" if row["actor"] else ""),
                 *(", ".join(md(c.label) for c in cell) for cell in row["cells"])] for row in v.word_choices]
        out += _table(["Role", *(md(o) for o in v.outlets)], rows)
        out.append("Evidence:")
        out.append("")
        for row in v.word_choices:
            for outlet, words, sentence in row["sentences"]:
                out.append(f"- {md(outlet)}, “{md(words)}”: {md(sentence)}")
        out.append("")
    else:
        out += ["_No different words for the same people were found in the facts outlets share._", ""]

    out += ["### Quotes", ""]
    if v.quotes:
        for q in v.quotes:
            if not q["continues"]:
                out.append(f"- **{md(q['speaker'])}**" + (f" (via {md(q['channel'])})" if q["channel"] else ""))
            for var in q["variants"]:
                kind = ("quoted fragment" if var["partial"] else "direct") if var["direct"] else "paraphrase"
                if var["speaker_text"]:
                    kind += f", speaker named as “{md(var['speaker_text'])}”"
                if var["channel"]:
                    kind += f", via {md(var['channel'])}"
                # Quotation marks only around words the speaker said; a paraphrase is the outlet's words (as in report.html).
                said = f"“{md(var['text'])}”" if var["direct"] else md(var["text"])
                out.append(f"  - {said} ({kind}; {', '.join(md(o) for o in var['outlets'])})")
        out.append("")
    else:
        out += ["_No quotes were found._", ""]

    out += ["### Timeline", ""]
    if v.timeline:
        rows = [[md(t["label"]), md(t["event"].event), md(t["event"].resolution), _sources(t["chips"])] for t in v.timeline]
        out += _table(["Date", "Event", "Resolved from", "Sources"], rows)
    else:
        out += ["_No dated events were found._", ""]

    out += ["### Actors", ""]
    if v.entities:
        rows = [[md(r["entity"].name), md(r["entity"].type), md(", ".join(r["entity"].aliases)), md(", ".join(r["entity"].titles)),
                 md(", ".join(r["outlets"]))] for r in v.entities]
        out += _table(["Name", "Type", "Also written", "Titles", "Named by"], rows)
    else:
        out += ["_No actors were recognised._", ""]

    out += ["### Copies", ""]
    out += [f"- {md(c['copier'])} copies {md(c['original'])} ({c['similarity'] * 100:.0f}% alike; counted as one source)" for c in v.copies]
    out += ([] if v.copies else ["_No article copies another._"]) + [""]

    out += ["### Articles", ""]
    for a in v.articles:
        art = a.article
        out.append(f"#### {a.number}. {md(a.label)}" + (f": {md(art.title)}" if art.title else ""))
        out.append("")
        meta = [x for x in (md(when_label(art.published)) if art.published else "", md(a.safe_url), f"by {md(art.byline)}" if art.byline else "", f"from {md(a.source)}") if x]
        out += [" · ".join(meta), ""]
        for para in re.split(r"\n\s*\n", art.text.strip()):
            out += ["> " + md(para), ">"]
        if out[-1] == ">":
            out.pop()
        out.append("")
        if art.removed:
            out.append(f"Left out of the text ({len(art.removed)}):")
            out += [f"- _{md(r.reason)}_: {md(r.text)}" for r in art.removed]
            out.append("")
        if art.comments:
            out.append(f"Reader comments ({len(art.comments)}), not part of the article:")
            out += [f"- **{md(c.author or 'anonymous')}**{f' ({md(c.posted)})' if c.posted else ''}: {md(c.text)}" for c in art.comments]
            out.append("")
    return out


def render_markdown(report: Report, story_id: str | None = None) -> str:
    """Return the report (or one story of it) as Markdown."""
    views, loose = build_views(report, story_id)
    out = ["# newsprism report", ""]
    if not views:
        out += ["_This report holds no stories._", ""]
    for v in views:
        out += _story(v)
    if loose:
        out += ["## Articles in no story", ""]
        out += [f"- {md(a.outlet or a.source_path)}" + (f": {md(a.title)}" if a.title else "") for a in loose]
        out.append("")
    if report.failures:
        out += [f"## Inputs that failed ({len(report.failures)})", ""]
        out += [f"- `{f.code}` {md(f.input_ref)} ({f.stage}): {md(f.message)}" for f in report.failures]
        out.append("")
    out.append(f"_Made by {md(report.generated_by)}, schema {md(report.schema_version)}._")
    return "\n".join(out) + "\n"
