"""Fuzz the readers (txt, HTML, JSONL, WARC) with generated and mangled bytes, for minutes (not in CI).

    nice -n 10 python benchmarks/fuzz_readers.py --minutes 5 [--target warc] [--out FILE.json]

Properties, on every input: a reader returns Articles or raises/yields only the project's own
``InputError``/``ReadError`` with a message; every Article's text and fields encode as UTF-8 (no lone
surrogates); and a WARC that was only cut (no bytes changed) yields no Article that differs from the
whole archive's article for the same record.
"""

from __future__ import annotations

import functools
import gzip
import json
import sys
import tempfile
from pathlib import Path

from fuzz_common import ANY_CHAR, ANY_TEXT, NEWSY_TEXT, FuzzRun, parse_args, report, run_for
from hypothesis import given
from hypothesis import strategies as st

from sayso.errors import InputError
from sayso.read.article import Article, ReadError
from sayso.read.html import article_from_html
from sayso.read.jsonl import read_jsonl
from sayso.read.text import article_from_bytes
from sayso.read.warc import read_warc

TARGETS = ["txt", "html", "jsonl", "warc"]
RUNS = {name: FuzzRun(name) for name in TARGETS}

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252"]


@st.composite
def encoded_text(draw, text=ANY_TEXT) -> bytes:  # noqa: ANN001 - a Hypothesis strategy argument
    """Text in one of several encodings (surrogates, where a codec cannot hold them, pass through)."""
    encoding = draw(st.sampled_from(ENCODINGS))
    return draw(text).encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")


# --- HTML: nested tags, junk attributes, entities, scripts, comments, sometimes very deep ---

TAGS = ["div", "p", "span", "article", "section", "h1", "td", "tr", "table", "li", "ul", "a", "b", "script",
        "style", "noscript", "template", "title", "head", "body", "html", "iframe", "svg", "math", "textarea"]
ENTITIES = ["&amp;", "&lt;", "&#xD800;", "&#0;", "&#1114112;", "&#x1F600;", "&nbsp;", "&bogus;", "&#", "&"]
JUNK = ["<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<?xml version='1.0'?>", "</", "<", ">", "\x00"]


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    attrs = st.lists(st.tuples(st.sampled_from(["class", "id", "href", "style", "x"]), st.text(ANY_CHAR, max_size=8)),
                     max_size=2).map(lambda pairs: "".join(f' {k}="{v}"' for k, v in pairs))
    return st.builds(lambda tag, a, inner, close: f"<{tag}{a}>{''.join(inner)}" + (f"</{tag}>" if close else ""),
                     st.sampled_from(TAGS), attrs, st.lists(children, max_size=4), st.booleans())


HTML_LEAF = st.one_of(ANY_TEXT, st.sampled_from(ENTITIES), st.sampled_from(JUNK))
HTML_TEXT = st.recursive(HTML_LEAF, _element, max_leaves=40)


# Paragraphs long enough for trafilatura to keep, so that pages (and cut pages) do yield articles.
PARAGRAPHS = st.lists(NEWSY_TEXT.filter(lambda t: len(t) > 80), min_size=1, max_size=5).map(
    lambda ps: "<article>" + "".join(f"<p>{p}</p>" for p in ps) + "</article>")


@st.composite
def html_page(draw) -> bytes:  # noqa: ANN001
    body = draw(st.one_of(HTML_TEXT, PARAGRAPHS, st.tuples(HTML_TEXT, PARAGRAPHS).map("".join)))
    depth = draw(st.sampled_from([0, 0, 0, 10, 260, 3000]))
    if depth:
        tag = draw(st.sampled_from(["div", "span", "b", "p", "li"]))
        body = f"<{tag}>" * depth + body + f"</{tag}>" * draw(st.integers(0, depth))
    page = f"<html><head><title>{draw(ANY_TEXT)[:40]}</title></head><body>{body}</body></html>"
    if draw(st.booleans()):
        page = draw(st.text(ANY_CHAR, max_size=20)) + page[: draw(st.integers(0, len(page)))]
    return draw(encoded_text(st.just(page)))


# --- JSONL: records with odd values, raw junk lines, surrogate escapes, gzip, cuts ---

JSON_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), ANY_TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=10)
RECORD = st.fixed_dictionaries({"text": st.one_of(ANY_TEXT, JSON_VALUE)}, optional={
    "title": JSON_VALUE, "url": st.one_of(st.text(ANY_CHAR, max_size=30), JSON_VALUE),
    "published": st.one_of(st.sampled_from(["2024-02-30", "2024-03-18T10:00Z", "9999-99-99", ""]), JSON_VALUE),
    "outlet": JSON_VALUE, "author": JSON_VALUE})


def _json_line(record: dict) -> bytes:
    return json.dumps(record, ensure_ascii=True).encode()  # ensure_ascii: surrogates become \\udXXX escapes


JSONL_LINE = st.one_of(
    RECORD.map(_json_line), st.binary(max_size=60), st.text(ANY_CHAR, max_size=60).map(
        lambda t: t.encode("utf-8", "surrogatepass")),
    st.integers(1, 5000).map(lambda n: b"[" * n + b"]" * n),
    st.just(b'{"text": "He said \\ud83d \\"hi\\"."}'), st.just(b"\xef\xbb\xbf{\"text\": \"BOM first.\"}"))


@st.composite
def jsonl_file(draw) -> tuple[str, bytes]:  # noqa: ANN001
    data = b"\n".join(draw(st.lists(JSONL_LINE, max_size=8)))
    if draw(st.booleans()):
        data = data.decode("utf-8", "replace").encode(draw(st.sampled_from(["utf-16", "utf-32", "utf-8-sig"])))
    name = "f.jsonl"
    if draw(st.booleans()):
        data, name = gzip.compress(data), "f.jsonl.gz"
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return name, data


# --- WARC: records built here, then cut, flipped or padded ---

def _warc_record(kind: str, url: str, payload: bytes, ctype: str, rec: int, declared_delta: int) -> bytes:
    if kind == "response":
        block = (f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(payload)}\r\n\r\n").encode() + payload
        wtype = "application/http; msgtype=response"
    else:
        block, wtype = payload, "application/warc-fields"
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2024-06-12T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{rec:012d}>\r\nContent-Type: {wtype}\r\n"
            f"Content-Length: {max(len(block) + declared_delta, 0)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


@st.composite
def warc_file(draw) -> tuple[str, bytes, bytes, bool]:  # noqa: ANN001
    """(name, mangled bytes, whole bytes, only_cut): only_cut when the mangling was a cut alone."""
    n = draw(st.integers(1, 4))
    records = []
    honest = True
    for i in range(n):
        kind = draw(st.sampled_from(["response", "response", "metadata"]))
        ctype = draw(st.sampled_from(["text/html; charset=utf-8", "text/html", "image/png", "application/xhtml+xml"]))
        delta = draw(st.sampled_from([0, 0, 0, -5, 7, 10**9]))
        honest = honest and delta == 0
        records.append(_warc_record(kind, f"https://h.example/{i}", draw(html_page()), ctype, i + 1, delta))
    compress = draw(st.booleans())
    whole = b"".join(gzip.compress(r) if compress else r for r in records)
    data = whole
    mangle = draw(st.sampled_from(["none", "cut", "cut", "flip", "pad"]))
    if mangle == "cut":
        data = whole[: draw(st.integers(0, len(whole)))]
    elif mangle == "flip" and whole:
        at = draw(st.integers(0, len(whole) - 1))
        data = whole[:at] + bytes([whole[at] ^ draw(st.integers(1, 255))]) + whole[at + 1:]
    elif mangle == "pad":
        data = whole + draw(st.binary(max_size=40))
    return ("f.warc.gz" if compress else "f.warc"), data, whole, honest and mangle in ("none", "cut")


# --- the properties ---

def _check_article(article: Article) -> None:
    for value in (article.text, article.title, article.url, article.outlet, article.author, article.published,
                  article.path, *article.warnings):
        if value is not None:
            value.encode("utf-8")  # raises on a lone surrogate
    assert article.text.strip(), "an Article with no text"


def _check_items(items: list[Article | ReadError]) -> None:
    for item in items:
        assert isinstance(item, Article | ReadError), type(item)
        if isinstance(item, Article):
            _check_article(item)
        else:
            assert item.reason.strip(), "a ReadError without a reason"
            (item.path + item.reason).encode("utf-8")


@functools.cache
def _scratch() -> Path:
    """One temporary folder per process for the files the JSONL and WARC readers need (RAM-backed if possible)."""
    return Path(tempfile.mkdtemp(prefix="sayso-fuzz-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None))


def _write(name: str, data: bytes) -> Path:
    path = _scratch() / name
    path.write_bytes(data)
    return path


@given(st.one_of(st.binary(max_size=3000), encoded_text()))
def prop_txt(data: bytes) -> None:
    RUNS["txt"].tick()
    try:
        _check_article(article_from_bytes(data, "fuzz.txt"))
    except InputError as exc:
        assert str(exc).strip()


@given(st.one_of(html_page(), st.binary(max_size=2000)))
def prop_html(data: bytes) -> None:
    RUNS["html"].tick()
    try:
        _check_article(article_from_html(data, "fuzz.html"))
    except InputError as exc:
        assert str(exc).strip()


@given(jsonl_file())
def prop_jsonl(case: tuple[str, bytes]) -> None:
    RUNS["jsonl"].tick()
    name, data = case
    _check_items(list(read_jsonl(_write(name, data))))


@given(warc_file())
def prop_warc(case: tuple[str, bytes, bytes, bool]) -> None:
    RUNS["warc"].tick()
    name, data, whole, only_cut = case
    items = list(read_warc(_write(name, data)))
    _check_items(items)
    if only_cut:
        full = {a.url: a.text for a in read_warc(_write("whole-" + name, whole)) if isinstance(a, Article)}
        for item in items:
            if isinstance(item, Article):
                assert full.get(item.url) == item.text, f"a cut archive gave a different article for {item.url}"


PROPS = {"txt": prop_txt, "html": prop_html, "jsonl": prop_jsonl, "warc": prop_warc}


def main() -> int:
    args = parse_args(__doc__.splitlines()[0], TARGETS)
    names = TARGETS if args.target == "all" else [args.target]
    for name in names:
        run_for(RUNS[name], PROPS[name], args.minutes)
    return report([RUNS[name] for name in names], args.out)


if __name__ == "__main__":
    sys.exit(main())
