"""Readers: HTML, JSONL(.gz), WARC(.gz) and directories -> Articles, bad input -> ReadError, never raise."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from sayso.read import Article, FieldMap, ReadError, ReadOptions, estimate_count, iter_articles

PAGE = """<html><head><title>Ministers agree on grain corridor | Harbour Times</title>
<meta name="author" content="Ana Ruiz"><meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2024-06-11T08:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Ministers agree on grain corridor</h1>
<p>ISTANBUL, June 11 (Harbour Times) - The foreign ministers of three Black Sea states agreed on Tuesday
to reopen a grain corridor that has been closed since the spring, officials said.</p>
<p>"Ships will move again within a week," the Turkish foreign minister told reporters after the talks,
which lasted more than five hours at a hotel near the Bosphorus.</p>
<p>Shipping companies said insurance costs would fall once the first convoys had passed safely.</p>
</article><footer>Copyright Harbour Times. All rights reserved.</footer></body></html>"""


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def _warc_record(kind: str, url: str, payload: bytes, content_type: str = "text/html; charset=utf-8",
                 status: str = "200 OK", rec: int = 1) -> bytes:
    if kind == "response":
        body = (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
                f"Content-Length: {len(payload)}\r\n\r\n").encode() + payload
        ctype = "application/http; msgtype=response"
    else:
        body = payload
        ctype = "application/http; msgtype=request"
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2024-06-12T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{rec:012d}>\r\nContent-Type: {ctype}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    return head + body + b"\r\n\r\n"


def _warc(tmp_path: Path, name: str = "crawl.warc.gz", truncate: bool = False) -> Path:
    records = [
        _warc_record("request", "https://harbour.example/a", b"GET /a HTTP/1.1\r\nHost: harbour.example\r\n\r\n", rec=1),
        _warc_record("response", "https://harbour.example/a", PAGE.encode(), rec=2),
        _warc_record("response", "https://harbour.example/logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
                     content_type="image/png", rec=3),
        _warc_record("response", "https://harbour.example/missing", b"<html>gone</html>", status="404 Not Found", rec=4),
        _warc_record("response", "https://harbour.example/b", PAGE.replace("three", "four").encode(), rec=5),
    ]
    if name.endswith(".gz"):
        data = b"".join(gzip.compress(r) for r in records)  # one gzip member per record, as crawlers write
    else:
        data = b"".join(records)
    if truncate:
        data = data[: len(data) * 3 // 5]
    return _write(tmp_path / name, data)


def test_html_page_gives_main_text_and_metadata(tmp_path):
    [art] = list(iter_articles([str(_write(tmp_path / "page.html", PAGE))]))
    assert isinstance(art, Article)
    assert "grain corridor that has been closed" in art.text
    assert "All rights reserved" not in art.text and "Home" not in art.text.split("\n")[0:1][0][:4]
    assert art.title == "Ministers agree on grain corridor"
    assert art.author == "Ana Ruiz"
    assert art.outlet == "Harbour Times"
    assert art.published == "2024-06-11"


def test_unclosed_html_still_gives_its_text(tmp_path):
    [art] = list(iter_articles([str(_write(tmp_path / "cut.html", PAGE[: PAGE.index("Shipping")]))]))
    assert isinstance(art, Article) and "Ships will move again" in art.text


def test_broken_and_empty_html_are_read_errors(tmp_path):
    broken = _write(tmp_path / "broken.html", "<html><body><div><script>var x = 1;</script></div")
    empty = _write(tmp_path / "empty.htm", "   ")
    items = list(iter_articles([str(broken), str(empty)]))
    assert len(items) == 2 and all(isinstance(i, ReadError) for i in items)
    assert "no article text" in items[0].reason and "empty" in items[1].reason


def test_jsonl_bad_lines_become_errors_with_line_numbers(tmp_path):
    lines = [
        json.dumps({"text": "The mayor said the bridge would reopen in May.", "title": "Bridge",
                    "url": "https://www.city-news.example/bridge", "published": "2024-02-03 10:00:00Z"}),
        "{not json",
        json.dumps({"title": "no text here"}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"text": "Second story, with an odd date.", "published": "last Tuesday", "outlet": "Wire"}),
    ]
    items = list(iter_articles([str(_write(tmp_path / "a.jsonl", "\n".join(lines)))]))
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, ReadError)]
    assert [a.title for a in arts] == ["Bridge", None]
    assert arts[0].published == "2024-02-03" and arts[0].outlet == "city-news.example"
    assert arts[0].path.endswith("a.jsonl:1")
    assert arts[1].published is None and any("not a date" in w for w in arts[1].warnings)
    assert [(e.record, e.reason.split(" (")[0]) for e in errs] == [
        ("2", "not JSON"), ("3", "no text in field 'text'"), ("5", "the line is not a JSON object")]


def test_jsonl_field_mapping_and_gzip(tmp_path):
    rows = [{"body": f"Story number {i} about the harbour strike, the union said.", "headline": f"H{i}",
             "site": "Port Gazette", "date": "2023-12-0{}".format(i + 1)} for i in range(3)]
    path = _write(tmp_path / "b.jsonl.gz", gzip.compress("\n".join(json.dumps(r) for r in rows).encode()))
    fields = FieldMap(text="body", title="headline", outlet="site", published="date")
    arts = list(iter_articles([str(path)], ReadOptions(fields=fields)))
    assert [a.title for a in arts] == ["H0", "H1", "H2"]
    assert {a.outlet for a in arts} == {"Port Gazette"} and arts[2].published == "2023-12-03"


def test_truncated_gzip_keeps_the_lines_before_the_cut(tmp_path):
    rows = [json.dumps({"text": f"Line {i}: the council voted on the budget for the {i}th time."}) for i in range(400)]
    data = gzip.compress("\n".join(rows).encode())
    path = _write(tmp_path / "cut.jsonl.gz", data[: len(data) // 2])
    items = list(iter_articles([str(path)]))
    assert isinstance(items[-1], ReadError) and "cannot read" in items[-1].reason
    assert sum(isinstance(i, Article) for i in items) > 10


def test_warc_keeps_html_responses_with_url_and_fetch_date(tmp_path):
    items = list(iter_articles([str(_warc(tmp_path))]))
    assert all(isinstance(i, Article) for i in items), items
    assert [a.url for a in items] == ["https://harbour.example/a", "https://harbour.example/b"]
    assert {a.fetched for a in items} == {"2024-06-12"}
    assert "four Black Sea states" in items[1].text


def test_uncompressed_warc_and_published_from_metadata(tmp_path):
    page = PAGE.replace('<meta property="article:published_time" content="2024-06-11T08:00:00Z">', "")
    path = _write(tmp_path / "x.warc", _warc_record("response", "https://h.example/z", page.encode()))
    [plain] = list(iter_articles([str(path)]))
    [dated] = list(iter_articles([str(path)], ReadOptions(published_from_metadata=True)))
    assert plain.published in (None, "2024-06-11")  # no meta date: nothing, unless htmldate finds one
    assert dated.published == (plain.published or "2024-06-12")


def test_truncated_warc_gz_ends_with_an_error_not_an_exception(tmp_path):
    items = list(iter_articles([str(_warc(tmp_path, truncate=True))]))
    assert [type(i) for i in items] == [Article, ReadError]
    assert items[0].url == "https://harbour.example/a" and "truncated" in items[1].reason


def test_a_file_that_is_not_a_warc_is_one_error(tmp_path):
    path = _write(tmp_path / "junk.warc", "this is not an archive\n" * 20)
    [item] = list(iter_articles([str(path)]))
    assert isinstance(item, ReadError) and "unreadable" in item.reason


def test_directory_walk_is_recursive_and_skips_unknown_and_hidden(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    _write(tmp_path / "one.txt", "The minister resigned on Friday, aides said.")
    _write(tmp_path / "sub" / "two.html", PAGE)
    _write(tmp_path / "sub" / "deeper" / "three.txt", "Prices rose 4 percent in March, the agency said.")
    _write(tmp_path / "sub" / "notes.docx", b"PK\x03\x04binary")
    _write(tmp_path / ".hidden.txt", "hidden")
    items = list(iter_articles([str(tmp_path)]))
    assert [Path(i.path).name for i in items] == ["one.txt", "three.txt", "two.html"]
    assert estimate_count([str(tmp_path)]) == 3


def test_unreadable_and_missing_paths_are_errors(tmp_path):
    binary = _write(tmp_path / "blob.txt", b"\x00\x01\x02" * 100)
    items = list(iter_articles([str(binary), str(tmp_path / "nope.txt")]))
    assert [type(i) for i in items] == [ReadError, ReadError]
    assert "binary" in items[0].reason and "no such file" in items[1].reason


def test_a_given_publication_date_fills_only_undated_documents(tmp_path):
    (tmp_path / "a.txt").write_text("The mayor said on Monday the bridge would reopen.\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"text": "The minister said on Friday taxes would fall.", "published": "2024-02-09"}) + "\n",
        encoding="utf-8")
    found = {Path(a.path.split(":")[0]).name: a.published
             for a in iter_articles([str(tmp_path)], ReadOptions(published="2024-03-18"))}
    assert found == {"a.txt": "2024-03-18", "b.jsonl": "2024-02-09"}
