"""Hostile-input fuzz of the converters' sanitisers (extract.convert.sanitise_html and
sanitise_docx), and of whole sandboxed conversions.

The real sample HTML and DOCX are mutated: hostile fragments (frames, objects, scripts,
remote and local resources, CSS url()/@import/escapes, SVG islands, base, meta refresh,
javascript: links with case, entity and whitespace tricks) inserted at random places, and
random bytes flipped, cut or duplicated; DOCX packages get external relationships of
every kind (TargetMode spelt in any case), linking fields and damaged bytes. Invariants:

- sanitise_* returns or raises ExtractionError, nothing else;
- the sanitised HTML, parsed again, holds no forbidden element, no attribute that loads
  anything (bar data: raster images), no href but on <a>/<area> and never javascript:,
  no CSS url(), image-set or @import; the sanitised DOCX no external relationship but
  hyperlinks and no INCLUDEPICTURE/INCLUDETEXT/LINK/DDE field;
- a whole conversion (the CONVERT cases) makes no request to a local HTTP server, puts no
  local file's content in the PDF, and leaves no process and no temporary folder.

    pytest tests/test_fuzz_convert.py                        # short: 40 sanitiser cases, no conversion
    TCPLANS_FUZZ_CASES=2000 TCPLANS_FUZZ_CONVERT_CASES=20 \\
        pytest tests/test_fuzz_convert.py                   # make fuzz
    TCPLANS_FUZZ_ONLY=<case> ...                             # replay one case
"""
from __future__ import annotations

import http.server
import io
import os
import random
import re
import shutil
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import pytest

from extract import convert as cv
from extract.convert import ConverterLimits, convert, sanitise_docx, sanitise_html
from extract.pdf import ExtractionError

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
CASES = max(40, int(os.environ.get("TCPLANS_FUZZ_CASES", "40")) // 10)
CONVERT_CASES = int(os.environ.get("TCPLANS_FUZZ_CONVERT_CASES", "0"))
SEED = int(os.environ.get("TCPLANS_FUZZ_SEED", "20261205"))
ONLY = os.environ.get("TCPLANS_FUZZ_ONLY")
SECRET = "TCPLANS-FUZZ-SECRET-91c2"

FORBIDDEN = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "link", "portal",
             "svg", "math", "noembed", "noframes", "plaintext", "param", "template", "fencedframe"}


def _vectors(url: str, secret: str) -> list[str]:
    return [
        f'<iframe src="{secret}"></iframe>', f"<IFRAME SRC={secret}>", f'<iframe srcdoc="<p>{SECRET}</p>"></iframe>',
        f'<object data="{secret}" type="text/plain"></object>', f'<embed src="{secret}">', f'<embed src={secret}>x',
        f'<frameset><frame src="{secret}"></frameset>', "<script>document.write('SCRIPTRAN')</script>",
        f"<script src='{url}/s.js'></script>", f"<ScRiPt>fetch('{url}/fetch')</ScRiPt>",
        f'<img src="{url}/i.png">', f'<img srcset="{url}/a.png 1x, {url}/b.png 2x">', f"<img src='{secret}'>",
        f'<link rel="stylesheet" href="{url}/c.css">', f'<link rel=stylesheet href={secret}>',
        f'<style>@import "{url}/imp.css";</style>', f"<style>@import url({url}/imp2.css);</style>",
        f"<style>body{{background:url({url}/bg.png)}}</style>", f"<style>p{{background:u\\72l({url}/esc.png)}}</style>",
        f"<style>p{{background:\\75\\72\\6c({url}/esc2.png)}}</style>",
        f"<style>p{{background-image:image-set('{url}/set.png' 1x)}}</style>",
        f"<style>@font-face{{font-family:x;src:url({url}/f.woff)}}</style>",
        f'<p style="background:url({url}/inline.png)">inline</p>', f"<p style='background:URL( {url}/u.png )'>u</p>",
        f'<base href="{url}/">', f'<meta http-equiv="refresh" content="0;url={secret}">',
        f'<meta http-equiv=Refresh content="1; URL={url}/r">', f"<svg><image href='{url}/svg.png'/></svg>",
        f"<svg><style><img src={url}/mx.png></style></svg>", f"<math><mtext><img src={url}/m.png></mtext></math>",
        "<a href='javascript:alert(1)'>j</a>", "<a href=' JaVaScRiPt:alert(1)'>j2</a>",
        "<a href='java&#x0A;script:alert(1)'>j3</a>", f"<a href='{url}/link' ping='{url}/ping'>ping</a>",
        f'<video poster="{url}/p.png"><source src="{url}/v.mp4"><track src="{url}/t.vtt"></video>',
        f'<audio src="{url}/a.mp3"></audio>', f'<input type="image" src="{url}/in.png">',
        f'<table background="{url}/tb.png"><tr><td>t</td></tr></table>', f'<body background="{url}/bb.png">',
        f'<form action="{url}/f"><button formaction="{url}/b">b</button></form>', "<!--><iframe src=x>-->",
        f'<noscript><img src="{url}/ns.png"></noscript>', f'<template><img src="{url}/tp.png"></template>',
        f'<div onmouseover="fetch(\'{url}/ev\')" onload="x()">ev</div>', f'<?xml-stylesheet href="{url}/pi.css"?>',
        f'<p xml:base="{url}/">xb</p>', f'<img src="data:image/svg+xml,<svg onload=fetch(\'{url}/d\')>">',
        f'<picture><source srcset="{url}/pic.png"><img src="data:image/png;base64,iVBORw0KGgo="></picture>',
    ]


def mutate_html(data: bytes, rng: random.Random, url: str, secret: str) -> bytes:
    text = data.decode("utf-8", "replace")
    vectors = _vectors(url, secret)
    for _ in range(rng.randint(1, 8)):
        at = [m.start() for m in re.finditer("<", text)] or [0]
        pos = rng.choice(at)
        text = text[:pos] + rng.choice(vectors) + text[pos:]
    out = bytearray(text.encode())
    for _ in range(rng.choice([0, 0, 1, 2, 4])):      # damage: flip, cut, duplicate
        if not out:
            break
        a = rng.randrange(len(out))
        b = min(len(out), a + rng.choice([1, 2, 8, 64]))
        op = rng.choice(["flip", "cut", "dup"])
        if op == "flip":
            out[a] ^= 1 << rng.randrange(8)
        elif op == "cut":
            del out[a:b]
        else:
            out[a:a] = out[a:b]
    return bytes(out)


def check_html(clean: bytes, where: str) -> None:
    import lxml.html
    low = clean.lower()
    for tag in FORBIDDEN:
        assert f"<{tag}".encode() not in low or re.search(rf"<{tag}[a-z-]".encode(), low), f"{where}: <{tag} in output"
    root = lxml.html.document_fromstring(clean)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        assert tag not in FORBIDDEN, f"{where}: {tag} element"
        if tag == "meta":
            assert el.get("http-equiv") is None, f"{where}: meta http-equiv"
        for name, value in el.attrib.items():
            low_name = name.lower()
            assert not low_name.startswith("on"), f"{where}: {name} handler"
            if low_name in cv.URL_ATTRIBUTES or low_name.endswith(":href"):
                assert tag == "img" and low_name == "src" and cv.SAFE_DATA_IMAGE.match(value), \
                    f"{where}: <{tag} {name}={value[:60]!r}>"
            if low_name == "href":
                assert tag in ("a", "area"), f"{where}: href on {tag}"
                assert not re.match(r"\s*(javascript|vbscript|data|file):", value, re.I), f"{where}: {value[:40]}"
            if low_name == "style":
                assert not cv.CSS_DANGER.search(cv._css_unescape(value)), f"{where}: style {value[:60]!r}"
        if tag == "style":
            assert not cv.CSS_DANGER.search(cv._css_unescape(el.text or "")), f"{where}: <style> {el.text[:60]!r}"


REL_TYPES = ["image", "oleObject", "attachedTemplate", "subDocument", "frame", "hyperlink", "package", "video",
             "audio", "font", "externalLink"]


def mutate_docx(data: bytes, rng: random.Random, url: str) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            raw = src.read(info)
            if info.filename.endswith(".rels") and rng.random() < 0.8:
                rels = "".join(
                    f'<Relationship Id="rIdF{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/{rng.choice(REL_TYPES)}" Target="{url}/r{i}" '
                    f'TargetMode="{rng.choice(["External", "external", "EXTERNAL"])}"/>'
                    for i in range(rng.randint(1, 4)))
                raw = raw.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
            if info.filename == "word/document.xml" and rng.random() < 0.5:
                field = (f'<w:p><w:r><w:instrText xml:space="preserve"> {rng.choice(["INCLUDEPICTURE", "includetext", "LINK", "DDEAUTO"])}'
                         f' "{url}/fld" </w:instrText></w:r></w:p>')
                raw = raw.replace(b"<w:sectPr", field.encode() + b"<w:sectPr", 1)
            z.writestr(info, raw)
    data = out.getvalue()
    if rng.random() < 0.2:
        buf = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            buf[rng.randrange(len(buf))] ^= 1 << rng.randrange(8)
        data = bytes(buf)
    return data


def check_docx(clean: bytes, url: str, where: str) -> None:
    z = zipfile.ZipFile(io.BytesIO(clean))
    for name in z.namelist():
        raw = z.read(name)
        if name.endswith(".rels"):
            for m in re.finditer(rb"<Relationship\b[^>]*>", raw):
                rel = m.group(0)
                if re.search(rb'TargetMode="external"', rel, re.I):
                    assert rel.find(b"/hyperlink\"") > 0, f"{where}: {rel[:120]!r}"
        if name.endswith(".xml"):
            assert not re.search(rb"<w:instrText[^>]*>\s*(INCLUDEPICTURE|INCLUDETEXT|LINK|DDE)", raw, re.I), \
                f"{where}: linking field in {name}"


def _cases(n: int) -> list[int]:
    return [int(ONLY)] if ONLY else list(range(n))


@pytest.fixture(scope="module")
def sources():
    html = next(RAW.glob("*.html")).read_bytes()
    docx = next(RAW.glob("*.docx")).read_bytes()
    return html, docx


@pytest.mark.parametrize("case", _cases(CASES))
def test_sanitise_html_mutations(sources, case):
    rng = random.Random(f"{SEED}:html:{case}")
    data = mutate_html(sources[0], rng, "http://127.0.0.1:9", "file:///etc/passwd")
    try:
        clean, _ = sanitise_html(data)
    except ExtractionError:
        return
    check_html(clean, f"case {case} (replay: TCPLANS_FUZZ_ONLY={case} TCPLANS_FUZZ_SEED={SEED})")


@pytest.mark.parametrize("case", _cases(CASES))
def test_sanitise_docx_mutations(sources, case):
    rng = random.Random(f"{SEED}:docx:{case}")
    data = mutate_docx(sources[1], rng, "http://127.0.0.1:9")
    try:
        clean, _ = sanitise_docx(data)
    except ExtractionError:
        return
    check_docx(clean, "http://127.0.0.1:9", f"case {case} (replay: TCPLANS_FUZZ_ONLY={case})")


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        type(self).hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.mark.skipif(CONVERT_CASES == 0, reason="whole conversions only in make fuzz (TCPLANS_FUZZ_CONVERT_CASES)")
@pytest.mark.parametrize("case", _cases(max(CONVERT_CASES, 1)))
def test_sandboxed_conversion_mutations(sources, case, tmp_path, monkeypatch):
    import pypdfium2 as pdfium
    handler = type("H", (_Recorder,), {"hits": []})
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{srv.server_address[1]}"
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    base = Path(tempfile.mkdtemp(prefix="tcfz-", dir="/tmp"))
    monkeypatch.setattr(tempfile, "tempdir", str(base))
    rng = random.Random(f"{SEED}:convert:{case}")
    kind = "html" if case % 3 else "docx"
    data = mutate_html(sources[0], rng, url, secret.as_uri()) if kind == "html" else mutate_docx(sources[1], rng, url)
    try:
        try:
            pdf = convert(data, kind, ConverterLimits(seconds=60, memory_mb=3000)).pdf
            doc = pdfium.PdfDocument(pdf)
            text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
            assert SECRET not in text and "root:x:0" not in text and "SCRIPTRAN" not in text
        except ExtractionError:
            pass
        assert handler.hits == [], f"case {case}: requests {handler.hits}"
        time.sleep(0.2)
        assert list(base.glob(f"{cv.TEMP_PREFIX}*")) == []
    finally:
        srv.shutdown()
        srv.server_close()
        shutil.rmtree(base, ignore_errors=True)
