"""Pipeline: runs the stages in order and collects per-input outcomes; holds no stage logic.

    read_inputs -> clean_article -> group_articles -> for each story:
        understand_story -> compare_story + frame_story -> Story

A bad input becomes a `Failure` (input, stage, code, message) and the rest of
the batch goes on; with `on_error="raise"` the first failure is raised instead.
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal

from newsprism.clean import clean_article
from newsprism.compare import compare_story
from newsprism.errors import NewsprismError, StageError
from newsprism.framing import find_word_choices, frame_story
from newsprism.group import group_articles
from newsprism.group.title import neutral_title
from newsprism.ingest import read_inputs
from newsprism.models import Article, CleanArticle, Failure, Report, Story, StoryGroup
from newsprism.settings import Settings, load_settings
from newsprism.scale import ForkedCall, ForkRunner, Outcome, Runner, apply_each, can_fork_helper, current_runner, fork_available, free_cores
from newsprism.understand import understand_story
from newsprism.understand.nlp import freeze_loaded, parse, parse_ahead

# Worker processes that parse the next stories while this one is analysed, at most; how many
# are used is `nlp.worker_count`'s rule: workers for 64 texts or more when a core is spare,
# else the parse runs in this process (still ahead, in 32-doc batches). Identical docs either way.
PARSE_PROCESSES = 2
# Articles per cluster task when stories are analysed on a cluster (`story_parts`): 32 fills
# one spaCy batch (nlp.PARSE_BATCH), so each worker parses as fast as a single process does.
STORY_PART_ARTICLES = 32

# Whole stories (parse, understand, compare, framing) run in up to this many worker processes
# forked from this one (`scale.ForkRunner`) for runs of 2 stories or more and FORK_FROM articles
# or more, when 2 cores are free (`story_workers`); this process then only waits. A story costs
# 0.5-0.7 CPU s an article end to end (comparison is most of it), so two stories of 5 articles
# already take about 7 CPU s in one process, against about 0.6 s the pool adds (warm-up, each
# worker's cold caches). See bench/RESULTS.md, "understand: speed".
STORY_PROCESSES = 2
FORK_FROM = 8
# An invented story the models are warmed on before workers fork, so each worker inherits warm
# caches (lexemes, lemmas, word lists, the lexicon) instead of filling its own.
WARM_UP_TEXT = (
    "Harbour officials in Norwick said on Monday that 12 workers were hurt when a crane fell at the "
    "container port, and about 300 people were moved out of nearby streets. \"We are still counting "
    "the damage,\" the port's director, Mara Lind, told the Coast Gazette. The city council will meet "
    "on Friday to discuss the accident, its chairman said."
)

# A story of this many claim sentences or more has them encoded ahead (`encode_claims_ahead`): in
# a process forked after the parse, on the core this one leaves idle while it understands the
# story, for the comparison to take. Below it the encoding is worth less than the fork's cost
# (copying the pages the child touches: 0.1-0.3 CPU s, bench/RESULTS.md "understand: speed").
ENCODE_AHEAD_FROM = 64

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int | None], None]
"""Called as progress(step, done, total) while work goes on; total None when unknown."""


def _quiet(step: str, done: int, total: int | None) -> None:
    pass


def _input_ref(article: Article) -> str:
    """Name an article's input the way ingest failures do: the path, and the record inside it."""
    return f"{article.source_path}#{article.record}" if article.record else article.source_path


def _failure(ref: str, stage: str, err: Exception) -> Failure:
    if isinstance(err, NewsprismError):
        return Failure(input_ref=ref, stage=stage, code=err.code, message=err.message)
    log.debug("unexpected error in %s for %s:\n%s", stage, ref, traceback.format_exc())
    return Failure(input_ref=ref, stage=stage, code="NP000", message=f"unexpected error: {type(err).__name__}: {err}")


def read_and_clean(
    inputs: Iterable[str | Path | Article],
    settings: Settings,
    *,
    on_error: Literal["record", "raise"] = "record",
    progress: Progress = _quiet,
    scale: Runner | None = None,
) -> tuple[list[CleanArticle], list[Failure]]:
    """Read every input and clean each article; return the clean articles and the failures.

    With `scale` (see `newsprism.scale.open_cluster`), cleaning runs on its workers in chunks;
    outcomes and their order are the same as in one process.
    """
    paths = [i for i in inputs if not isinstance(i, Article)]
    given = [i for i in inputs if isinstance(i, Article)]
    scale = scale if scale is not None else current_runner()
    chunk = 2048 if scale is not None else 1  # one at a time in process, so progress and memory stay per article
    articles: list[CleanArticle] = []
    failures: list[Failure] = []
    seen: set[str] = set()
    pending: list[Article] = []

    def flush() -> None:
        for item, clean, err in _clean_each(pending, settings, scale):
            try:
                if err is not None:
                    raise err
                if not clean.text.strip():
                    raise StageError("NP201", chars=len(item.raw))
                articles.append(clean)
            except Exception as error:  # noqa: BLE001 - recorded per input, never lost
                if on_error == "raise":
                    raise
                failures.append(_failure(_input_ref(item), "clean", error))
        pending.clear()
        progress("read", len(articles) + len(failures), None)

    for item in itertools.chain(given, read_inputs(paths, settings.ingest)):
        if isinstance(item, Failure):
            if on_error == "raise":
                raise StageError(item.code, error=f"{item.input_ref}: {item.message}")
            failures.append(item)
        elif item.id not in seen:
            seen.add(item.id)
            pending.append(item)
            if len(pending) >= chunk:
                flush()
    if pending:
        flush()
    return articles, failures


def _clean_each(batch: list[Article], settings: Settings, scale: Runner | None):
    """Yield (article, clean article or None, error or None) for each article, on the cluster when given."""
    if scale is None:
        for item in batch:
            try:
                yield item, clean_article(item, settings.clean), None
            except Exception as err:  # noqa: BLE001 - the caller records or raises it
                yield item, None, err
        return
    for item, outcome in zip(batch, scale.map_each(clean_article, batch, (settings.clean,)), strict=True):
        yield item, (outcome.value if outcome.ok else None), (None if outcome.ok else outcome.error())


def analyze_story(group: StoryGroup, articles: list[CleanArticle], settings: Settings, docs: list | None = None) -> Story:
    """Understand, compare and frame one story.

    `docs`, one parsed Doc per member article in order, skips the parse (see `_parsed_stories`).
    """
    members = members_in_input_order([group], articles)[0]
    if docs is None or len(docs) != len(members):
        docs = parse([a.text for a in members], settings.understand.spacy_model)  # one parse serves understanding and framing
    ahead = encode_claims_ahead(docs)
    try:
        understanding = understand_story(group, members, settings.understand, docs=docs)
        comparison = compare_story(understanding, settings.compare)
    finally:
        end_encoding_ahead(ahead)
    framing = frame_story(understanding, settings.framing, docs=docs)
    word_choices = find_word_choices(comparison.facts, understanding, docs, settings.framing.lexicon_dir)
    return Story(
        id=group.id,
        # no side of a disputed count, no one outlet's label: known once the story is compared and framed
        title=neutral_title(group.title, members, comparison.conflicts, framing, comparison.summary),
        article_ids=group.article_ids,
        entities=understanding.entities,
        quotes=understanding.quotes,
        claims=understanding.claims,
        numbers=understanding.numbers,
        dates=understanding.dates,
        facts=comparison.facts,
        conflicts=comparison.conflicts,
        exclusives=comparison.exclusives,
        omissions=comparison.omissions,
        copies=comparison.copies,
        timeline=comparison.timeline,
        summary=comparison.summary,
        framing=framing,
        word_choices=word_choices,
    )


def analyze(
    inputs: Iterable[str | Path | Article],
    settings: Settings | None = None,
    *,
    on_error: Literal["record", "raise"] = "record",
    progress: Progress = _quiet,
    scale: Runner | None = None,
) -> Report:
    """Read, clean, group and analyse `inputs` (paths, folders, URLs or Article objects) into a Report.

    Example::

        import newsprism
        report = newsprism.analyze(["examples/"])
        for fact in report.stories[0].facts:
            print(fact.independent_sources, fact.text)
    """
    settings = settings or load_settings()
    scale = scale if scale is not None else current_runner()
    articles, failures = read_and_clean(list(inputs), settings, on_error=on_error, progress=progress, scale=scale)
    if scale is not None:
        return _analyze_scaled(articles, failures, settings, on_error, progress, scale)
    groups = group_articles(articles, settings.group)
    workers = story_workers(len(groups), len(articles))
    if workers > 1:
        try:
            warm_up(settings)
        except Exception:  # noqa: BLE001 - only a speed-up: the workers warm their own caches, and a real story's error is recorded there
            log.debug("warm-up before forking failed:\n%s", traceback.format_exc())
        stories = _stories_on(ForkRunner(workers), groups, articles, failures, settings, on_error, progress)
        return Report(articles=articles, stories=stories, failures=failures)
    stories: list[Story] = []
    for done, (group, docs) in enumerate(zip(groups, _parsed_stories(groups, articles, settings)), 1):
        try:
            stories.append(analyze_story(group, articles, settings, docs))
        except Exception as err:  # noqa: BLE001 - one story's failure must not lose the others
            if on_error == "raise":
                raise
            failures.append(_failure(f"story {group.id}", "analyze", err))
            stories.append(Story(id=group.id, title=group.title, article_ids=group.article_ids))
        progress("analyze", done, len(groups))
    return Report(articles=articles, stories=stories, failures=failures)


def claim_texts(docs: list) -> list[str]:
    """The texts of a story's claims (each once, in article and sentence order), read off its
    parsed docs before it is understood: the sentences `claims.build_claims` makes claims of,
    the first texts `compare_story` encodes."""
    from newsprism.compare.views import whole_quotes
    from newsprism.models import Claim, Sentence
    from newsprism.understand import sentence_bounds
    from newsprism.understand.claims import claim_spans
    from newsprism.understand.nlp import doc_text

    texts = []
    for doc in docs:
        text = doc_text(doc)
        bounds = sentence_bounds(doc)
        # The comparison reads a quotation over several sentences as one claim (`views.whole_quotes`):
        # join them here the same way, or its first call asks for other texts and the helper's are wasted.
        sentences = [Sentence(article_id="a", index=i, start=s, end=e, text=text[s:e]) for i, (s, e) in enumerate(bounds)]
        claims = [Claim(id=str(i), article_id="a", sentence_index=i, text=text[s:e], start=s, end=e) for i, s, e in claim_spans(doc, bounds)]
        texts.extend(c.text for c in whole_quotes(claims, {"a": text}, sentences))
    return list(dict.fromkeys(t for t in texts if t))


def encode_claims_ahead(docs: list, least: int | None = None) -> ForkedCall | None:
    """Start encoding a story's claim sentences in a forked process (`scale.ForkedCall`) while
    this one understands the story, and offer the vectors to the comparison's first call
    (`embed.offer`); None when the story is small or no core is free (`scale.can_fork_helper`).
    The call is shared out by batches (`embed.SharedEncoding`): when the comparison asks for the
    vectors, this process encodes the batches the helper has not reached yet, so the two cores
    finish the claims together (the helper's share of a 200-article story's 2,831 claims is
    longer than this process's understanding of it).

    The report does not depend on it: the comparison encodes its claims in one call on one
    thread (`embed(..., one_thread=True)`), and takes the offered vectors only when that call's
    texts are exactly the ones encoded ahead (a claim text that understanding encoded as a quote
    rendering changes the call, and the offer is left), so they are the vectors it would have
    computed itself.

    The texts are counted before a core is asked for: `can_fork_helper` samples /proc/stat for
    0.1 s of wall time (`scale.free_cores`), which a story too small for a helper must not wait."""
    if len(docs) < 2:
        return None
    texts = claim_texts(docs)
    from newsprism import embed

    texts = embed.missing_texts(texts)
    if len(texts) < (ENCODE_AHEAD_FROM if least is None else least) or not can_fork_helper():
        return None
    embed.load_encoder()  # loaded once, here, and shared with the child copy-on-write
    shared = embed.SharedEncoding(texts, 64)
    call = ForkedCall(shared.ahead)
    call.shared = shared  # how many batches this process encoded: `shared.batches_here`
    # When the comparison asks for the claims, this process takes the batches the helper has not
    # reached, from the other end, instead of waiting for it (`embed.SharedEncoding.finish`).
    embed.offer(texts, 64, lambda: shared.finish(call.result))
    return call


def end_encoding_ahead(call: ForkedCall | None) -> None:
    """Drop what `encode_claims_ahead` offered and was not taken, and end its process."""
    if call is not None:
        from newsprism import embed

        embed.withdraw_offers()
        call.close()


def story_workers(n_stories: int, n_articles: int, most: int = STORY_PROCESSES) -> int:
    """How many forked workers `analyze` runs whole stories in: 1 (this process) for one story,
    below FORK_FROM articles, where fork has no support, or when fewer than 1.5 cores are free
    (`scale.free_cores`); else as many as there are free cores, rounded, at most `most` and at
    most one a story. Two workers on one free core would only share it, and pay the pool's cost."""
    if most <= 1 or n_stories < 2 or n_articles < FORK_FROM or not fork_available():
        return 1
    return max(1, min(most, n_stories, int(free_cores() + 0.5)))


def warm_up(settings: Settings) -> None:
    """Load the models and run one invented story through every stage, then freeze what is loaded
    (`nlp.freeze_loaded`): workers forked afterwards share the warm models and caches copy-on-write."""
    article = CleanArticle(id="warm-up", source_path="warm-up", published="2020-01-01", text=WARM_UP_TEXT)
    analyze_story(StoryGroup(id="warm-up", title="", article_ids=[article.id]), [article], settings)
    freeze_loaded()


def members_in_input_order(groups: list[StoryGroup], articles: list[CleanArticle]) -> list[list[CleanArticle]]:
    """Each story's articles in the order of `articles`, as `analyze_story` takes them.

    A story lists its articles oldest first, but the order decides ties (a fact's wording, a
    quote's channel), so a story parsed ahead or sent to a worker must see them as this process does.
    """
    position = {a.id: k for k, a in enumerate(articles)}
    return [[articles[k] for k in sorted({position[i] for i in g.article_ids if i in position})] for g in groups]


def _parsed_stories(groups: list[StoryGroup], articles: list[CleanArticle], settings: Settings, processes: int = PARSE_PROCESSES):
    """Yield each story's parsed docs in turn, parsed ahead (by up to `processes` workers, see `nlp.worker_count`).

    While this process understands, compares and frames one story, the workers parse the
    next ones. If the parse ahead fails, the rest is None: each story then parses itself,
    so the failure is recorded against the story it belongs to.
    """
    batches = [[a.text for a in members] for members in members_in_input_order(groups, articles)]
    served = 0
    try:
        for docs in parse_ahead(batches, settings.understand.spacy_model, processes=processes):
            served += 1
            yield docs
    except Exception:  # noqa: BLE001 - the stories left parse in-process and record their own failures
        log.debug("parse ahead stopped after %d stories:\n%s", served, traceback.format_exc())
    yield from itertools.repeat(None, len(groups) - served)


def part_size(n_articles: int, workers: int) -> int:
    """Articles per cluster task: STORY_PART_ARTICLES, or fewer so that a small run gives every worker a share."""
    return max(1, min(STORY_PART_ARTICLES, -(-n_articles // max(1, workers))))


def story_parts(jobs: list, articles_per_part: int = STORY_PART_ARTICLES) -> list[list]:
    """Pack consecutive stories into parts of at least `articles_per_part` articles (the last may hold fewer).

    One part is one cluster task: its articles are parsed in one stream, as a single-process
    run parses them, and a run of many small stories still spreads over every worker.
    A story's result does not depend on the part it lands in.
    """
    parts: list[list] = [[]]
    size = 0
    for job in jobs:
        parts[-1].append(job)
        size += len(job[1])
        if size >= articles_per_part:
            parts.append([])
            size = 0
    return [p for p in parts if p]


def balanced_parts(jobs: list, n_parts: int) -> list[list]:
    """Deal stories into at most `n_parts` parts of about equal text (characters), largest story first
    to the part with the least text so far (the longest-processing-time rule); each part keeps its
    stories in input order.

    For workers that start together and each take one part at a time (`scale.ForkRunner`): the
    run lasts as long as its longest part, and the parse, most of understanding's work, follows
    the text more closely than the article count. Cutting consecutive stories instead left one
    of two parts 15% longer on the speed bench's twelve stories. `run_in_parts` puts the results
    back in story order.
    """
    sizes = [sum(len(a.text) for a in members) for _, members in jobs]
    n_parts = max(1, min(n_parts, len(jobs)))
    loads = [0] * n_parts
    members_of: list[list[int]] = [[] for _ in range(n_parts)]
    for k in sorted(range(len(jobs)), key=lambda k: (-sizes[k], k)):
        lightest = min(range(n_parts), key=lambda p: (loads[p], p))
        members_of[lightest].append(k)
        loads[lightest] += sizes[k]
    return [[jobs[k] for k in sorted(ks)] for ks in members_of if ks]


def fork_parts(jobs: list, workers: int) -> list[list]:
    """The parts `analyze` gives its forked workers: `balanced_parts`, as many per worker as it
    takes to keep a part at STORY_PART_ARTICLES articles or fewer on average (one spaCy batch)."""
    n_articles = sum(len(members) for _, members in jobs)
    return balanced_parts(jobs, workers * max(1, -(-n_articles // (workers * STORY_PART_ARTICLES))))


def run_in_parts(runner: ForkRunner, func: Callable, jobs: list, args: tuple = (), progress: Callable[[int], None] | None = None) -> list:
    """`func(part, *args)` over `fork_parts(jobs, runner.workers)` on `runner`: one result per job, in the order of `jobs`."""
    parts = fork_parts(jobs, runner.workers)
    results = runner.map_parts(func, parts, args, progress=progress)
    slot = {id(job): k for k, job in enumerate(jobs)}
    ordered: list = [None] * len(jobs)
    for job, result in zip((job for part in parts for job in part), results, strict=True):
        ordered[slot[id(job)]] = result
    return ordered


def _analyze_scaled(articles, failures, settings: Settings, on_error, progress: Progress, scale: Runner) -> Report:
    """Fingerprints and stories on the cluster, clustering on the driver (it needs every fingerprint)."""
    from newsprism.group import fingerprint_articles

    fingerprints = None
    if not settings.group.one_story:
        fingerprints = scale.map_batches(fingerprint_articles, articles, (None, settings.group.lead_sentences))
    groups = group_articles(articles, settings.group, fingerprints=fingerprints)
    return Report(articles=articles, stories=_stories_on(scale, groups, articles, failures, settings, on_error, progress), failures=failures)


def _stories_on(runner: Runner, groups: list[StoryGroup], articles: list[CleanArticle], failures: list[Failure],
                settings: Settings, on_error, progress: Progress) -> list[Story]:
    """Analyse the stories on `runner`: in parts of about equal text on forked workers
    (`run_in_parts`), else consecutive stories packed into parts (`story_parts`); a story that
    failed is recorded in `failures` and kept as an empty Story."""
    jobs = list(zip(groups, members_in_input_order(groups, articles)))
    workers = getattr(runner, "workers", 1)
    if isinstance(runner, ForkRunner):  # tells progress as parts come back
        outcomes = run_in_parts(runner, _analyze_part, jobs, (settings,),
                                progress=lambda done: progress("analyze", done, len(groups)))
    else:
        outcomes = runner.map_parts(_analyze_part, story_parts(jobs, part_size(sum(len(m) for _, m in jobs), workers)), (settings,))
        for done in range(1, len(groups) + 1):
            progress("analyze", done, len(groups))
    stories: list[Story] = []
    for group, outcome in zip(groups, outcomes, strict=True):
        if outcome.ok:
            stories.append(outcome.value)
        else:
            if on_error == "raise":
                raise outcome.error()
            failures.append(_failure(f"story {group.id}", "analyze", outcome.error()))
            stories.append(Story(id=group.id, title=group.title, article_ids=group.article_ids))
    return stories


def _analyze_part(jobs: list[tuple[StoryGroup, list[CleanArticle]]], settings: Settings) -> list[Outcome]:
    """Analyse one part's stories on a worker: their articles parsed ahead in one stream, then each story."""
    articles = [a for _, members in jobs for a in members]
    parsed = _parsed_stories([group for group, _ in jobs], articles, settings, processes=1)
    return apply_each(_analyze_job, list(zip(jobs, parsed)), (settings,))


def _analyze_job(job: tuple[tuple[StoryGroup, list[CleanArticle]], list | None], settings: Settings) -> Story:
    (group, members), docs = job
    return analyze_story(group, members, settings, docs)
