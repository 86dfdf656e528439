#!/usr/bin/env python3
"""Linear time on hostile text: extraction time per size for inputs built to make patterns
backtrack or loops go quadratic.

For each kind the text grows 10x twice; the last column is (time per MB at the largest size) /
(time per MB at the smallest): about 1 means linear, 10 would mean quadratic. Usage:
    python bench/adversarial.py [--max 1000000]
"""
from __future__ import annotations

import argparse
import time

from quotecli.extract import extract

KINDS = {
    "quote marks": lambda n: '"' * n,
    "curly marks": lambda n: "“" * n,
    "apostrophes": lambda n: "'" * n,
    "mixed marks": lambda n: ("“‘\"'«»„”’ " * (n // 10 + 1))[:n],
    "unclosed quote + text": lambda n: "He said “" + ("word " * (n // 5 + 1))[:n],
    "nested quotes": lambda n: ("“a ‘b “c ‘d " * (n // 12 + 1))[:n] + "’ ” ’ ”",
    "one long line of speech": lambda n: ("“Yes,” said Ann Cole. " * (n // 22 + 1))[:n],
    "long word": lambda n: "“" + "a" * n + "” said Bo.",
    "capitalised run": lambda n: "“Hi,” said " + ("Ab " * (n // 3 + 1))[:n] + ".",
    "dots and initials": lambda n: "“Hi,” said " + ("A. " * (n // 3 + 1))[:n],
    "blank lines": lambda n: "\n\n“" * (n // 3 + 1),
    "speech verbs": lambda n: "“Q” " + ("said " * (n // 5 + 1))[:n],
    # one dialogue chain of n/40 turns, every other one cued by the same speaker
    "one dialogue chain": lambda n: ("“Line,” said Ann Cole.\n\n“Reply.”\n\n" * (n // 38 + 1))[:n],
    "vocatives": lambda n: ("“Yes, Aunt Charlotte, no, Tom, ” she said. " * (n // 42 + 1))[:n],
    # first-person narration: every other turn "said I", the others addressing the narrator
    "first-person dialogue": lambda n: ("“Well, Watson, what now?” asked Holmes.\n\n“Nothing,” said I.\n\n"
                                        * (n // 62 + 1))[:n],
    # one sentence without a full stop: names, then a she after each
    "names and pronouns, no full stop": lambda n: ("Mary Lee saw Ann Cole and she said “no” and " * (n // 44 + 1))[:n],
    # unnamed people: a girl and a boy, he and she
    "unnamed people": lambda n: ("A girl sat down.\n\n“Why?” she asked.\n\n“Because,” he said.\n\n" * (n // 58 + 1))[:n],
    # a headline echoed by every paragraph of the body
    "headline echoes": lambda n: "Lee says plan ‘a disaster’\n\n" + ("Lee called it “a disaster” again.\n\n" * (n // 36 + 1))[:n],
    # tokenised text (commas set apart): single marks standing alone pair up
    "tokenised single marks": lambda n: ("he said , ' yes , ' and , ‘ no ’ , ' " * (n // 36 + 1))[:n],
    # descriptions of a titled person between the quotes
    "titled descriptions": lambda n: "Dr. Howard Archie came.\n\n" + ("The doctor sat. “Well?” he asked.\n\n" * (n // 36 + 1))[:n],
    # Windows line ends (read as \n, offsets mapped back) in a quote reopened paragraph after paragraph
    "CRLF, one quote over paragraphs": lambda n: "He said: “" + ("Yes.\r\n\r\n“" * (n // 9 + 1))[:n] + "”",
    # a quotation reopened after a long run of blank lines (a record a paragraph)
    "reopened after blank lines": lambda n: "He said: “A." + "\n" * n + "“B,” he said.",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max", type=int, default=1_000_000)
    args = ap.parse_args()
    sizes = [args.max // 100, args.max // 10, args.max]
    extract("warm “up,” he said.")
    print(f"{'input':<26}" + "".join(f"{n:>12,}" for n in sizes) + f"{'ratio':>9}")
    worst = 0.0
    for name, make in KINDS.items():
        times = []
        for n in sizes:
            text = make(n)
            t0 = time.perf_counter()
            extract(text, show_all=True)
            times.append(time.perf_counter() - t0)
        ratio = (times[-1] / sizes[-1]) / max(times[0] / sizes[0], 1e-9)
        worst = max(worst, ratio)
        print(f"{name:<26}" + "".join(f"{t:>11.3f}s" for t in times) + f"{ratio:>9.2f}")
    print(f"worst ratio {worst:.2f} (1 = linear; 10 = quadratic)")


if __name__ == "__main__":
    main()
