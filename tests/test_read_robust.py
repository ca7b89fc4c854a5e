"""Hostile and odd input at the readers (issue 12): lone surrogates, cut WARC archives, UTF-16 and BOMs,
empty directories and containers, HTML nested past lxml's depth limit. No model needed."""

from __future__ import annotations

import codecs
import gzip
import json
from pathlib import Path

import pytest
from test_read_formats import PAGE, _warc_record, _write

from sayso.read import Article, ReadError, iter_articles
from sayso.read.article import replace_surrogates
from sayso.read.text import article_from_bytes
from sayso.read.warc import read_warc

# --- lone surrogates: every Article is valid Unicode, however it was made ---


def test_an_article_replaces_lone_surrogates_one_for_one_with_a_warning():
    text = 'He said \ud83d "hi". Then \udfff.'
    article = Article(text=text, title="Quote \ud800", author="A. Writer")
    assert article.text == text.replace("\ud83d", "\ufffd").replace("\udfff", "\ufffd")
    assert len(article.text) == len(text)  # offsets into the caller's string still hold
    article.text.encode("utf-8")  # no longer raises
    assert article.title == "Quote \ufffd" and article.author == "A. Writer"
    assert any("2 lone surrogate(s)" in w and "character 8" in w for w in article.warnings)
    assert any("in title" in w for w in article.warnings)
    assert article.id == Article(text=article.text).id  # the id is the clean text's sha256


def test_valid_text_and_surrogate_free_fields_are_untouched():
    article = Article(text="Émile said “fine” 😀.", title="T")
    assert article.text == "Émile said “fine” 😀." and article.warnings == []
    assert replace_surrogates("abc") == ("abc", 0)


def test_a_jsonl_surrogate_escape_becomes_a_warning_and_later_lines_are_read(tmp_path):
    path = _write(tmp_path / "s.jsonl", '{"text": "He said \\ud83d \\"hi\\"."}\n{"text": "The mayor said so."}\n')
    first, second = iter_articles([str(path)])
    assert first.text == 'He said \ufffd "hi".' and any("surrogate" in w for w in first.warnings)
    assert second.text == "The mayor said so." and second.warnings == []


def test_read_errors_carry_no_surrogates():
    error = ReadError("caf\udce9.txt", "caf\udce9.txt: empty input", record="\udcff")
    assert "\udce9" not in error.path + error.reason and error.record == "\ufffd"


# --- truncated WARC: a record shorter than its Content-Length is an error, never an article ---

RECORDS = [
    _warc_record("request", "https://h.example/a", b"GET /a HTTP/1.1\r\nHost: h.example\r\n\r\n", rec=1),
    _warc_record("response", "https://h.example/a", PAGE.encode(), rec=2),
    _warc_record("response", "https://h.example/b", PAGE.replace("three", "four").encode(), rec=3),
]


@pytest.mark.parametrize("compressed", [False, True], ids=["warc", "warc.gz"])
def test_a_warc_cut_at_any_byte_never_yields_a_partial_article(tmp_path, compressed):
    data = b"".join(gzip.compress(r) if compressed else r for r in RECORDS)
    path = tmp_path / ("c.warc.gz" if compressed else "c.warc")
    path.write_bytes(data)
    whole = {a.url: a.text for a in read_warc(path)}
    assert len(whole) == 2
    cut_errors = 0
    for cut in range(0, len(data), 7):
        path.write_bytes(data[:cut])
        items = list(read_warc(path))
        for item in items:
            if isinstance(item, Article):
                assert item.text == whole[item.url], f"partial article at cut {cut}"
        cut_errors += isinstance(items[-1], ReadError) if items else 0
    assert cut_errors > len(data) // 7 * 0.9  # nearly every cut is reported (not those at a record's end)


def test_an_uncompressed_warc_cut_in_a_body_names_the_record(tmp_path):
    data = b"".join(RECORDS)
    path = _write(tmp_path / "cut.warc", data[: len(data) - 300])
    items = list(read_warc(path))
    assert [type(i) for i in items] == [Article, ReadError]
    assert items[0].url == "https://h.example/a"
    error = items[1]
    assert error.record == "<urn:uuid:00000000-0000-0000-0000-000000000003>"
    assert str(path) in error.reason and "is cut" in error.reason and "bytes" in error.reason


def test_a_warc_record_header_cut_is_an_error(tmp_path):
    path = _write(tmp_path / "h.warc", RECORDS[1] + RECORDS[2][:50])
    items = list(read_warc(path))
    assert [type(i) for i in items] == [Article, ReadError] and "header is cut" in items[1].reason


def test_an_empty_warc_is_said(tmp_path):
    [item] = list(read_warc(_write(tmp_path / "e.warc", b"")))
    assert isinstance(item, ReadError) and "no WARC records" in item.reason


# --- encodings: UTF-16 and BOMs are text ---


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_read(encoding):
    text = "The mayor said on Monday that “the bridge” would reopen, café owners said.\n"
    data = (codecs.BOM_UTF16_BE + text.encode("utf-16-be")) if encoding == "utf-16-be" else text.encode(encoding)
    article = article_from_bytes(data, "a.txt")
    assert article.text == text and article.warnings == []


def test_a_bom_before_binary_or_nothing_is_still_refused():
    from sayso.errors import InputError

    with pytest.raises(InputError, match="binary"):
        article_from_bytes(("\x01\x02\x03" * 100).encode("utf-16"), "b.txt")
    with pytest.raises(InputError, match="empty"):
        article_from_bytes(" \n".encode("utf-16"), "c.txt")


def test_jsonl_with_a_utf8_bom_or_in_utf16_is_read(tmp_path):
    lines = '{"text": "The mayor said so."}\n{"text": "Café owners said it twice."}\n'
    bom8 = _write(tmp_path / "a.jsonl", codecs.BOM_UTF8 + lines.encode())
    bom8gz = _write(tmp_path / "b.jsonl.gz", gzip.compress(codecs.BOM_UTF8 + lines.encode()))
    utf16 = _write(tmp_path / "c.jsonl", lines.encode("utf-16"))
    for path in (bom8, bom8gz, utf16):
        items = list(iter_articles([str(path)]))
        assert [i.text for i in items] == ["The mayor said so.", "Café owners said it twice."], path
        assert items[1].path.endswith(":2")


def test_jsonl_invalid_utf8_is_a_warning_and_deep_json_an_error(tmp_path):
    path = _write(tmp_path / "x.jsonl", b'{"text": "caf\xe9 owners said so."}\n' + b"[" * 100_000 + b"\n")
    article, error = iter_articles([str(path)])
    assert article.text == "caf\ufffd owners said so." and "invalid UTF-8" in article.warnings[0]
    assert isinstance(error, ReadError) and error.record == "2" and "nested too deeply" in error.reason


# --- nothing to read is said, not silent ---


def test_an_empty_directory_or_one_without_article_files_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "other" / "sub").mkdir(parents=True)
    _write(tmp_path / "other" / "notes.md", "# notes")
    items = list(iter_articles([str(tmp_path / "empty"), str(tmp_path / "other")]))
    assert [type(i) for i in items] == [ReadError, ReadError]
    assert all("no article files" in i.reason for i in items)


def test_an_empty_jsonl_file_is_an_error(tmp_path):
    [item] = list(iter_articles([str(_write(tmp_path / "e.jsonl", "\n \n"))]))
    assert isinstance(item, ReadError) and "no JSON lines" in item.reason


# --- HTML nested past libxml2's 256 levels keeps its text ---

LEAD = "<h1>Bridge to open in May</h1><p>The lead paragraph sits near the top of the page, before the deep part.</p>"
DEEP = "<p>The minister said on Monday that the new bridge would open in May, after years of delay.</p>"
CLOSING = "<p>A closing paragraph at the top level again, with a few more words in it for length.</p>"


@pytest.mark.parametrize("depth", [20, 300, 5000])
def test_deeply_nested_html_keeps_all_its_text(depth):
    from sayso.read.html import article_from_html

    page = f"<html><head><title>Bridge</title></head><body>{LEAD}" + "<div><span>" * depth
    page += "<script>var hidden = 1;</script>" + DEEP + "</span></div>" * depth + CLOSING + "</body></html>"
    article = article_from_html(page.encode(), "deep.html")
    for needle in ("The lead paragraph", "The minister said on Monday", "A closing paragraph"):
        assert needle in article.text, (depth, article.text)
    assert "hidden" not in article.text
    flattened = any("nested deeper" in w for w in article.warnings)
    assert flattened == (depth * 2 > 255)


def test_the_jsonl_reader_keeps_going_after_surrogates_in_the_middle(tmp_path):
    rows = [json.dumps({"text": f"Story {i}: the council said the budget passed."}) for i in range(3)]
    rows.insert(1, '{"text": "Broken \\udc00 escape, the mayor said."}')
    items = list(iter_articles([str(_write(tmp_path / "m.jsonl", "\n".join(rows)))]))
    assert len(items) == 4 and all(isinstance(i, Article) for i in items)
    assert Path(items[3].path).name == "m.jsonl:4"


# --- legacy encodings: Windows-1252 quotes survive, a declared charset is honoured ---


def test_windows_1252_text_keeps_its_curly_quotes():
    text = "\u201cWe will rebuild the bridge,\u201d the mayor said \u2014 and the caf\u00e9 owners agreed."
    article = article_from_bytes(text.encode("cp1252"), "legacy.txt")
    assert article.text == text and "read as cp1252" in article.warnings[0]


def test_utf8_with_one_bad_byte_is_not_reread_as_1252():
    data = "“We will,” she said.".encode() + b" \xff end."
    article = article_from_bytes(data, "mixed.txt")
    assert article.text.startswith("“We will,”") and "\ufffd" in article.text
    assert "replaced with U+FFFD" in article.warnings[0]


def test_html_in_a_declared_legacy_charset_is_decoded_with_it():
    from sayso.read.html import article_from_html

    body = ("<p>\u201cLa r\u00e9forme est n\u00e9cessaire,\u201d a d\u00e9clar\u00e9 le ministre lundi devant "
            "les d\u00e9put\u00e9s r\u00e9unis \u00e0 Paris pour le d\u00e9bat.</p>") * 3
    page = f'<html><head><meta charset="iso-8859-15"><title>R\u00e9forme</title></head><body><article>{body}</article></body></html>'
    article = article_from_html(page.replace("\u201c", '"').replace("\u201d", '"').encode("iso-8859-15"), "fr.html")
    assert "La r\u00e9forme est n\u00e9cessaire" in article.text and "iso-8859-15" in article.warnings[0]
    sentence = "\u5927\u81e3\u306f\u8a00\u3063\u305f\u3002" * 30  # "the minister said." in Japanese
    shift_jis = f"<html><head><title>x</title></head><body><article><p>{sentence}</p></article></body></html>"
    japanese = article_from_html(shift_jis.encode("shift_jis"), "ja.html", charset="shift_jis")
    assert "\u5927\u81e3\u306f\u8a00\u3063\u305f" in japanese.text
