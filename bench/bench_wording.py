"""Benchmark word choices (framing/wording.py): every pair found on invented stories, judged by hand, and its cost.

Run from the repository root:

    .venv/bin/python -m bench.bench_wording            # the invented stories and the seeds
    .venv/bin/python -m bench.bench_wording large      # also the 200-article story (ECB+ articles, bench_compare)

Each folder is read as one story and run through understand and compare as `analyze` does;
then `find_word_choices` is timed alone (CPU seconds of this process, and wall time). Every
word choice found is looked up in bench/data/wording_judged.tsv (hand judgements: is every
word of the choice the same people, and do the words differ?); a choice not in the file is
counted "unjudged" and printed, so a change that finds new pairs shows them for judging.

Section written to bench/RESULTS.md: "framing: word choices".
"""

from __future__ import annotations

import csv
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.results import write_section  # noqa: E402
from newsprism.compare import compare_story  # noqa: E402
from newsprism.framing import find_word_choices  # noqa: E402
from newsprism.models import StoryGroup, article_label  # noqa: E402
from newsprism.pipeline import members_in_input_order, read_and_clean  # noqa: E402
from newsprism.settings import load_settings  # noqa: E402
from newsprism.understand import understand_story  # noqa: E402
from newsprism.understand.nlp import parse  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
JUDGED = REPO / "bench" / "data" / "wording_judged.tsv"
SEEDS = REPO.parent / "shared" / "seeds"
FOLDERS = [
    "/tmp/g6-stories/protest", "/tmp/g6-stories/dockstrike", "/tmp/g6-stories/outbreak",
    "/tmp/g-stories/ferry", "/tmp/g-stories/accord", "/tmp/g-stories/plantfire",
    "/tmp/q5-stories/verdict", "/tmp/q5-stories/quake", "/tmp/q5-stories/breach",
    "/tmp/u6-stories/basin", "/tmp/u6-stories/minefire", "/tmp/u6-stories/flood",
    "/tmp/q1-stories/minecollapse", "/tmp/q1-stories/recount", "/tmp/q2-stories/pipeline", "/tmp/q2-stories/stadium",
    # session 7's and 8's invented stories (those present on this machine)
    *(f"/tmp/s7-stories/{name}" for name in ("B-takeover", "B-earnings", "B-tariff", "P-election", "P-summit", "P-resign",
                                             "H-wildfire", "H-launch", "H-cupfinal")),
    *(f"/tmp/s8-stories/{name}" for name in ("N-derail", "N-spill", "U-recall", "U-swap", "E-robbery")),
    str(SEEDS), str(REPO / "tests" / "data" / "framing" / "wording"),
]


def choice_key(choice) -> str:
    """A choice as the judgement file names it: its outlets' words, sorted, joined by ' / '."""
    return " / ".join(sorted(f"{u.outlet}: {u.words}" for u in choice.uses))


def load_judged() -> dict[tuple[str, str], str]:
    if not JUDGED.exists():
        return {}
    with JUDGED.open(encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    return {(r[0], r[1]): r[2] for r in rows}


def run_folder(folder: str, settings) -> dict:
    articles, _ = read_and_clean([folder], settings)
    group = StoryGroup(id="s_bench", title="", article_ids=[a.id for a in articles])
    members = members_in_input_order([group], articles)[0]
    cpu0, wall0 = time.process_time(), time.perf_counter()
    docs = parse([a.text for a in members], settings.understand.spacy_model)
    understanding = understand_story(group, members, settings.understand, docs=docs)
    comparison = compare_story(understanding, settings.compare)
    cpu1, wall1 = time.process_time(), time.perf_counter()
    choices = find_word_choices(comparison.facts, understanding, docs, settings.framing.lexicon_dir)
    cpu2, wall2 = time.process_time(), time.perf_counter()
    label = {a.id: article_label(a) for a in members}
    shared = sum(1 for f in comparison.facts if len({label[e.article_id] for e in f.evidence if e.article_id in label}) > 1)
    return {"articles": len(members), "shared_facts": shared, "choices": choices,
            "stages_cpu": cpu1 - cpu0, "wording_cpu": cpu2 - cpu1, "wording_wall": wall2 - wall1}


def pairs(choice) -> int:
    """Pairs of outlets whose words differ in one choice."""
    uses = choice.uses
    return sum(1 for i in range(len(uses)) for j in range(i + 1, len(uses))
               if uses[i].outlet != uses[j].outlet and uses[i].words.lower() != uses[j].words.lower())


def main(argv: list[str]) -> None:
    settings = load_settings()
    judged = load_judged()
    folders = [f for f in FOLDERS if Path(f).exists()]
    tmp = None
    if "large" in argv:
        from bench.bench_compare import ECB, write_large_story

        if ECB.exists():
            tmp = tempfile.TemporaryDirectory()
            write_large_story(Path(tmp.name))
            folders.append(tmp.name)
    rows, totals = [], {"choices": 0, "pairs": 0, "right": 0, "wrong": 0, "unjudged": 0}
    for folder in folders:
        name = "200-article story (ECB+)" if tmp and folder == tmp.name else folder.replace(str(REPO) + "/", "").replace(str(REPO.parent) + "/", "../")
        result = run_folder(folder, settings)
        verdicts = {"right": 0, "wrong": 0, "unjudged": 0}
        pair_right = pair_wrong = 0
        for choice in result["choices"]:
            verdict = judged.get((name, choice_key(choice)), "unjudged")
            verdicts[verdict if verdict in verdicts else "unjudged"] += 1
            if verdict == "right":
                pair_right += pairs(choice)
            elif verdict == "wrong":
                pair_wrong += pairs(choice)
            if verdict not in ("right", "wrong"):
                print(f"UNJUDGED\t{name}\t{choice_key(choice)}\t{choice.role}")
                for u in choice.uses:
                    print(f"    {u.outlet}: {u.evidence.text}")
        n_pairs = sum(pairs(c) for c in result["choices"])
        totals["choices"] += len(result["choices"])
        totals["pairs"] += n_pairs
        totals["right"] += verdicts["right"]
        totals["wrong"] += verdicts["wrong"]
        totals["unjudged"] += verdicts["unjudged"]
        share = result["wording_cpu"] / result["stages_cpu"] if result["stages_cpu"] else 0.0
        rows.append(f"| {name} | {result['articles']} | {result['shared_facts']} | {len(result['choices'])} | {n_pairs} | "
                    f"{verdicts['right']} ({pair_right}) | {verdicts['wrong']} ({pair_wrong}) | {verdicts['unjudged']} | "
                    f"{result['wording_cpu'] * 1000:.0f} ms | {share:.1%} |")
        print(rows[-1], flush=True)
    if tmp:
        tmp.cleanup()
    load = os.getloadavg()[0]
    md = "\n".join([
        "Different words for the same people where outlets state the same fact (`framing/wording.py`, task W). Each folder is "
        "read as one story; every choice found is judged by hand in `bench/data/wording_judged.tsv` (right: all its words name "
        "the same people, and they differ; wrong: otherwise). Pairs = pairs of outlets whose words differ within a choice.",
        "",
        f"Cost: CPU seconds of `find_word_choices` alone, and its share of the CPU of parse + understand + compare on the same "
        f"story (load average {load:.1f} at the end of the run).",
        "",
        "| story | articles | facts of 2+ outlets | choices | pairs | right (pairs) | wrong (pairs) | unjudged | wording CPU | share of stages |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *rows,
        f"| **all** |  |  | {totals['choices']} | {totals['pairs']} | {totals['right']} | {totals['wrong']} | {totals['unjudged']} |  |  |",
        "",
        "Recall: a word choice is found where the comparison aligned the two sentences into one fact and the people fill "
        "the same role in both, or (session 8) where sentences of two facts share the governing verb and relation and say "
        "the same around them, or count the same people by one exact figure of 10 or more on one day or beside one named "
        "actor (protest's 62 \"thugs\" / \"people\", dockstrike's 3,400 \"dockers\" / \"members of the HTWF\"). Planted words in "
        "sentences that tell different things (festival-goers / patients, stevedores in another story's feed) stay unfound.",
        "",
        "Precision guard: the 200-article story (ECB+ articles of several events read as one story, so facts align loosely "
        "and every article is its own outlet) gave 60 choices before the clause check (`same_statement`), the security-forces "
        "rule and the weak-verb rule; reading them, about 15 were right (\"The group was alerted\" / \"Officers were alerted\", "
        "\"police\" / \"youths\", \"Crews\" / \"Shoppers\" arrived were typical wrong ones). With those guards every "
        "choice it gives is right (two in session 7, five in session 8 with the pairs across facts).",
    ])
    print(md)
    write_section("framing: word choices", md)


if __name__ == "__main__":
    main(sys.argv[1:])
