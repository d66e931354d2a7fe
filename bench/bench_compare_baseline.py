"""Compare end to end side by side with a baseline checkout of newsprism, in one run.

Run from the repository root, with the baseline's source tree extracted somewhere (for example
`git archive <commit> | tar -x -C /tmp/base`):

    .venv/bin/python -m bench.bench_compare_baseline /tmp/base/src [rounds]

Each round runs bench.bench_compare's stage script (read+clean, understand, compare, in a fresh
process) on the seed story and on the 200-article ECB+ story, first with the baseline's source
(PYTHONPATH) and then with this checkout's, so both meet the same load. CPU seconds are the
process's own (all threads); wall times depend on the other jobs on the machine. Section written
to bench/RESULTS.md: "compare: end to end vs baseline".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.bench_compare import REPO, SEEDS, run_stages, write_large_story
from bench.results import write_section


def main(argv: list[str]) -> None:
    base = Path(argv[0]).resolve()
    rounds = int(argv[1]) if len(argv) > 1 else 1
    here = REPO / "src"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        n = write_large_story(Path(tmp))
        for _ in range(rounds):
            for label, src in (("baseline", base), (f"this checkout ({commit})", here)):
                for story, folder in (("seed story (5 articles)", SEEDS), (f"{n}-article ECB+ story", Path(tmp))):
                    os.environ["PYTHONPATH"] = str(src)
                    stages = run_stages(folder)
                    stages.update(code=label, story=story, load=os.getloadavg()[0])
                    print(json.dumps(stages), flush=True)
                    rows.append(stages)
    os.environ.pop("PYTHONPATH", None)
    lines = [
        f"Side by side with the baseline source tree `{base}` in one run ({rounds} round(s), baseline first each time).",
        "CPU columns are the stage process's CPU seconds; wall times depend on the load average shown.",
        "",
        "| story | code | load | claims | facts | conflicts | understand wall | compare wall | compare CPU | all stages CPU | peak memory |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        lines.append(
            f"| {r['story']} | {r['code']} | {r['load']:.1f} | {r['claims']} | {r['facts']} | {r['conflicts']} | {r['understand_s']:.1f} s | "
            f"{r['compare_s']:.1f} s | {r['compare_cpu_s']:.1f} s | {r['total_cpu_s']:.1f} s | {r['peak_mb']:.0f} MB |"
        )
    md = "\n".join(lines)
    print(md)
    write_section("compare: end to end vs baseline", md)


if __name__ == "__main__":
    main(sys.argv[1:])
