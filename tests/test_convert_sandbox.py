"""The converters (Chromium for HTML, LibreOffice for DOCX) on hostile inputs: no local file
content and no network request escapes a conversion, no script runs, no process outlives
the conversion's limits or the worker that started it, no temporary folder is left.

Each layer is checked on its own where it can be: the sanitiser (extract.convert.sanitise)
on the parsed output, the browser's own settings on the raw page (run_converter without
sanitising and without the network namespace), and the whole (convert). A local HTTP
server (127.0.0.1, started here) must receive no request from any of them.
"""
from __future__ import annotations

import base64
import http.server
import io
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from extract import convert as cv
from extract.convert import ConverterLimits, convert, run_converter, sanitise_docx, sanitise_html
from extract.pdf import ExtractionError

ROOT = Path(__file__).resolve().parent.parent
SECRET = "TCPLANS-SECRET-7f3a"

needs_chromium = pytest.mark.skipif(cv._chromium() is None, reason="chromium not installed")
needs_soffice = pytest.mark.skipif(cv._soffice() is None, reason="LibreOffice not installed")


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        type(self).hits.append(self.path)
        body = b"body::after { content: 'REMOTECSS' }" if self.path.endswith(".css") else b"REMOTE"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    """A local HTTP server recording every request it receives."""
    handler = type("Handler", (_Recorder,), {"hits": []})
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}", handler.hits
    srv.shutdown()
    srv.server_close()


def _processes_under(base: Path) -> list[str]:
    """Command lines of live processes that name `base` (every converter names its
    temporary folder: profile, input, output)."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/cmdline", "rb") as fh:
                cmd = fh.read().replace(b"\0", b" ").decode(errors="replace")
            with open(f"/proc/{name}/stat", "rb") as fh:
                state = fh.read().rsplit(b")", 1)[1].split()[0]
        except OSError:
            continue
        if str(base) in cmd and state != b"Z":
            found.append(f"{name}: {cmd[:120]}")
    return found


def _short_base() -> Path:
    """A folder with a short path: Chromium's profile holds a Unix socket, whose path must
    stay under 108 bytes (pytest's tmp_path can be longer)."""
    return Path(tempfile.mkdtemp(prefix="tcsb-", dir="/tmp"))


@pytest.fixture()
def sandbox_tmp(monkeypatch):
    """Converters' temporary folders go under a folder of this test; after the test no
    process names it and no tcplans-convert-* folder is left in it."""
    base = _short_base()
    monkeypatch.setattr(tempfile, "tempdir", str(base))
    yield base
    deadline = time.monotonic() + 5
    while _processes_under(base) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_under(base) == []
    assert sorted(p.name for p in base.glob(f"{cv.TEMP_PREFIX}*")) == []
    shutil.rmtree(base, ignore_errors=True)


def _text(pdf: bytes) -> str:
    doc = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def _hostile_html(secret: Path, url: str, refresh: bool = True) -> bytes:
    css = secret.with_name("local.css")
    css.write_text("body::before { content: 'LOCALCSS' }")
    return f"""<!DOCTYPE html><html><head>
<link rel="stylesheet" href="{css.as_uri()}">
<link rel="stylesheet" href="{url}/remote.css">
<style>@import url("{url}/import.css"); body {{ background: url("{url}/bg.png") }}</style>
{f'<meta http-equiv="refresh" content="0;url={secret.as_uri()}">' if refresh else ''}
</head><body onload="fetch('{url}/onload')">
<h1>Action plan</h1>
<p>Visible text stays.</p>
<iframe src="file:///etc/passwd" width="600" height="300"></iframe>
<iframe src="{secret.as_uri()}"></iframe>
<object data="{secret.as_uri()}" type="text/plain" width="600" height="200"></object>
<embed src="{secret.as_uri()}" type="text/plain" width="600" height="200">
<p>After the embed.</p>
<img src="{url}/img.png" srcset="{url}/img2.png 2x">
<p style="background-image: url('{url}/inline.png')">Styled</p>
<script>document.write('<p>SCRIPTRAN</p>'); fetch('{url}/fetch');</script>
<svg><image href="{url}/svg.png"/></svg>
</body></html>""".encode()


@needs_chromium
def test_hostile_html_leaks_nothing(tmp_path, server, sandbox_tmp):
    url, hits = server
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    page = _hostile_html(secret, url)
    result = convert(page, "html", ConverterLimits(seconds=60))
    text = _text(result.pdf)
    assert "Visible text stays." in text and "After the embed." in text and "Styled" in text
    for leak in (SECRET, "root:x:0", "SCRIPTRAN", "LOCALCSS", "REMOTECSS", "REMOTE"):
        assert leak not in text
    assert hits == []
    for what in ("script", "iframe", "object", "embed", "link", "img src", "CSS url()", "CSS @import",
                 "meta refresh", "svg", "event handler"):
        assert what in result.removed, what
    note = result.removal_note("html")
    assert note.startswith("HTML sanitised before conversion, removed:") and "2 iframe" in note


@needs_chromium
@pytest.mark.parametrize("isolate", [False, True], ids=["flags-only", "namespace"])
def test_browser_alone_runs_no_script_and_fetches_nothing(tmp_path, server, sandbox_tmp, isolate):
    """The raw hostile page, not sanitised: Chromium's own settings (JavaScript off, dead
    proxy for every host, loopback included, no host resolved) hold on their own. (Local
    files are the sanitiser's part: a page opened from a file may load other files; and
    the meta refresh is left out, it would navigate away mid-print.)"""
    url, hits = server
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    pdf, report, isolated = run_converter(_hostile_html(secret, url, refresh=False), "html", ConverterLimits(seconds=60),
                                          isolate=isolate)
    text = _text(pdf)
    assert "Visible text stays." in text and "SCRIPTRAN" not in text
    assert hits == [] and "REMOTECSS" not in text
    assert isolated == (isolate and bool(cv.network_namespace()))


def test_sanitiser_keeps_content_after_html5_void_elements():
    """libxml2 nests what follows an <embed>/<source> inside it: that content is kept."""
    html, removed = sanitise_html(b"<html><body><embed src='file:///etc/passwd'><p>kept</p>"
                                  b"<video><source src='http://x/v.mp4'></video><p>also kept</p></body></html>")
    html = html.split(b"<html", 1)[1]     # the doctype's DTD address is never loaded
    assert b"kept" in html and b"also kept" in html and b"passwd" not in html and b"http://" not in html
    assert removed["embed"] == 1 and removed["source src"] == 1


def test_sanitiser_defeats_parser_differentials():
    """Markup inside <style>, CSS escapes that spell url(, SVG islands, javascript: links."""
    html, removed = sanitise_html(
        b"<html><head><style>p{}</style><style>a{background:u\\72l(http://x/y)}</style></head><body>"
        b"<svg><style><img src=http://x/z></style></svg>"
        b"<a href='javascript:alert(1)'>link</a><a href=' JAVASCRIPT:x'>l2</a>"
        b"<p style='color:red'>ok</p><img src='data:image/png;base64,iVBORw0KGgo='></body></html>")
    assert b"http://x" not in html and b"javascript" not in html.lower()
    assert b"color:red" in html and b"data:image/png" in html
    assert removed["unsafe style"] == 1 and removed["svg"] == 1 and removed["script link"] == 2


def _png(width: int, height: int) -> bytes:
    """A valid PNG that is small on disk and huge once decoded (a decompression bomb)."""
    raw = b"\x00" + b"\xff\x00\x00\xff" * width
    comp = zlib.compressobj(1)
    body = b"".join(comp.compress(raw) for _ in range(height)) + comp.flush()

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", body) + chunk(b"IEND", b""))


SPINNING = b"<html><body><div style='height:50000000px;border:1px solid red'>x</div></body></html>"


@needs_chromium
def test_spinning_page_is_stopped_at_the_time_limit(sandbox_tmp):
    """No JavaScript to spin, so a layout that takes minutes: a 50-million-pixel-tall box
    (tens of thousands of pages to print)."""
    t0 = time.monotonic()
    with pytest.raises(ExtractionError) as err:
        convert(SPINNING, "html", ConverterLimits(seconds=3, memory_mb=4000))
    assert err.value.code == "timeout" and "3 s" in err.value.message
    assert time.monotonic() - t0 < 15


@needs_chromium
def test_memory_hungry_page_is_stopped_at_the_memory_limit(sandbox_tmp):
    """A 12000x12000 PNG (a 600 KB file, 576 MB decoded): the browser's process group is
    killed when its memory passes the limit, well before the time limit."""
    page = b"<html><body><img style='width:100%' src='data:image/png;base64," + \
        base64.b64encode(_png(12000, 12000)) + b"'></body></html>"
    t0 = time.monotonic()
    with pytest.raises(ExtractionError) as err:
        convert(page, "html", ConverterLimits(seconds=60, memory_mb=700))
    assert err.value.code == "memory_limit" and "700 MB" in err.value.message
    assert time.monotonic() - t0 < 40


@needs_chromium
def test_converter_dies_with_its_worker(tmp_path):
    """kill -9 of the process that started the conversion (a batch worker) ends the whole
    converter process group, and its temporary folder is removed."""
    base = _short_base()
    code = ("import sys; from extract.convert import convert, ConverterLimits; "
            "convert(open(sys.argv[1], 'rb').read(), 'html', ConverterLimits(seconds=120, memory_mb=8000))")
    page = tmp_path / "spin.html"
    page.write_bytes(SPINNING)
    worker = subprocess.Popen([sys.executable, "-c", code, str(page)], cwd=ROOT,
                              env={**os.environ, "TMPDIR": str(base)})
    deadline = time.monotonic() + 30
    while not any("chromium" in p for p in _processes_under(base)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert any("chromium" in p for p in _processes_under(base)), "the browser never started"
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    deadline = time.monotonic() + 10
    while (_processes_under(base) or list(base.glob(f"{cv.TEMP_PREFIX}*"))) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_under(base) == []
    assert list(base.glob(f"{cv.TEMP_PREFIX}*")) == []
    shutil.rmtree(base, ignore_errors=True)


def _docx_with_linked_image(url: str) -> bytes:
    """A real Word document (python-docx) whose picture is linked, not embedded: the
    relationship points to `url` with TargetMode="External" (as Word writes "Link to
    file"), plus an INCLUDEPICTURE field to the same server."""
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("Technician Commitment action plan with a linked picture.")
    img = io.BytesIO(_png(8, 8))
    doc.add_picture(img)
    buf = io.BytesIO()
    doc.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                text = data.decode()
                text = re.sub(r'r:embed="(rId\d+)"', 'r:link="rIdLinked"', text, count=1)
                field = (f'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
                         f' INCLUDEPICTURE "{url}/field.png" \\d </w:instrText></w:r><w:r><w:fldChar '
                         f'w:fldCharType="end"/></w:r></w:p>')
                text = text.replace("<w:sectPr", field + "<w:sectPr", 1)
                data = text.encode()
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    '<Relationship Id="rIdLinked" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/image" Target="{url}/linked.png" TargetMode="External"/>'
                    '</Relationships>').encode())
            z.writestr(info, data)
    return out.getvalue()


@needs_soffice
def test_docx_with_linked_image_fetches_nothing(server, sandbox_tmp):
    url, hits = server
    data = _docx_with_linked_image(url)
    clean, removed = sanitise_docx(data)
    assert removed == {"external image": 1, "linking field": 1}
    assert url.encode() not in b"".join(zipfile.ZipFile(io.BytesIO(clean)).read(n)
                                        for n in zipfile.ZipFile(io.BytesIO(clean)).namelist())
    # LibreOffice's profile alone (the raw document, no network namespace): with a default
    # profile this very document makes two requests for linked.png; then the whole sandbox
    pdf, _, _ = run_converter(data, "docx", ConverterLimits(seconds=90), isolate=False)
    assert "linked picture" in _text(pdf)
    assert hits == []
    result = convert(data, "docx", ConverterLimits(seconds=90))
    assert "linked picture" in _text(result.pdf)
    assert result.removal_note("docx").startswith("DOCX sanitised before conversion")
    assert hits == []


def test_docx_with_a_dtd_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/_rels/document.xml.rels",
                   '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">&x;'
                   '</Relationships>')
    with pytest.raises(ExtractionError, match="DTD"):
        sanitise_docx(buf.getvalue())
