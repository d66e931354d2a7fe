"""Where the end-to-end entity gain is lost: a breakdown of bench_understand's scoring on one set.

Run from /work/main:  .venv/bin/python -m bench.diagnose_entities [wcl-tuning|ecb-tuning|...] [--examples N] [--splits|--merges]

For the set named (default: both tuning sets; read the errors of tuning sets only), prints

1. gold mentions not aligned to a prediction, by why: nothing predicted over them, a
   prediction overlaps them but ends outside (boundary), a prediction inside them went to
   another gold mention (nested gold), or only an unscored prediction (a pronoun on
   NewsWCL50) covers them; each by the gold mention's form (pronoun, capitalised name,
   common noun phrase);
2. spurious predictions (aligned to no gold mention), by kind and tagger label, whether
   they overlap a gold mention (boundary) or none, and whether newsprism put them in an
   entity with other mentions (where they cost precision) or left them alone;
3. what each part costs: B-cubed F1 end to end of both systems with a class of spurious
   predictions removed (and with gold mentions no prediction covers removed), so the share
   of the precision loss each class causes ours against the all-strings baseline.

With --splits, prints instead where recall on aligned mentions is lost: per gold chain, the
entities other than its main one that hold its mentions (`splits`); with --merges, where
precision on aligned mentions is lost: per newsprism entity, the gold chains other than its
main one whose mentions it holds (`merges`).

Parses are cached in /tmp (spaCy DocBin) so that re-running after a rule change is quick.
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter, defaultdict
from pathlib import Path

from spacy.tokens import DocBin

import bench.bench_understand as bu
from newsprism.scoring import b_cubed
from newsprism.understand.entities import add_surname_mentions, cluster_mentions, collect_mentions
from newsprism.understand.nlp import load_nlp, parse

CACHE = Path("/tmp/newsprism-parse-cache")
PRONOUNS = frozenset("he she it they him her them his its their hers theirs we us our i me my you your who whom whose which that this".split())


def cached_parse(texts: list[str]) -> list:
    """Parse texts, reading and writing a DocBin per text set (user data kept)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / (hashlib.sha1("\x00".join(texts).encode()).hexdigest() + ".spacy")
    if path.exists():
        docs = list(DocBin().from_bytes(path.read_bytes()).get_docs(load_nlp().vocab))
    else:
        docs = parse(texts)
        bin_ = DocBin(store_user_data=True)
        for d in docs:
            bin_.add(d)
        path.write_bytes(bin_.to_bytes())
    for d, t in zip(docs, texts):
        d.user_data["newsprism_text"] = t
    return docs


def predict_with_labels(docs) -> tuple[list, dict]:
    """Return bench_understand's predictions and (doc, start, end) -> tagger label of each."""
    parsed = dict(zip([d.id for d in docs], cached_parse([d.text for d in docs])))
    mentions = [m for d in docs for m in collect_mentions(d.id, parsed[d.id])]
    add_surname_mentions(parsed, mentions)
    labels = {(m.article_id, m.start, m.end): m.label for m in mentions}
    entities = cluster_mentions(mentions, {d.id: d.text for d in docs})
    return [(m.article_id, m.start, m.end, m.text, e.id, m.kind) for e in entities for m in e.mentions], labels


def gold_form(text: str) -> str:
    words = text.split()
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    content = [w for w in words if w.lower() not in {"the", "a", "an", "'s", "of"}]
    if content and all(w[:1].isupper() for w in content):
        return "name"
    if any(w[:1].isupper() for w in words[1:]) or (words and words[0][:1].isupper() and words[0].lower() not in {"the", "a", "an"}):
        return "name + words"
    return "common noun phrase"


def diagnose(stories, unscored: frozenset[str], scope, examples: int = 0) -> None:
    unaligned_gold: Counter = Counter()
    spurious: Counter = Counter()
    spurious_examples: dict[str, Counter] = defaultdict(Counter)
    gold_examples: dict[str, Counter] = defaultdict(Counter)
    # B3 F1 end to end per story for: full, without each spurious class, without uncovered gold
    variants: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    n_gold = n_pred = n_spur = 0
    for _, docs, gold, annotated in stories:
        by_id = {d.id: d for d in docs}
        all_pred, labels = predict_with_labels(docs)
        pred = [p for p in all_pred if p[5] not in unscored]
        if annotated is not None:
            pred = [p for p in pred if (by_id[p[0]].token_at(p[2] - 1) or (None, None))[0] is not None and (p[0], by_id[p[0]].token_at(p[2] - 1)[0]) in annotated]
        owner = bu.align(pred, docs, gold)
        if scope is not None:
            kept = [n for n, g in enumerate(owner) if g is None or gold[g][4] in scope]
            pred, owner = [pred[n] for n in kept], [owner[n] for n in kept]
        scored_gold = [i for i, g in enumerate(gold) if scope is None or g[4] in scope]
        n_gold += len(scored_gold)
        n_pred += len(pred)
        entity_size = Counter(p[4] for p in pred)
        aligned_gold = set(g for g in owner if g is not None)

        def tokens_of(p):
            d = by_id[p[0]]
            a, b = d.token_at(p[1]), d.token_at(p[2] - 1)
            return (a[0], set(range(a[1], b[1] + 1))) if a and b and a[0] == b[0] else (None, set())

        pred_tokens = [tokens_of(p) for p in pred]
        unscored_pred = [p for p in all_pred if p[5] in unscored]
        unscored_tokens = [tokens_of(p) for p in unscored_pred]
        # 1. gold mentions not aligned
        for i in scored_gold:
            if i in aligned_gold:
                continue
            doc_id, sent, toks, chain, kind, head = gold[i]
            text = " ".join(by_id[doc_id].text.split("\n")[sent].split(" ")[t] for t in sorted(toks))
            over = [n for n, (s, ts) in enumerate(pred_tokens) if pred[n][0] == doc_id and s == sent and ts & toks]
            if not over:
                if any(u[0] == doc_id and s == sent and ts & toks for u, (s, ts) in zip(unscored_pred, unscored_tokens)):
                    why = "covered only by an unscored pronoun"
                else:
                    why = "not predicted"
            elif any(owner[n] is not None for n in over):
                why = "prediction went to another (nested) gold mention"
            else:
                why = "boundary: prediction overlaps, head outside"
            key = f"{why} | {gold_form(text)}" + (f" | {kind}" if scope is not None or kind else "")
            unaligned_gold[key] += 1
            gold_examples[key][text] += 1
        # 2. spurious predictions
        classes = []
        for n, p in enumerate(pred):
            if owner[n] is not None:
                classes.append(None)
                continue
            s, ts = pred_tokens[n]
            overlaps = any(g[0] == p[0] and g[1] == s and g[2] & ts for g in gold)
            label = labels.get((p[0], p[1], p[2]), "-")
            cls = f"{p[5]} {label if p[5] not in {'pronoun', 'description'} else ''}".strip()
            where = "overlaps gold" if overlaps else "in no gold mention"
            alone = "alone" if entity_size[p[4]] == 1 else "in a bigger entity"
            key = f"{cls} | {where} | {alone}"
            spurious[key] += 1
            spurious_examples[key][p[3]] += 1
            classes.append((cls, where))
            n_spur += 1
        # 3. costs: B3 F1 end to end of both systems, full and with parts removed
        gold_clusters = defaultdict(set)
        for i in scored_gold:
            gold_clusters[gold[i][3]].add(("g", i))
        covered_gold = set(aligned_gold)

        def score(keep, drop_uncovered=False):
            keys = [("g", g) if g is not None else ("p", p[0], p[1]) for g, p in zip(owner, pred)]
            gc = [c & {("g", g) for g in covered_gold} if drop_uncovered else c for c in gold_clusters.values()]
            out = {}
            for name, label_of in (("ours", lambda p: p[4]), ("baseline", lambda p: " ".join(p[3].lower().split()))):
                clusters = defaultdict(set)
                for n, (k, p) in enumerate(zip(keys, pred)):
                    if keep(n):
                        clusters[label_of(p)].add(k)
                out[name] = b_cubed(gc, list(clusters.values()))
            return out

        variants["full"]["x"].append(score(lambda n: True))
        variants["no spurious at all"]["x"].append(score(lambda n: classes[n] is None))
        for cls_where in {c for c in classes if c is not None}:
            variants[f"without spurious {cls_where[0]} ({cls_where[1]})"].setdefault("story", {})[len(variants["full"]["x"]) - 1] = score(lambda n, c=cls_where: classes[n] != c)
        variants["no spurious, gold no prediction aligns to left out"]["x"].append(score(lambda n: classes[n] is None, drop_uncovered=True))
    print(f"\n{len(stories)} stories, {n_gold} gold mentions scored, {n_pred} predictions scored, {n_spur} spurious\n")
    print("## gold mentions not aligned\n\n| why | form | type | count |\n|---|---|---|---|")
    for key, c in unaligned_gold.most_common():
        parts = key.split(" | ")
        print(f"| {' | '.join(parts + [''] * (3 - len(parts)))} | {c} |" + (f"  e.g. {', '.join(repr(t) for t, _ in gold_examples[key].most_common(examples))}" if examples else ""))
    print("\n## spurious predictions\n\n| kind, label | where | newsprism entity | count |\n|---|---|---|---|")
    for key, c in spurious.most_common():
        print(f"| {key} | {c} |" + (f"  e.g. {', '.join(repr(t) for t, _ in spurious_examples[key].most_common(examples))}" if examples else ""))
    print("\n## B3 end to end (macro over stories), ours vs all-strings baseline\n")
    print("| variant | ours P | ours R | ours F1 | base P | base F1 | gain F1 |\n|---|---|---|---|---|---|---|")
    full = variants["full"]["x"]
    for name, v in sorted(variants.items(), key=lambda kv: kv[0] != "full"):
        # a class absent from a story leaves that story as it is
        runs = [v["story"].get(i, full[i]) for i in range(len(full))] if "story" in v else v["x"]
        mean = lambda f: sum(f(r) for r in runs) / len(runs)  # noqa: E731
        ours_f, base_f = mean(lambda r: r["ours"].f1), mean(lambda r: r["baseline"].f1)
        print(f"| {name} | {mean(lambda r: r['ours'].precision):.3f} | {mean(lambda r: r['ours'].recall):.3f} | {ours_f:.3f} | "
              f"{mean(lambda r: r['baseline'].precision):.3f} | {base_f:.3f} | {(ours_f - base_f) * 100:+.2f} |")


def splits(stories, unscored: frozenset[str], examples: int = 0) -> None:
    """Print where aligned recall is lost: for each gold chain whose aligned mentions newsprism
    put in more than one entity, the entities other than its main one and what they hold.

    On NewsWCL50 most of it is the annotation's choice of chains (every official of a country
    in one ACTOR-I chain, the FBI in the country's chain), not a description left unjoined.
    """
    stray: Counter = Counter()
    for topic, docs, gold, _ in stories:
        pred = [p for p in predict_with_labels(docs)[0] if p[5] not in unscored]
        owner = bu.align(pred, docs, gold)
        chains: dict[str, list[int]] = defaultdict(list)
        for n, g in enumerate(owner):
            if g is not None:
                chains[gold[g][3]].append(n)
        names: dict[str, Counter] = defaultdict(Counter)
        for p in pred:
            names[p[4]][p[3]] += 1
        print(f"\n### {topic}\n")
        for chain, ns in sorted(chains.items(), key=lambda kv: -len(kv[1])):
            entities = Counter(pred[n][4] for n in ns)
            if len(entities) < 2:
                continue
            main = entities.most_common(1)[0][0]
            print(f"- {chain}: {len(ns)} aligned, main entity {[t for t, _ in names[main].most_common(2)]}")
            for entity, count in entities.most_common()[1:]:
                held = Counter(f"{pred[n][3]} ({pred[n][5]})" for n in ns if pred[n][4] == entity)
                stray.update(held)
                print(f"  - {count} in {[t for t, _ in names[entity].most_common(2)]}: {', '.join(t for t, _ in held.most_common(examples or 4))}")
    print("\n## mentions most often outside their chain's main entity\n")
    for text, count in stray.most_common(examples or 20):
        print(f"- {count} {text}")


def merges(stories, unscored: frozenset[str], examples: int = 0) -> None:
    """Print where precision on aligned mentions is lost: for each newsprism entity whose aligned
    mentions belong to more than one gold chain, the chains other than its main one and the
    mentions (with their kind) that brought them in; then those mentions counted by kind."""
    stray: Counter = Counter()
    by_kind: Counter = Counter()
    for topic, docs, gold, _ in stories:
        pred = [p for p in predict_with_labels(docs)[0] if p[5] not in unscored]
        owner = bu.align(pred, docs, gold)
        held: dict[str, list[int]] = defaultdict(list)
        for n, g in enumerate(owner):
            if g is not None:
                held[pred[n][4]].append(n)
        print(f"\n### {topic}\n")
        for entity, ns in sorted(held.items(), key=lambda kv: -len(kv[1])):
            chains = Counter(gold[owner[n]][3] for n in ns)
            if len(chains) < 2:
                continue
            main = chains.most_common(1)[0][0]
            main_names = Counter(pred[n][3] for n in ns if gold[owner[n]][3] == main)
            print(f"- entity {[t for t, _ in main_names.most_common(2)]}: {len(ns)} aligned, main chain {main}")
            for chain, count in chains.most_common()[1:]:
                wrong = Counter(f"{pred[n][3]} ({pred[n][5]})" for n in ns if gold[owner[n]][3] == chain)
                stray.update(wrong)
                by_kind.update(pred[n][5] for n in ns if gold[owner[n]][3] == chain)
                print(f"  - {count} of chain {chain}: {', '.join(t for t, _ in wrong.most_common(examples or 4))}")
    print("\n## mentions in an entity of another chain, by kind\n")
    for kind, count in by_kind.most_common():
        print(f"- {count} {kind}")
    print("\n## most often\n")
    for text, count in stray.most_common(examples or 20):
        print(f"- {count} {text}")


SETS = {
    "wcl-tuning": (lambda: bu.wcl_stories(bu.WCL_TUNING_TOPICS), frozenset({"pronoun"}), None),
    "ecb-tuning": (lambda: bu.ecb_stories(bu.ECB_TUNING_TOPICS), frozenset(), None),
    "ecb-tuning-scoped": (lambda: bu.ecb_stories(bu.ECB_TUNING_TOPICS), frozenset(), bu.ECB_SCOPED_TYPES),
}


def main() -> None:
    names = [a for a in sys.argv[1:] if not a.startswith("--") and not a.isdigit()] or ["wcl-tuning", "ecb-tuning-scoped"]
    examples = int(sys.argv[sys.argv.index("--examples") + 1]) if "--examples" in sys.argv else 0
    for name in names:
        loader, unscored, scope = SETS[name]
        print(f"# {name}")
        if "--splits" in sys.argv:
            splits(loader(), unscored, examples)
        elif "--merges" in sys.argv:
            merges(loader(), unscored, examples)
        else:
            diagnose(loader(), unscored, scope, examples)


if __name__ == "__main__":
    main()
