import io
import json

import pytest

from pipeline.clean import clean_text, html_to_text, is_boilerplate, is_furniture_at
from pipeline.sources import Article, InputProblem, iter_articles


def _read(paths):
    items = list(iter_articles([str(p) for p in paths]))
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, InputProblem)],
    )


def test_text_markdown_html_and_jsonl(tmp_path):
    (tmp_path / "a.txt").write_text("North Korea sent 5,000 troops.", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Title\n\nSome 300 workers left.", encoding="utf-8")
    (tmp_path / "c.html").write_text(
        "<html><head><script>alert(1)</script></head><body><nav>Home</nav>"
        "<p>About 1,000 engineers.</p></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"id": "x1", "text": "first", "date": "2025-06-26"})
        + "\n"
        + "{broken\n"
        + json.dumps({"id": "x2", "text": "second"})
        + "\n",
        encoding="utf-8",
    )
    articles, problems = _read([tmp_path])
    by_id = {a.id: a for a in articles}
    assert set(by_id) == {"a", "b", "c", "x1", "x2"}
    assert by_id["c"].text == "About 1,000 engineers."
    assert by_id["x1"].reference_date.isoformat() == "2025-06-26"
    assert len(problems) == 1 and "line 2" in problems[0].reason


def test_bad_inputs_become_problems_not_exceptions(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n\t ", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "latin1.txt").write_bytes("Die Soldaten kämpften für Moskau.".encode("cp1252"))
    articles, problems = _read(
        [
            tmp_path / "empty.txt",
            tmp_path / "binary.txt",
            tmp_path / "latin1.txt",
            tmp_path / "missing.txt",
        ]
    )
    reasons = {p.source.rsplit("/", 1)[-1]: p.reason for p in problems}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "no such file" in reasons["missing.txt"]
    assert articles[0].text == "Die Soldaten kämpften für Moskau."


def test_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Up to 40,000 workers.")))
    articles, _ = _read(["-"])
    assert articles[0].id == "stdin" and "40,000" in articles[0].text


def test_clean_drops_furniture_keeps_prose_and_list_items():
    text = (
        "Menu\nBy\nPhoto: troops. Source: Getty Images\nNorth Korea sent troops.\n"
        "1,000 demining specialists\nmilitary hardware,\nGoogle Chrome\n67.15%\n"
        "We use cookies to personalize content.\n"
    )
    cleaned = clean_text(text)
    assert cleaned.splitlines() == [
        "North Korea sent troops.",
        "1,000 demining specialists",
        "military hardware,",
    ]
    assert is_boilerplate("Subscribe to our newsletter")
    assert not is_boilerplate("About 600 soldiers were killed, the NIS said.")


@pytest.mark.parametrize(
    "line",
    [
        "VladK_88: it's 50,000 North Koreans by now, everyone knows it",
        "sunflower_kyiv: 57 drones and not a word about the power cuts",
        "@patriot1987: 3,000 more are coming",
        "Load more comments",
    ],
)
def test_reader_comments_are_furniture(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "MR. OKAFOR: About 1,000 of them have gone home.",
        "12:47 – More Koksan guns spotted",
        "Seoul: North Korea has sent 1,000 more troops.",
        "Update: the NIS now says 11,000.",
    ],
)
def test_speaker_and_dateline_lines_are_not_comments(line):
    assert not is_boilerplate(line)


def test_html_to_text_drops_scripts_and_navigation():
    html = "<nav>Home | World</nav><article><h1>Head</h1><p>Body &amp; more</p></article>"
    assert html_to_text(html) == "Head\nBody & more"


PAGE = """<!doctype html><html><head><title>NK troops</title></head><body>
<div id="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies or
manage preferences.</p><button>Accept</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul>
</nav></header>
<main><article><h1>North Korea sends more troops to Russia</h1>
<p>South Korea's spy agency said roughly 5,000 North Korean construction troops have been
deployed to Russia since September, in a briefing to lawmakers on Thursday.</p>
<p>The agency estimates that at least 600 North Korean soldiers have been killed in the Kursk
region, where they fought alongside Russian forces against Ukrainian units.</p>
</article></main>
<aside><h3>Most read</h3><ul><li>Story one about something else entirely</li></ul></aside>
<footer><p>Copyright 2025 Example News. All rights reserved.</p></footer>
</body></html>"""


def test_html_pages_keep_the_article_and_drop_banners_and_navigation(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    articles, problems = _read([tmp_path / "page.html"])
    text = articles[0].text
    assert "roughly 5,000 North Korean construction troops" in text
    assert "at least 600 North Korean soldiers" in text
    for junk in ("cookies", "Home", "World", "Most read", "Story one", "Copyright"):
        assert junk not in text, junk
    assert not problems


def test_a_page_trafilatura_finds_nothing_in_falls_back_to_visible_text(tmp_path):
    (tmp_path / "frag.html").write_text("<p>About 1,000 engineers left.</p>", encoding="utf-8")
    articles, _ = _read([tmp_path / "frag.html"])
    assert articles[0].text == "About 1,000 engineers left."


def test_every_bad_input_has_a_stage_and_never_raises(tmp_path):
    (tmp_path / "ws.txt").write_text(" \n\n \t", encoding="utf-8")
    (tmp_path / "zip.txt").write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)))
    (tmp_path / "noise.txt").write_bytes(bytes((i * 7919) % 255 + 1 for i in range(3000)))
    (tmp_path / "feed.jsonl").write_text('{"id": "ok", "text": "x"}\n{"id": 2,\n[1]\n')
    articles, problems = _read(
        [tmp_path / n for n in ("ws.txt", "zip.txt", "noise.txt", "feed.jsonl", "gone.txt")]
    )
    stages = {(p.source.rsplit("/", 1)[-1], p.stage) for p in problems}
    assert stages == {
        ("ws.txt", "empty"),
        ("zip.txt", "decode"),
        ("noise.txt", "decode"),
        ("feed.jsonl:2", "parse"),
        ("feed.jsonl:3", "parse"),
        ("gone.txt", "read"),
    }
    assert [a.id for a in articles] == ["ok"]
    assert any("line 2" in p.reason for p in problems)


def test_utf16_without_a_byte_order_mark_is_text_not_binary(tmp_path):
    text = "Nordkorea schickte 3.000 Soldaten nach Russland, sagte der Geheimdienst.\n"
    (tmp_path / "le.txt").write_bytes(text.encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes(text.encode("utf-16-be"))
    articles, problems = _read([tmp_path / "le.txt", tmp_path / "be.txt"])
    assert not problems
    assert [a.text for a in articles] == [text, text]


def test_a_broken_html_extractor_is_reported_not_silent(monkeypatch):
    import builtins

    from pipeline.clean import page_text

    real_import = builtins.__import__

    def no_trafilatura(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError("lxml.html.clean module is now a separate project")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    with pytest.warns(RuntimeWarning, match="HTML main-text extraction unavailable"):
        text = page_text("<html><body><p>North Korea sent 1,000 workers.</p></body></html>")
    assert "1,000 workers" in text


def test_a_list_of_links_under_a_heading_is_furniture():
    text = (
        "North Korea has sent about 11,000 troops to Russia, Seoul says.\n\n"
        "Key points:\n- 300 North Korean soldiers killed\n\n"
        "À lire aussi\n- Ukraine : 3 morts dans une frappe russe sur Odessa\n\n"
        "- Séoul et Washington lancent leurs manœuvres\n"
        "Comments are welcome below.\n- 40 readers agree\n"
        "Most viewed\n1. Five dead as storm hits Italy\n2) Heatwave: 36C on Friday\n"
    )
    cleaned = clean_text(text)
    assert "3 morts" not in cleaned and "manœuvres" not in cleaned  # blank lines keep the list
    assert "Five dead" not in cleaned and "Heatwave" not in cleaned  # numbered items too
    assert "300 North Korean soldiers killed" in cleaned  # a list under another heading stays
    assert "40 readers agree" in cleaned  # a line of prose ends the list of links
    assert is_furniture_at(text, text.index("3 morts")) and not is_furniture_at(text, 0)
