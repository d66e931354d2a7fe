"""Clean on invented stories that carry a gold file of what clean should give (`bench/sets/stories/<name>.gold.json`).

For each page the gold lists the body paragraphs (each a prefix of one paragraph), strings that
must not reach the body (menus, boxes, footers), the fields (outlet, title, byline, published
day; null where the page does not say), the comments as (author, text prefix) and, for a live
page, its entries' times. Written before the first run of the story (G-footbridge: six page
shapes no other set had, session 14). Prints body recall and precision, leaks, fields, comments
and entries per page and in total. Run: `.venv/bin/python -m bench.bench_clean_gold` from the repo root
(or give a folder and its gold file).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from newsprism.clean import clean_article
from newsprism.ingest import read_inputs
from newsprism.models import Article

STORIES = Path(__file__).parent / "sets" / "stories"


def norm(text: str | None) -> str:
    return " ".join((text or "").split())


def score(folder: Path, gold: dict, verbose: bool = False) -> dict[str, int]:
    """Score clean on the pages of `folder` named in `gold`; return the totals."""
    tot = dict(rec=0, nrec=0, prec=0, nprec=0, leak=0, nleak=0, fields=0, nfields=0, com=0, ncom=0, ent=0, nent=0)
    for name, g in gold.items():
        arts = [a for a in read_inputs([folder / name]) if isinstance(a, Article)]
        print(f"== {name}: {len(arts)} article(s)")
        if not arts:
            continue
        c = clean_article(arts[0])
        paras = [norm(p) for p in c.text.split("\n\n") if p.strip()]
        found = [any(p.startswith(b) for p in paras) for b in g["body"]]
        good = [any(p.startswith(b) for b in g["body"]) for p in paras]
        leaks = [s for s in g["not_body"] if s in c.text]
        tot["rec"] += sum(found); tot["nrec"] += len(found); tot["prec"] += sum(good); tot["nprec"] += len(good)
        tot["leak"] += len(leaks); tot["nleak"] += len(g["not_body"])
        fields = {"outlet": c.outlet, "title": c.title, "byline": c.byline, "published": (c.published or "")[:10] or None}
        okf = {k: (norm(v) == norm(g[k]) if g[k] else v is None) for k, v in fields.items()}
        tot["fields"] += sum(okf.values()); tot["nfields"] += len(okf)
        gc = g["comments"]
        cm = [(x.author, norm(x.text)) for x in c.comments]
        okc = sum(1 for a, t in gc if any(ca == a and ct.startswith(t) and "Reply" not in ct for ca, ct in cm))
        tot["com"] += okc - max(0, len(cm) - len(gc)); tot["ncom"] += len(gc)
        print(f"  body recall {sum(found)}/{len(found)}  precision {sum(good)}/{len(good)}  leaks {leaks}")
        print(f"  fields {sum(okf.values())}/4: " + ", ".join(f"{k}={v!r}{'' if okf[k] else ' (want ' + repr(g[k]) + ')'}" for k, v in fields.items()))
        print(f"  comments {okc}/{len(gc)} (found {len(cm)})")
        if "entries" in g:
            got = [e.time[:16] for e in c.entries]
            oke = sum(1 for a, b in zip(got, g["entries"]) if a == b) if len(got) == len(g["entries"]) else 0
            tot["ent"] += oke; tot["nent"] += len(g["entries"])
            print(f"  entries {oke}/{len(g['entries'])}: {got}")
        if verbose:
            for p, ok in zip(paras, good):
                print(f"    {'B' if ok else '?'} {p[:90]}")
            for r in c.removed:
                print(f"    - [{r.reason}] {norm(r.text)[:90]}")
    return tot


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("-")]
    pairs = [(Path(args[0]), Path(args[1]))] if len(args) >= 2 else [
        (STORIES / path.name.removesuffix(".gold.json"), path) for path in sorted(STORIES.glob("*.gold.json"))
    ]
    for folder, gold_file in pairs:
        tot = score(folder, json.loads(gold_file.read_text(encoding="utf-8")), verbose="-v" in argv)
        print(f"{folder.name}: body recall {tot['rec']}/{tot['nrec']}, precision {tot['prec']}/{tot['nprec']}, "
              f"leaks {tot['leak']}/{tot['nleak']}, fields {tot['fields']}/{tot['nfields']}, comments {tot['com']}/{tot['ncom']}, "
              f"entries {tot['ent']}/{tot['nent']}")


if __name__ == "__main__":
    main(sys.argv[1:])
