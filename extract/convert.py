"""DOCX and HTML plans given directly: converted to PDF at the edge (LibreOffice for Word,
headless Chromium for web pages, as institutions themselves print them), then read by the
same PDF path, so page and box provenance mean the same thing for every input.

Every input is untrusted (plans come from 140+ institutions' websites), so a conversion
is sandboxed in layers:

1. The input is sanitised with a real parser before any converter sees it. HTML (lxml):
   scripts, frames, iframes, objects, embeds, SVG/MathML islands, <base>, <link>,
   <meta http-equiv> (refresh), event handlers, and every attribute that loads a
   resource (src, srcset, poster, background, data, xlink:href ...) are removed; CSS
   loses @import and url(...) (so no remote or local stylesheet, font or image is
   fetched); only data: raster images are kept. DOCX: relationships to external targets
   (linked images, OLE objects, templates, frames; hyperlinks are kept, they are never
   loaded) and INCLUDEPICTURE/INCLUDETEXT/LINK/DDE fields are removed; a part with a DTD
   (XML entities) is refused. What was removed is returned, so the document says so.
2. The converter runs with no network where the kernel allows it (a new user and network
   namespace, `unshare -rn`: no interface but a loopback that is down) and in any case
   with its network pointed nowhere: Chromium with JavaScript off, a proxy on a closed
   port for every host (loopback included) and a resolver that finds no host;
   LibreOffice with a fresh profile that blocks untrusted links, never updates links and
   has the same dead proxy. Each run has its own fresh profile in its own temporary
   folder and reads only the sanitised copy.
3. The converter runs under a watchdog (extract/_sandbox.py) that leads its own process
   group: it kills the whole group at the time limit, when the group's memory passes the
   limit, or when the worker that started it dies, and removes the temporary folder.
"""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .pdf import ExtractionError

CONVERTIBLE = {".docx": "docx", ".html": "html", ".htm": "html"}
TEMP_PREFIX = "tcplans-convert-"
WATCHDOG = Path(__file__).with_name("_sandbox.py")


@dataclass(frozen=True)
class ConverterLimits:
    """Time and memory (PSS of the converter's whole process group) for one conversion."""
    seconds: float = 90.0
    memory_mb: int = 2048


# The batch worker sets the document's limits here before processing a document
# (set_document_limits): a conversion then gets the time the document has left and its
# memory limit. Outside a worker (review pages, the generator) the defaults apply.
_document_limits: ConverterLimits | None = None
_document_deadline: float | None = None


def set_document_limits(seconds: float, memory_mb: int) -> None:
    global _document_limits, _document_deadline
    _document_limits = ConverterLimits(seconds, memory_mb)
    _document_deadline = time.monotonic() + seconds


def _limits_now(default: ConverterLimits) -> ConverterLimits:
    if _document_limits is None or _document_deadline is None:
        return default
    left = max(0.5, _document_deadline - time.monotonic())
    return ConverterLimits(min(default.seconds, left) if default.seconds else left, _document_limits.memory_mb)


@dataclass(frozen=True)
class Conversion:
    pdf: bytes
    removed: dict[str, int] = field(default_factory=dict)   # what sanitising removed, by kind
    isolated: bool = False                                   # ran in its own network namespace
    peak_mb: float = 0.0

    def removal_note(self, kind: str) -> str | None:
        if not self.removed:
            return None
        parts = ", ".join(f"{n} {what}" for what, n in sorted(self.removed.items()))
        return f"{kind.upper()} sanitised before conversion, removed: {parts}"


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _chromium() -> str | None:
    # Debian's /usr/bin/chromium is a shell wrapper that adds flags from /etc and fails
    # inside a fresh user namespace; the binary itself is called where it is known.
    for real in ("/usr/lib/chromium/chromium", "/usr/lib/chromium-browser/chromium-browser"):
        if os.access(real, os.X_OK):
            return real
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def sniff_kind(data: bytes, suffix: str) -> str:
    """'pdf', 'docx' or 'html' from the bytes (the suffix only breaks ties)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04") and (b"word/" in data[:20000] or suffix == ".docx"):
        return "docx"
    low = head.lstrip().lower()
    if low.startswith((b"<!doctype html", b"<html")) or (suffix in (".html", ".htm") and b"<" in low[:200]):
        return "html"
    return "pdf"  # let the PDF sniffer give the precise reason


# ------------------------------------------------------------------ HTML sanitising

# Elements removed with their content: active content, frames, plugins, things that load
# or redirect, and foreign (SVG, MathML) islands whose parsing differs between lxml and a
# browser (the classic route for markup that changes meaning once re-parsed).
DROP_ELEMENTS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "link", "portal",
    "fencedframe", "svg", "math", "noembed", "noframes", "plaintext", "param", "template",
}
# removed kinds that may have carried text a reader sees (the removal is then a warning)
CONTENT_BEARING = {"iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "portal",
                   "fencedframe", "external oleObject", "external subDocument", "external frame",
                   "linking field"}
# HTML5 void elements libxml2's HTML parser does not know (it nests what follows inside them)
HTML5_VOID = {"embed", "source", "track", "wbr", "keygen", "param"}
# Attributes that make a browser fetch something (the element is kept, the attribute goes).
URL_ATTRIBUTES = {
    "src", "srcset", "imagesrcset", "data", "poster", "background", "action", "formaction", "codebase",
    "cite", "longdesc", "lowsrc", "dynsrc", "manifest", "ping", "profile", "archive", "classid", "icon",
    "xlink:href", "xml:base", "attributionsrc", "srcdoc",
}
SAFE_DATA_IMAGE = re.compile(r"^\s*data:image/(png|jpeg|jpg|gif|webp);base64,[a-z0-9+/=\s]*$", re.I)
CSS_URL = re.compile(r"url\s*\([^)]*\)?|image-set\s*\([^)]*\)?|-webkit-image-set\s*\([^)]*\)?", re.I)
CSS_IMPORT = re.compile(r"@import[^;]*;?", re.I)
CSS_DANGER = re.compile(r"url\s*\(|image-set|@import|expression\s*\(|behavior\s*:|-moz-binding", re.I)
CSS_ESCAPE = re.compile(r"\\([0-9a-f]{1,6}\s?|.)", re.I | re.S)


def _css_unescape(text: str) -> str:
    def one(m: re.Match) -> str:
        s = m.group(1)
        if re.fullmatch(r"[0-9a-f]{1,6}\s?", s, re.I):
            try:
                return chr(int(s.strip(), 16))
            except (ValueError, OverflowError):
                return ""
        return s
    return CSS_ESCAPE.sub(one, text)


XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    """Control characters lxml will not store (the parser let them through in the page)."""
    return XML_UNSAFE.sub("", text)


def _clean_css(text: str, removed: dict[str, int]) -> str | None:
    """The CSS without @import and url(...); None when it cannot be cleaned safely (markup
    in it, or escapes that spell a fetch once decoded)."""
    if "<" in text:
        removed["unsafe style"] = removed.get("unsafe style", 0) + 1
        return None
    out, n = CSS_IMPORT.subn("", text)
    if n:
        removed["CSS @import"] = removed.get("CSS @import", 0) + n
    out, n = CSS_URL.subn("none", out)
    if n:
        removed["CSS url()"] = removed.get("CSS url()", 0) + n
    if CSS_DANGER.search(_css_unescape(out)) or re.search(r"expression\s*\(|behavior\s*:|-moz-binding", out, re.I):
        removed["unsafe style"] = removed.get("unsafe style", 0) + 1
        return None
    return out


META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([a-z0-9_.:-]+)""", re.I)


def _html_encoding(data: bytes) -> str:
    """The page's encoding as a browser would take it: a BOM, then a <meta> charset, then
    UTF-8 if the bytes are valid UTF-8, else windows-1252."""
    import codecs
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    m = META_CHARSET.search(data[:4096])
    if m:
        try:
            return codecs.lookup(m.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "windows-1252"


def sanitise_html(data: bytes) -> tuple[bytes, dict[str, int]]:
    """Pure: the page as UTF-8 HTML that loads nothing and runs nothing, and what was
    removed (by kind, counted). Text, tables, lists and inline styles stay, so the page
    prints as its readers see it."""
    import lxml.etree as etree
    import lxml.html

    removed: dict[str, int] = {}

    def count(what: str, n: int = 1) -> None:
        removed[what] = removed.get(what, 0) + n

    parser = lxml.html.HTMLParser(encoding=_html_encoding(data), remove_comments=True, remove_pis=True,
                                  no_network=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractionError("conversion_failed", f"the HTML could not be parsed: {exc}") from None
    stack = [root]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str):          # comments, PIs, entities left by the parser
            if el.getparent() is not None:
                el.drop_tree()
            continue
        tag = el.tag.lower().split("}")[-1]
        children = list(el)
        if tag in DROP_ELEMENTS:
            count(tag)
            if tag in HTML5_VOID:
                # libxml2 does not know these are void: what it put inside is the page's
                # content that follows them, kept (and cleaned in turn)
                el.drop_tag()
                stack.extend(reversed(children))
            else:
                el.drop_tree()
            continue
        if tag == "meta" and (el.get("http-equiv") is not None or el.get("charset") is not None):
            if el.get("http-equiv") is not None and (el.get("http-equiv") or "").lower() != "content-type":
                count(f"meta {el.get('http-equiv').lower()}")
            el.drop_tree()
            continue
        for name in list(el.attrib):
            low = name.lower()
            value = el.attrib[name]
            if low.startswith("on"):
                count("event handler")
                del el.attrib[name]
            elif low in URL_ATTRIBUTES or low.endswith(":href") or (low == "href" and tag not in ("a", "area")):
                if tag == "img" and low == "src" and SAFE_DATA_IMAGE.match(value):
                    continue
                count(f"{tag} {low}" if low in ("src", "srcset", "href") else f"{low} attribute")
                del el.attrib[name]
            elif low == "href" and re.match(r"\s*(javascript|vbscript|data|file):", value, re.I):
                count("script link")
                del el.attrib[name]
            elif low == "style":
                cleaned = _clean_css(value, removed)
                if cleaned is None:
                    del el.attrib[name]
                else:
                    el.attrib[name] = _xml_safe(cleaned)
        if tag == "style":
            cleaned = _clean_css(el.text or "", removed)
            if cleaned is None:
                el.drop_tree()
                continue
            el.text = _xml_safe(cleaned)
        stack.extend(reversed(children))
    head = root.find("head")
    if head is None:
        head = etree.Element("head")
        root.insert(0, head)
    meta = etree.Element("meta", charset="utf-8")
    head.insert(0, meta)
    # the page's own doctype, or none: a page without one renders in quirks mode, and
    # adding one would change its layout (tables, fonts)
    doctype = root.getroottree().docinfo.doctype or None
    html = lxml.html.tostring(root, encoding="utf-8", method="html", doctype=doctype)
    return html, removed


# ------------------------------------------------------------------ DOCX sanitising

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
KEPT_EXTERNAL = ("/hyperlink",)      # never loaded by a conversion; the PDF keeps the link
LOADING_FIELDS = re.compile(r"^\s*(INCLUDEPICTURE|INCLUDETEXT|LINK|DDE|DDEAUTO|IMPORT)\b", re.I)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAX_PART_BYTES = 200 * 1024 * 1024


def _safe_xml(raw: bytes, name: str):
    import lxml.etree as etree
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:
        raise ExtractionError("conversion_failed", f"the DOCX part {name} declares a DTD (XML entities are not allowed)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        return etree.fromstring(raw, parser=parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ExtractionError("conversion_failed", f"the DOCX part {name} is not well-formed XML: {exc}") from None


def sanitise_docx(data: bytes) -> tuple[bytes, dict[str, int]]:
    """Pure: the DOCX without anything a converter would fetch (external relationships but
    hyperlinks, fields that include a file or a URL), and what was removed."""
    import lxml.etree as etree
    removed: dict[str, int] = {}
    try:
        zin = zipfile.ZipFile(io.BytesIO(data))
        infos = zin.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ExtractionError("conversion_failed", f"the DOCX is not a readable zip file: {exc}") from None
    out = io.BytesIO()
    with zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in infos:
            name = info.filename
            if info.file_size > MAX_PART_BYTES:
                raise ExtractionError("conversion_failed", f"the DOCX part {name} is {info.file_size} bytes unpacked")
            try:
                raw = zin.read(info)
            except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, NotImplementedError) as exc:
                raise ExtractionError("conversion_failed", f"the DOCX part {name} cannot be read: {exc}") from None
            low = name.lower()
            if low.endswith(".rels"):
                root = _safe_xml(raw, name)
                for rel in list(root):
                    if (rel.get("TargetMode") or "").lower() == "external" and \
                            not (rel.get("Type") or "").endswith(KEPT_EXTERNAL):
                        kind = (rel.get("Type") or "").rsplit("/", 1)[-1] or "relationship"
                        removed[f"external {kind}"] = removed.get(f"external {kind}", 0) + 1
                        root.remove(rel)
                raw = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            elif low.endswith(".xml") and (b"instrText" in raw or b"fldSimple" in raw):
                root = _safe_xml(raw, name)
                n = 0
                for el in root.iter(f"{{{W_NS}}}instrText"):
                    if el.text and LOADING_FIELDS.match(el.text):
                        el.text, n = "", n + 1
                for el in root.iter(f"{{{W_NS}}}fldSimple"):
                    if LOADING_FIELDS.match(el.get(f"{{{W_NS}}}instr") or ""):
                        el.set(f"{{{W_NS}}}instr", "")
                        n += 1
                if n:
                    removed["linking field"] = removed.get("linking field", 0) + n
                raw = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            elif low.endswith((".xml", ".xml.rels")) and (b"<!DOCTYPE" in raw or b"<!ENTITY" in raw):
                _safe_xml(raw, name)   # raises
            zi = zipfile.ZipInfo(name, date_time=info.date_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, raw)
    return out.getvalue(), removed


# ------------------------------------------------------------------ running a converter

@lru_cache(maxsize=1)
def network_namespace() -> list[str]:
    """The command prefix that runs a converter with no network at all (a new user and
    network namespace), or [] where the kernel or the container does not allow it."""
    exe = shutil.which("unshare")
    if not exe:
        return []
    try:
        ok = subprocess.run([exe, "-rn", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        ok = False
    return [exe, "-rn"] if ok else []


DEAD_PROXY = "127.0.0.1:9"     # the discard port: nothing listens, every request fails at once


def chromium_command(exe: str, profile: Path) -> list[str]:
    """Headless Chromium driven over a DevTools pipe (extract/_sandbox.py prints the page
    with script execution disabled: `--print-to-pdf` cannot print with JavaScript off)."""
    return [exe, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
            # no network, no background traffic
            f"--proxy-server={DEAD_PROXY}", "--proxy-bypass-list=<-loopback>",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions", "--disable-domain-reliability",
            "--disable-client-side-phishing-detection", "--disable-breakpad", "--disable-crash-reporter",
            "--no-default-browser-check", "--no-first-run", "--no-pings", "--disable-remote-fonts",
            "--disable-features=NetworkPrediction,Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
            "--dns-prefetch-disable", "--deny-permission-prompts",
            f"--user-data-dir={profile}", "about:blank"]


LO_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>2</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseLocking" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetProxyType" oor:op="fuse"><value>2</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPProxyName" oor:op="fuse"><value>127.0.0.1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPProxyPort" oor:op="fuse"><value>9</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPSProxyName" oor:op="fuse"><value>127.0.0.1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPSProxyPort" oor:op="fuse"><value>9</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetNoProxy" oor:op="fuse"><value></value></prop></item>
</oor:items>
"""


def soffice_command(exe: str, src: Path, outdir: Path, profile: Path) -> list[str]:
    return [exe, "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
            f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf", "--outdir", str(outdir), str(src)]


def run_sandboxed(cmd: list[str], tmpdir: Path, limits: ConverterLimits, cdp: dict | None = None) -> dict:
    """Run `cmd` under the watchdog (extract/_sandbox.py) and return its report: status ok,
    timeout or memory, the converter's exit code, peak memory and seconds. The watchdog
    leads a new session; it and everything under it are killed here if it does not answer
    in time, and killed by it if this process dies."""
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "TZ", "FONTCONFIG_PATH")}
    env.update(HOME=str(tmpdir), TMPDIR=str(tmpdir), XDG_CONFIG_HOME=str(tmpdir / "xdg"),
               XDG_CACHE_HOME=str(tmpdir / "xdg"), http_proxy=f"http://{DEAD_PROXY}",
               https_proxy=f"http://{DEAD_PROXY}", no_proxy="")
    spec = {"cmd": cmd, "seconds": limits.seconds, "memory_mb": limits.memory_mb, "tmpdir": str(tmpdir),
            "parent": os.getpid(), "env": env, "cdp": cdp}
    proc = subprocess.Popen([sys.executable, "-I", "-S", str(WATCHDOG), json.dumps(spec)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=limits.seconds + 15)
    except subprocess.TimeoutExpired:
        out = b""
    finally:
        _kill_session(proc)
    try:
        return json.loads(out.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"status": "timeout" if proc.returncode is None or proc.returncode < 0 else "crashed",
                "returncode": proc.returncode}


def _why(report: dict, log: Path) -> str:
    """The converter's exit code and the last line it printed, for the error message."""
    try:
        lines = [l for l in log.read_text(errors="replace").splitlines() if l.strip()]
    except OSError:
        lines = []
    last = f": {lines[-1].strip()[:200]}" if lines else ""
    if report.get("error"):
        last = f": {report['error'][:200]}"
    return f" (converter exit code {report.get('returncode')}{last})"


def _kill_session(proc: subprocess.Popen) -> None:
    import signal
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except OSError:
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


def sanitise(data: bytes, kind: str) -> tuple[bytes, dict[str, int]]:
    if kind == "docx":
        return sanitise_docx(data)
    if kind == "html":
        return sanitise_html(data)
    raise ExtractionError("unsupported_format", f"cannot convert {kind}")


def convert(data: bytes, kind: str, limits: ConverterLimits = ConverterLimits()) -> Conversion:
    """Sanitise, then convert in the sandbox; the PDF and what sanitising removed. Raises
    ExtractionError: converter_unavailable, conversion_failed, timeout, memory_limit."""
    limits = _limits_now(limits)
    _converter(kind)          # a missing converter is reported before any work
    clean, removed = sanitise(data, kind)
    pdf, report, isolated = run_converter(clean, kind, limits)
    return Conversion(pdf, removed, isolated, float(report.get("peak_mb") or 0.0))


def _converter(kind: str) -> str:
    if kind == "docx":
        exe = _soffice()
        if not exe:
            raise ExtractionError("converter_unavailable",
                                  "a DOCX needs LibreOffice to be converted (apt-get install libreoffice-writer-nogui)")
        return exe
    if kind == "html":
        exe = _chromium()
        if not exe:
            raise ExtractionError("converter_unavailable",
                                  "an HTML page needs Chromium to be printed (apt-get install chromium)")
        return exe
    raise ExtractionError("unsupported_format", f"cannot convert {kind}")


def run_converter(data: bytes, kind: str, limits: ConverterLimits, isolate: bool = True) -> tuple[bytes, dict, bool]:
    """The converter alone on `data` as given (no sanitising), in its own temporary folder
    and profile, under the watchdog, in a network namespace when `isolate` and the kernel
    allow it. (pdf, watchdog report, isolated). convert() is the entry point; the tests
    call this to check each layer of the sandbox on its own."""
    exe = _converter(kind)
    tmpdir = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX))
    try:
        profile = tmpdir / "profile"
        out = tmpdir / "plan.pdf"
        cdp = None
        if kind == "docx":
            src = tmpdir / "plan.docx"
            (profile / "user").mkdir(parents=True)
            (profile / "user" / "registrymodifications.xcu").write_text(LO_SETTINGS, encoding="utf-8")
            cmd = soffice_command(exe, src, tmpdir, profile)
        else:
            src = tmpdir / "plan.html"
            cmd = chromium_command(exe, profile)
            cdp = {"url": src.as_uri(), "out": str(out)}
        src.write_bytes(data)
        prefix = network_namespace() if isolate else []
        report = run_sandboxed(prefix + cmd, tmpdir, limits, cdp)
        status = report.get("status")
        if status == "timeout":
            raise ExtractionError("timeout", f"converting the {kind.upper()} to PDF took longer than "
                                             f"{limits.seconds:g} s and was stopped")
        if status == "memory":
            raise ExtractionError("memory_limit", f"converting the {kind.upper()} to PDF needed more than "
                                                  f"{limits.memory_mb} MB and was stopped")
        if not out.exists() or out.stat().st_size == 0:
            raise ExtractionError("conversion_failed", f"the {kind.upper()} could not be converted to PDF"
                                                       f"{_why(report, tmpdir / 'converter.log')}")
        return out.read_bytes(), report, bool(prefix)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def to_pdf(data: bytes, kind: str, timeout: float = 90.0) -> bytes:
    """The PDF alone (review pages, the sample generator): same sandbox as convert()."""
    return convert(data, kind, ConverterLimits(seconds=timeout)).pdf
