#!/usr/bin/env python3
"""Render the hand-written news corpus (src/<story>/<NN>.md) into articles/ and gold.json.

Stdlib only (Python 3.11+). Usage, from anywhere:

    python3 tests/corpus/news/render.py            # (re)write articles/ and gold.json
    python3 tests/corpus/news/render.py --check    # render to a temp dir, diff with the committed output

The renderer validates the sources and FAILS (exit 1) on: unknown or missing front-matter keys,
bad values, a gold quote text / part / shared text / entity name (or one of its variants) that
does not occur in the article's title+body, a speaker that is not one of the article's entities,
a shared id carried by only one article (or by articles of two stories), duplicate output file
names, and text the requested encoding cannot represent (txt). It warns (without failing) about
quoted spans in the body that no gold quote covers, and canonical names used with two types.
See README.md next to this script for the format.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import html
import json
import re
import sys
import tempfile
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent

TOP_KEYS = {
    "file", "story", "outlet", "date", "lang", "encoding", "title", "header", "author", "url",
    "chrome", "section", "newline", "entity", "quote", "shared",
}
REQUIRED = {"file", "story", "outlet", "lang", "encoding", "title"}
ENTITY_KEYS = {"name", "type", "variants"}
QUOTE_KEYS = {"text", "parts", "speaker", "kind"}
SHARED_KEYS = {"id", "text"}
STORY_KEYS = {"label"}
LANGS = {"en", "de", "fr", "es", "ru"}
ENCODINGS = {
    "utf-8", "utf-8-bom", "windows-1252", "iso-8859-1", "utf-16", "iso-8859-15", "windows-1251",
}
TYPES = {"person", "org", "place"}
KINDS = {"statement", "scare", "title"}
HEADERS = {"date", "byline"}
CHROME = {"share", "player", "cookie", "newsletter", "related", "caption"}
NEWLINES = {"lf": "\n", "crlf": "\r\n"}
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FILE_RE = re.compile(r"^[^/\\]+\.(txt|html|htm)$")


class CorpusError(Exception):
    pass


# ---------------------------------------------------------------- parsing and validation


def split_source(path: Path) -> tuple[dict, str]:
    raw = path.read_text(encoding="utf-8")
    lines = raw.split("\n")
    if not lines or lines[0].strip() != "+++":
        raise CorpusError(f"{path}: must start with a '+++' line")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "+++")
    except StopIteration:
        raise CorpusError(f"{path}: front matter is not closed by '+++'") from None
    try:
        meta = tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError as e:
        raise CorpusError(f"{path}: bad TOML front matter: {e}") from None
    body = "\n".join(lines[end + 1:]).strip("\n")
    return meta, body


def paragraphs(body: str) -> list[str]:
    """Paragraphs are separated by blank lines; lines inside a paragraph are kept (tables)."""
    out, cur = [], []
    for line in body.split("\n"):
        line = line.rstrip()
        if line.strip():
            cur.append(line)
        elif cur:
            out.append("\n".join(cur))
            cur = []
    if cur:
        out.append("\n".join(cur))
    return out


def check_keys(where: str, table: dict, allowed: set[str]) -> None:
    unknown = set(table) - allowed
    if unknown:
        raise CorpusError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}")


def need_str(where: str, table: dict, key: str, allow_empty: bool = False) -> str:
    v = table.get(key)
    if not isinstance(v, str) or (not allow_empty and not v.strip()):
        raise CorpusError(f"{where}: '{key}' must be a non-empty string")
    return v


def need_list(where: str, table: dict, key: str, allowed: set[str] | None = None) -> list[str]:
    v = table.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise CorpusError(f"{where}: '{key}' must be a list of strings")
    if allowed is not None:
        bad = [x for x in v if x not in allowed]
        if bad:
            raise CorpusError(f"{where}: '{key}' has unknown value(s) {bad}; allowed: {sorted(allowed)}")
    return v


def validate(path: Path, meta: dict, body: str) -> dict:
    where = str(path.relative_to(HERE))
    check_keys(where, meta, TOP_KEYS)
    missing = REQUIRED - set(meta)
    if missing:
        raise CorpusError(f"{where}: missing key(s) {sorted(missing)}")
    for k in ("file", "story", "outlet", "lang", "encoding", "title"):
        need_str(where, meta, k)
    if not FILE_RE.match(meta["file"]):
        raise CorpusError(f"{where}: file must be a bare name ending .txt/.html/.htm: {meta['file']!r}")
    if meta["story"] != path.parent.name:
        raise CorpusError(f"{where}: story {meta['story']!r} differs from its folder {path.parent.name!r}")
    if meta["lang"] not in LANGS:
        raise CorpusError(f"{where}: lang {meta['lang']!r} not in {sorted(LANGS)}")
    if meta["encoding"] not in ENCODINGS:
        raise CorpusError(f"{where}: encoding {meta['encoding']!r} not in {sorted(ENCODINGS)}")
    if meta["encoding"] == "windows-1251" and meta["lang"] != "ru":
        raise CorpusError(f"{where}: windows-1251 is for Russian articles only")
    date = meta.get("date")
    if date is not None:
        if hasattr(date, "isoformat"):
            date = date.isoformat()
        if not isinstance(date, str) or not DATE_RE.match(date):
            raise CorpusError(f"{where}: date must be YYYY-MM-DD (string or TOML date)")
        meta["date"] = date
    header = need_list(where, meta, "header", HEADERS)
    if "date" in header and date is None:
        raise CorpusError(f"{where}: header asks for a date line but there is no date")
    if "byline" in header and not meta.get("author"):
        raise CorpusError(f"{where}: header asks for a byline but there is no author")
    need_list(where, meta, "chrome", CHROME)
    for k in ("author", "url", "section"):
        if k in meta:
            need_str(where, meta, k)
    if meta.get("newline", "lf") not in NEWLINES:
        raise CorpusError(f"{where}: newline must be one of {sorted(NEWLINES)}")
    if not body.strip():
        raise CorpusError(f"{where}: empty body")

    haystack = meta["title"] + "\n" + body
    entities = validate_entities(where, meta.get("entity", []), haystack)
    names = {e["name"] for e in entities}
    quotes = validate_quotes(where, meta.get("quote", []), haystack, names)
    shared = validate_shared(where, meta.get("shared", []), haystack)
    return {"meta": meta, "body": body, "entities": entities, "quotes": quotes, "shared": shared,
            "where": where}


def validate_entities(where: str, items: list, haystack: str) -> list[dict]:
    out, seen = [], set()
    for i, e in enumerate(items):
        w = f"{where}: entity #{i + 1}"
        if not isinstance(e, dict):
            raise CorpusError(f"{w}: must be a [[entity]] table")
        check_keys(w, e, ENTITY_KEYS)
        name = need_str(w, e, "name")
        typ = need_str(w, e, "type")
        if typ not in TYPES:
            raise CorpusError(f"{w}: type {typ!r} not in {sorted(TYPES)}")
        variants = need_list(w, e, "variants")
        if name in seen:
            raise CorpusError(f"{w}: {name!r} listed twice")
        seen.add(name)
        forms = [name, *variants]
        absent = [v for v in variants if v not in haystack]
        if absent:
            raise CorpusError(f"{w}: variant(s) {absent} of {name!r} do not occur in title+body")
        if not any(f in haystack for f in forms):
            raise CorpusError(f"{w}: {name!r} (or a variant) does not occur in title+body")
        out.append({"name": name, "type": typ, "variants": variants})
    return out


def validate_quotes(where: str, items: list, haystack: str, names: set[str]) -> list[dict]:
    out = []
    for i, q in enumerate(items):
        w = f"{where}: quote #{i + 1}"
        if not isinstance(q, dict):
            raise CorpusError(f"{w}: must be a [[quote]] table")
        check_keys(w, q, QUOTE_KEYS)
        text = need_str(w, q, "text")
        parts = need_list(w, q, "parts")
        speaker = need_str(w, q, "speaker", allow_empty=True) if "speaker" in q else ""
        kind = q.get("kind", "statement")
        if kind not in KINDS:
            raise CorpusError(f"{w}: kind {kind!r} not in {sorted(KINDS)}")
        for t in (text, *parts):
            if t != t.strip():
                raise CorpusError(f"{w}: text/part {t!r} has leading or trailing spaces")
            if t not in haystack:
                raise CorpusError(f"{w}: text/part does not occur in title+body: {t!r}")
        if speaker and speaker not in names:
            raise CorpusError(f"{w}: speaker {speaker!r} is not one of the article's entities")
        if kind != "statement" and speaker:
            raise CorpusError(f"{w}: a {kind} quote has no speaker (use speaker = \"\")")
        out.append({"text": text, "parts": parts, "speaker": speaker, "kind": kind})
    return out


def validate_shared(where: str, items: list, haystack: str) -> list[dict]:
    out = []
    for i, s in enumerate(items):
        w = f"{where}: shared #{i + 1}"
        if not isinstance(s, dict):
            raise CorpusError(f"{w}: must be a [[shared]] table")
        check_keys(w, s, SHARED_KEYS)
        sid = need_str(w, s, "id")
        text = need_str(w, s, "text")
        if text not in haystack:
            raise CorpusError(f"{w}: shared text {sid!r} does not occur in title+body: {text[:80]!r}...")
        out.append({"id": sid, "text": text})
    return out


# ---------------------------------------------------------------- lint (warnings only)

QUOTE_PATTERNS = {
    "en": [r"“([^”]*)”", r"(?<![A-Za-z'’])''(.+?)''", r'"([^"]*)"', r"«\s?([^»]*?)\s?»"],
    "de": [r"„([^“”]*)[“”]", r"»([^«]*)«", r'"([^"]*)"', r"“([^”]*)”"],
    "fr": [r"«\s?([^»]*?)\s?»", r"“([^”]*)”", r'"([^"]*)"'],
}


def lint_quotes(art: dict) -> list[str]:
    """Quoted spans in the body that no gold quote text/part covers (best effort)."""
    golds = [t for q in art["quotes"] for t in (q["text"], *q["parts"])]
    warnings = []
    for para in paragraphs(art["body"]):
        for pat in QUOTE_PATTERNS.get(art["meta"]["lang"], QUOTE_PATTERNS["en"]):
            for m in re.finditer(pat, para):
                span = m.group(1).strip().strip(",.;:!?—– ")
                if len(span) < 2:
                    continue
                if not any(span in g or g.rstrip(",.") in span for g in golds):
                    warnings.append(f"{art['where']}: quoted span without gold quote: {span[:70]!r}")
    return warnings


# ---------------------------------------------------------------- rendering

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"],
}
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

RELATED_POOL = [
    "Why your energy bill could rise again this winter",
    "The quiet return of the night train",
    "Five things we learned this week",
    "How to keep cool when the heat comes back",
    "Is the four-day week here to stay?",
    "What the new rules mean for renters",
    "The long road back for small high-street shops",
    "Ten walks to try before the clocks change",
    "Could a robot mark your child's homework?",
    "Inside the race to build cheaper batteries",
]
CAPTIONS = [
    ("Image caption, ", "The scene earlier in the day"),
    ("Photograph: ", "Handout / Agency"),
    ("Image caption, ", "Crowds gathered as the news spread"),
    ("Photograph: ", "Staff / Agency"),
]
PUBLISHER_SLUG = re.compile(r"[^a-z0-9]+")


def pick(seed: str, n: int) -> int:
    return int(hashlib.sha256(seed.encode("utf-8")).hexdigest()[:8], 16) % n


def date_line(meta: dict) -> str:
    y, m, d = (int(x) for x in meta["date"].split("-"))
    lang = meta["lang"]
    month = MONTHS[lang][m - 1]
    style = pick(meta["outlet"], 4)
    hh, mm = 6 + pick(meta["file"], 14), pick(meta["file"] + "m", 60)
    if lang == "de":
        return [f"{d}. {month} {y}", f"Stand: {d:02}.{m:02}.{y} {hh:02}:{mm:02} Uhr",
                f"{d:02}.{m:02}.{y}", f"Veröffentlicht am {d}. {month} {y}"][style]
    if lang == "fr":
        return [f"{d} {month} {y}", f"Publié le {d} {month} {y} à {hh:02}h{mm:02}",
                f"{d:02}/{m:02}/{y}", f"Mis à jour le {d} {month} {y}"][style]
    if lang in ("es", "ru"):
        return f"{d} {month} {y}"
    import datetime
    wd = WEEKDAYS_EN[datetime.date(y, m, d).weekday()]
    return [f"{d} {month} {y}", f"{month} {d}, {y}", f"Published: {meta['date']} {hh:02}:{mm:02} GMT",
            f"{wd} {d} {month} {y} {hh:02}.{mm:02} GMT"][style]


def chrome_lines(kind: str, meta: dict) -> list[str]:
    seed = meta["file"] + kind
    if kind == "share":
        return ["Share this article", "Share on Facebook Share on X Email"]
    if kind == "player":
        return ["Jump media player", "Media player help",
                "Out of media player. Press enter to return or tab to continue."]
    if kind == "cookie":
        return ["We use cookies to improve your experience. Accept all cookies"]
    if kind == "newsletter":
        return ["Sign up for our morning briefing newsletter"]
    if kind == "related":
        i = pick(seed, len(RELATED_POOL))
        j = (i + 1 + pick(seed + "2", len(RELATED_POOL) - 1)) % len(RELATED_POOL)
        return ["Read more:", RELATED_POOL[i], RELATED_POOL[j]]
    if kind == "caption":
        a, b = CAPTIONS[pick(seed, len(CAPTIONS))]
        return [a + b]
    raise CorpusError(kind)


def render_txt(art: dict) -> str:
    meta, chrome = art["meta"], art["meta"].get("chrome", [])
    header = meta.get("header", [])
    top: list[str] = []
    if "cookie" in chrome:
        top += chrome_lines("cookie", meta) + [""]
    if meta.get("section"):
        top.append(meta["section"])
    top.append(meta["title"])
    if "byline" in header:
        top.append(f"By {meta['author']}")
    if "date" in header:
        top.append(date_line(meta))
    if meta.get("url"):
        top.append(meta["url"])
    if "share" in chrome:
        top += [""] + chrome_lines("share", meta)
    if "player" in chrome:
        top += [""] + chrome_lines("player", meta)
    blocks = ["\n".join(top)]
    paras = paragraphs(art["body"])
    for i, p in enumerate(paras):
        blocks.append(p)
        if i == 0 and "caption" in chrome:
            blocks.append("\n".join(chrome_lines("caption", meta)))
    if "newsletter" in chrome:
        blocks.append("\n".join(chrome_lines("newsletter", meta)))
    if "related" in chrome:
        blocks.append("\n".join(chrome_lines("related", meta)))
    text = "\n\n".join(blocks) + "\n"
    return text.replace("\n", NEWLINES[meta.get("newline", "lf")])


def esc(s: str) -> str:
    return html.escape(s, quote=False)


def charset(encoding: str) -> str:
    return "utf-8" if encoding == "utf-8-bom" else encoding


def json_ld(meta: dict) -> str:
    ld: dict = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": meta["title"]}
    if meta.get("date"):
        ld["datePublished"] = meta["date"]
    if meta.get("author"):
        ld["author"] = {"@type": "Person", "name": meta["author"]}
    ld["publisher"] = {"@type": "Organization", "name": meta["outlet"]}
    if meta.get("url"):
        ld["mainEntityOfPage"] = meta["url"]
    return json.dumps(ld, ensure_ascii=True, indent=1).replace("</", "<\\/")


def render_html(art: dict) -> str:
    meta, chrome = art["meta"], art["meta"].get("chrome", [])
    header = meta.get("header", [])
    o = []
    o.append("<!DOCTYPE html>")
    o.append(f'<html lang="{meta["lang"]}">')
    o.append("<head>")
    o.append(f'<meta charset="{charset(meta["encoding"])}">')
    o.append('<meta name="viewport" content="width=device-width, initial-scale=1">')
    o.append(f"<title>{esc(meta['title'])} | {esc(meta['outlet'])}</title>")
    if meta.get("url"):
        o.append(f'<link rel="canonical" href="{html.escape(meta["url"])}">')
    o.append(f'<meta property="og:title" content="{html.escape(meta["title"])}">')
    o.append(f'<meta property="og:site_name" content="{html.escape(meta["outlet"])}">')
    o.append('<script type="application/ld+json">')
    o.append(json_ld(meta))
    o.append("</script>")
    o.append("</head>")
    o.append("<body>")
    o.append('<header class="site-header">')
    o.append(f'<a class="logo" href="/">{esc(meta["outlet"])}</a>')
    o.append('<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>'
             '<li><a href="/world">World</a></li><li><a href="/business">Business</a></li>'
             '<li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>')
    o.append("</header>")
    o.append('<div class="cookie-banner" role="dialog"><p>'
             + esc(chrome_lines("cookie", meta)[0]) + "</p><button>Accept all cookies</button></div>")
    o.append("<main>")
    o.append("<article>")
    if meta.get("section"):
        o.append(f'<p class="kicker">{esc(meta["section"])}</p>')
    o.append(f"<h1>{esc(meta['title'])}</h1>")
    if "byline" in header:
        o.append(f'<p class="byline">By <a rel="author" href="/profile">{esc(meta["author"])}</a></p>')
    if "date" in header:
        o.append(f'<p class="dateline"><time datetime="{meta["date"]}">{esc(date_line(meta))}</time></p>')
    if "share" in chrome:
        o.append('<div class="share"><span>Share this article</span> <a href="#">Share on Facebook</a>'
                 ' <a href="#">Share on X</a> <a href="#">Email</a></div>')
    if "player" in chrome:
        o.append('<div class="media-player"><a href="#end-player">Jump media player</a> '
                 '<a href="/help">Media player help</a>'
                 '<p id="end-player">Out of media player. Press enter to return or tab to continue.</p></div>')
    a, b = CAPTIONS[pick(meta["file"] + "caption", len(CAPTIONS))]
    for i, p in enumerate(paragraphs(art["body"])):
        o.append("<p>" + "<br>\n".join(esc(line) for line in p.split("\n")) + "</p>")
        if i == 0:
            o.append(f'<figure><img src="/img/{pick(meta["file"], 99999):05}.jpg" alt="">'
                     f"<figcaption>{esc(a + b)}</figcaption></figure>")
    o.append("</article>")
    rel = chrome_lines("related", meta)[1:]
    o.append('<aside class="related"><h2>Related</h2><ul>'
             + "".join(f'<li><a href="/news/{k}">{esc(h)}</a></li>' for k, h in enumerate(rel))
             + "</ul></aside>")
    o.append('<aside class="newsletter"><h2>Newsletter</h2><p>'
             + esc(chrome_lines("newsletter", meta)[0])
             + '</p><form><input type="email" placeholder="Email address"><button>Sign up</button></form></aside>')
    o.append("</main>")
    o.append(f'<footer><p>&copy; {esc(meta["outlet"])}. All rights reserved.</p>'
             '<a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>')
    o.append("</body>")
    o.append("</html>")
    text = "\n".join(o) + "\n"
    return text.replace("\n", NEWLINES[meta.get("newline", "lf")])


def encode(art: dict, text: str, is_html: bool) -> bytes:
    enc = art["meta"]["encoding"]
    errors = "xmlcharrefreplace" if is_html else "strict"
    try:
        if enc == "utf-8-bom":
            return b"\xef\xbb\xbf" + text.encode("utf-8")
        if enc == "utf-16":
            return b"\xff\xfe" + text.encode("utf-16-le")
        if enc == "windows-1252":
            return text.encode("cp1252", errors=errors)
        return text.encode(enc, errors=errors)
    except UnicodeEncodeError as e:
        bad = text[e.start:e.end]
        raise CorpusError(f"{art['where']}: {enc} cannot represent {bad!r} "
                          f"(context: {text[max(0, e.start - 30):e.end + 30]!r})") from None


# ---------------------------------------------------------------- the corpus


def load(src: Path, only: list[str] | None = None) -> tuple[list[dict], dict]:
    arts = []
    for path in sorted(src.glob("*/*.md")):
        if only and not any(path.parent.name.startswith(p) for p in only):
            continue
        meta, body = split_source(path)
        arts.append(validate(path, meta, body))
    if not arts:
        raise CorpusError(f"no sources under {src}")
    files = Counter(a["meta"]["file"].lower() for a in arts)
    dups = [f for f, n in files.items() if n > 1]
    if dups:
        raise CorpusError(f"duplicate output file names (case-insensitive): {dups}")
    check_shared(arts)
    return arts, story_labels(src, arts)


def check_shared(arts: list[dict]) -> None:
    carriers: dict[str, list[dict]] = defaultdict(list)
    for a in arts:
        ids = [s["id"] for s in a["shared"]]
        if len(ids) != len(set(ids)):
            raise CorpusError(f"{a['where']}: a shared id is listed twice")
        for s in a["shared"]:
            carriers[s["id"]].append(a)
    for sid, arts_of in carriers.items():
        if len(arts_of) < 2:
            raise CorpusError(f"shared id {sid!r} occurs in only one article ({arts_of[0]['where']})")
        stories = {a["meta"]["story"] for a in arts_of}
        if len(stories) > 1:
            raise CorpusError(f"shared id {sid!r} spans stories {sorted(stories)}")


def story_labels(src: Path, arts: list[dict]) -> dict:
    """A story's label: `label` in src/<story>/story.toml, else the title of its earliest article."""
    by_story: dict[str, list[dict]] = defaultdict(list)
    for a in arts:
        by_story[a["meta"]["story"]].append(a)
    labels = {}
    for story, members in sorted(by_story.items()):
        toml_path = src / story / "story.toml"
        if toml_path.exists():
            table = tomllib.loads(toml_path.read_text(encoding="utf-8"))
            check_keys(str(toml_path.relative_to(HERE)), table, STORY_KEYS)
            labels[story] = {"label": need_str(str(toml_path), table, "label")}
        else:
            first = min(members, key=lambda a: (a["meta"].get("date") or "9999", a["meta"]["file"]))
            labels[story] = {"label": first["meta"]["title"]}
    return labels


def gold_entry(a: dict) -> dict:
    m = a["meta"]
    fmt = "html" if m["file"].lower().endswith((".html", ".htm")) else "txt"
    return {
        "file": m["file"], "story": m["story"], "outlet": m["outlet"], "date": m.get("date"),
        "lang": m["lang"], "encoding": m["encoding"], "format": fmt, "title": m["title"],
        "entities": a["entities"], "quotes": a["quotes"], "shared": a["shared"],
    }


def render_into(out_dir: Path, arts: list[dict], labels: dict) -> None:
    art_dir = out_dir / "articles"
    art_dir.mkdir(parents=True, exist_ok=True)
    wanted = set()
    for a in arts:
        name = a["meta"]["file"]
        is_html = name.lower().endswith((".html", ".htm"))
        text = render_html(a) if is_html else render_txt(a)
        data = encode(a, text, is_html)
        target = art_dir / name
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
        wanted.add(name)
    for stale in art_dir.iterdir():
        if stale.name not in wanted:
            stale.unlink()
    gold = {
        "stories": labels,
        "articles": [gold_entry(a) for a in sorted(arts, key=lambda a: a["meta"]["file"])],
    }
    payload = json.dumps(gold, ensure_ascii=False, indent=1) + "\n"
    (out_dir / "gold.json").write_text(payload, encoding="utf-8")


def summary(arts: list[dict], labels: dict) -> str:
    per_story = Counter(a["meta"]["story"] for a in arts)
    ents = Counter(e["type"] for a in arts for e in a["entities"])
    uniq = {(e["name"], e["type"]) for a in arts for e in a["entities"]}
    uniq_t = Counter(t for _, t in uniq)
    quotes = [q for a in arts for q in a["quotes"]]
    qk = Counter(q["kind"] for q in quotes)
    spk = sum(1 for q in quotes if q["speaker"])
    words = sorted(len(a["body"].split()) for a in arts)
    shared_ids = {s["id"] for a in arts for s in a["shared"]}
    fmt = Counter("html" if a["meta"]["file"].lower().endswith((".html", ".htm")) else "txt" for a in arts)
    enc = Counter(a["meta"]["encoding"] for a in arts)
    lang = Counter(a["meta"]["lang"] for a in arts)
    outlets = {a["meta"]["outlet"] for a in arts}
    undated = sum(1 for a in arts if not a["meta"].get("date"))

    def fmt_counter(c: Counter) -> str:
        return ", ".join(f"{k} {v}" for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))

    lines = [
        f"articles: {len(arts)} ({fmt_counter(fmt)}); undated: {undated}",
        f"stories: {len(labels)} (one-article: {sum(1 for n in per_story.values() if n == 1)}; "
        f"largest: {max(per_story.values())})",
        f"outlets: {len(outlets)}",
        f"quotes: {len(quotes)} ({fmt_counter(qk)}); with a speaker: {spk}; "
        f"interrupted (with parts): {sum(1 for q in quotes if q['parts'])}",
        f"entity mentions: {sum(ents.values())} ({fmt_counter(ents)})",
        f"distinct entities: {len(uniq)} ({fmt_counter(uniq_t)})",
        f"shared passages: {len(shared_ids)} ids, {sum(len(a['shared']) for a in arts)} placements",
        f"encodings: {fmt_counter(enc)}",
        f"languages: {fmt_counter(lang)}",
        f"words per article: min {words[0]}, median {words[len(words) // 2]}, max {words[-1]}",
    ]
    return "\n".join(lines)


def warnings_for(arts: list[dict]) -> list[str]:
    out = []
    for a in arts:
        out += lint_quotes(a)
    types: dict[str, set[str]] = defaultdict(set)
    for a in arts:
        for e in a["entities"]:
            types[e["name"]].add(e["type"])
    out += [f"entity {n!r} has several types {sorted(t)}" for n, t in sorted(types.items()) if len(t) > 1]
    return out


SUMMARY_START = "<!-- summary:start (written by render.py) -->"
SUMMARY_END = "<!-- summary:end -->"


def readme_with_summary(readme: str, text: str) -> str:
    """README.md with the text between the summary markers replaced (unchanged without markers)."""
    start, end = readme.find(SUMMARY_START), readme.find(SUMMARY_END)
    if start < 0 or end < start:
        return readme
    block = f"{SUMMARY_START}\n```text\n{text}\n```\n"
    return readme[:start] + block + readme[end:]


def compare(fresh: Path, committed: Path) -> list[str]:
    diffs = []
    fa, ca = fresh / "articles", committed / "articles"
    fnames = {p.name for p in fa.iterdir()}
    cnames = {p.name for p in ca.iterdir()} if ca.exists() else set()
    diffs += [f"missing from articles/: {n}" for n in sorted(fnames - cnames)]
    diffs += [f"stale in articles/: {n}" for n in sorted(cnames - fnames)]
    for n in sorted(fnames & cnames):
        if not filecmp.cmp(fa / n, ca / n, shallow=False):
            diffs.append(f"differs: articles/{n}")
    g = committed / "gold.json"
    if not g.exists() or not filecmp.cmp(fresh / "gold.json", g, shallow=False):
        diffs.append("differs: gold.json")
    return diffs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="re-render to a temp dir and diff with the committed output")
    ap.add_argument("--strict", action="store_true", help="treat warnings as errors")
    ap.add_argument("--quiet", action="store_true", help="no summary")
    ap.add_argument("--only", action="append", metavar="PREFIX",
                    help="validate only stories whose id starts with PREFIX (repeatable); writes nothing")
    args = ap.parse_args()
    try:
        arts, labels = load(HERE / "src", args.only)
        warns = warnings_for(arts)
        for w in warns:
            print(f"warning: {w}", file=sys.stderr)
        if warns and args.strict:
            raise CorpusError(f"{len(warns)} warning(s) with --strict")
        readme_path = HERE / "README.md"
        readme = readme_path.read_text(encoding="utf-8") if readme_path.exists() else ""
        wanted_readme = readme_with_summary(readme, summary(arts, labels))
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                render_into(Path(tmp), arts, labels)
                diffs = compare(Path(tmp), HERE)
            if wanted_readme != readme and not args.only:
                diffs.append("differs: the summary in README.md")
            if diffs:
                print("news corpus is out of date (run render.py):", file=sys.stderr)
                for d in diffs:
                    print(f"  {d}", file=sys.stderr)
                return 1
            print("news corpus: articles/ and gold.json are up to date")
        elif args.only:
            print("--only: sources validated, nothing written", file=sys.stderr)
        else:
            render_into(HERE, arts, labels)
            if wanted_readme != readme:
                readme_path.write_text(wanted_readme, encoding="utf-8")
        if not args.quiet:
            print(summary(arts, labels))
    except CorpusError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
