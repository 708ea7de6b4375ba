#!/usr/bin/env python3
"""Writes N Markdown pages for the rendering benchmark (issue 15), deterministically from a seed.

Each page has YAML front matter (title, description) and three sections; each section has about
200 words of prose in paragraphs, with emphasis, a site-absolute link and inline code, and a
table of six rows: about 600 words and three tables a page. Same seed, same bytes.

    python3 bench/gen_pages.py OUT_DIR [N] [--seed 42]
"""
import argparse
import os
import random

WORDS = (
    "agent session prompt repository commit test build tool shell edit file change review plan "
    "person persona workshop scaffold consult errand question answer error fix run command diff "
    "read write search context model token turn reply step task issue branch merge patch log "
    "the a of to and in for with on that this it is was as by from at be are or an not but"
).split()


def sentence(rng):
    n = rng.randint(8, 16)
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    i = rng.randrange(1, n)
    kind = rng.randrange(4)
    if kind == 0:
        words[i] = "*" + words[i] + "*"
    elif kind == 1:
        words[i] = "`" + words[i] + "`"
    return " ".join(words) + "."


def section(rng, number):
    out = ["## Section %d: %s %s" % (number, rng.choice(WORDS), rng.choice(WORDS)), ""]
    words = 0
    paragraph = []
    while words < 200:
        s = sentence(rng)
        words += len(s.split())
        paragraph.append(s)
        if len(paragraph) == 4:
            out += [" ".join(paragraph), ""]
            paragraph = []
    if paragraph:
        out += [" ".join(paragraph), ""]
    out += ["See [the method](/method/) for how this is read.", ""]
    out += ["| Type | Sessions | Share | Median turns |", "|---|---:|---:|---:|"]
    for _ in range(6):
        out.append("| %s | %d | %.1f %% | %d |" % (
            rng.choice(WORDS), rng.randint(1, 5000), rng.uniform(0, 100), rng.randint(1, 40)))
    out.append("")
    return out


def page(rng, index):
    lines = ["---", "title: Benchmark page %04d" % index,
             "description: Generated page %d of the rendering benchmark." % index, "---", ""]
    lines += ["Page %d opens with one sentence. %s" % (index, sentence(rng)), ""]
    for number in range(1, 4):
        lines += section(rng, number)
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("n", type=int, nargs="?", default=1000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    for index in range(1, args.n + 1):
        with open(os.path.join(args.out, "page-%04d.md" % index), "w", encoding="utf-8") as f:
            f.write(page(rng, index))


if __name__ == "__main__":
    main()
