#!/usr/bin/env python3
"""Derives the country block of assets/gazetteer.toml from ISO 3166 (current and historic
countries) as shipped by the `pycountry` package (its data: Debian's iso-codes, LGPL-2.1;
see assets/gazetteer-attribution.md).

Usage: pip install pycountry && python3 scripts/gazetteer/derive.py [--check]

Rewrites the lines between "# BEGIN derived countries" and "# END derived countries" in
assets/gazetteer.toml: one place entry per country whose name (or any alias) the hand-written
part of the file does not already hold, so that no alias belongs to two entities.
"""
import re
import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[2]
GAZ = ROOT / "assets" / "gazetteer.toml"
BEGIN, END = "  # BEGIN derived countries", "  # END derived countries"


def short_name(c):
    """The name news uses: the common name, else the name before a comma or bracket."""
    name = getattr(c, "common_name", None) or c.name
    return re.split(r"[,(]", name)[0].strip()


def known_names(text):
    """Every name and alias the hand-written gazetteer holds, lower case."""
    return {m.lower() for m in re.findall(r'"([^"]+)"', text)}


def main():
    text = GAZ.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN + "\n")
    _, _, tail = rest.partition(END + "\n")
    if not tail:
        sys.exit("markers not found in assets/gazetteer.toml")
    known = known_names(head + tail)
    names = sorted({short_name(c) for c in pycountry.countries}
                   | {short_name(c) for c in pycountry.historic_countries})
    lines = []
    for name in names:
        if name.lower() in known or not name:
            continue
        known.add(name.lower())
        lines.append(f'  {{ name = "{name}", kind = "place", aliases = [] }},')
    new = head + BEGIN + "\n" + "\n".join(lines) + ("\n" if lines else "") + END + "\n" + tail
    if "--check" in sys.argv:
        sys.exit(0 if new == text else "assets/gazetteer.toml is out of date")
    GAZ.write_text(new, encoding="utf-8")
    print(f"{len(lines)} countries added")


if __name__ == "__main__":
    main()
