#!/usr/bin/env python3
"""Derives the word-frequency tables in assets/wordfreq/ from wordfreq's data.

    pip install wordfreq==3.1.1
    python3 scripts/wordfreq/derive.py

For each language, the TOP most frequent words of wordfreq's "large" list with their Zipf
value (log10 of frequency per billion words), rounded to hundredths. A file holds one line
per Zipf value, most frequent first: the value times 100, then the words that have it,
space-separated. Lines starting with '#' are comments.

wordfreq is by Robyn Speer (code: Apache-2.0; data: CC-BY-SA 4.0, built from Wikipedia,
subtitles, news, books, web text and more); see assets/wordfreq/LICENSE-wordfreq.txt.
"""

import pathlib

import importlib.metadata

import wordfreq

LANGS = {"en": 40000, "de": 30000, "fr": 30000, "es": 30000, "ru": 20000}
OUT = pathlib.Path(__file__).resolve().parents[2] / "assets" / "wordfreq"


def table(lang: str, top: int) -> str:
    by_value: dict[int, list[str]] = {}
    for word in wordfreq.top_n_list(lang, top, wordlist="large"):
        if any(c.isspace() for c in word):
            continue
        value = round(wordfreq.zipf_frequency(word, lang, wordlist="large") * 100)
        by_value.setdefault(value, []).append(word)
    lines = [
        f"# Word frequencies ({lang}): the {top} most frequent words of wordfreq "
        f"{importlib.metadata.version('wordfreq')} ('large' list).",
        "# Each line: Zipf value x 100, then the words with that value. Derived by",
        "# scripts/wordfreq/derive.py; data CC-BY-SA 4.0 (see LICENSE-wordfreq.txt).",
    ]
    for value in sorted(by_value, reverse=True):
        lines.append(f"{value} " + " ".join(by_value[value]))
    return "\n".join(lines) + "\n"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for lang, top in LANGS.items():
        path = OUT / f"{lang}.txt"
        path.write_text(table(lang, top), encoding="utf-8")
        print(f"{path}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
