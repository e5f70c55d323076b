"""DOCX and HTML plans given directly: converted to PDF at the edge (LibreOffice for Word,
headless Chromium for web pages, as institutions themselves print them), then read by the
same PDF path, so page and box provenance mean the same thing for every input."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .pdf import ExtractionError

CONVERTIBLE = {".docx": "docx", ".html": "html", ".htm": "html"}


def _lift_address_limit() -> None:
    """Browsers and LibreOffice reserve far more address space than they use (Chromium's V8
    cage alone is many GB), so the worker's RLIMIT_AS would kill them at start-up. The
    converter has its own time limit; the worker's memory limit still covers the parsing."""
    import resource
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _chromium() -> str | None:
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


def to_pdf(data: bytes, kind: str, timeout: float = 90.0) -> bytes:
    with tempfile.TemporaryDirectory(prefix="tcplans-convert-") as tmp:
        tmpdir = Path(tmp)
        if kind == "docx":
            exe = _soffice()
            if not exe:
                raise ExtractionError("converter_unavailable",
                                      "a DOCX needs LibreOffice to be converted (apt-get install libreoffice-writer-nogui)")
            src = tmpdir / "plan.docx"
            src.write_bytes(data)
            cmd = [exe, "--headless", f"-env:UserInstallation=file://{tmpdir}/profile", "--convert-to", "pdf",
                   "--outdir", str(tmpdir), str(src)]
            out = tmpdir / "plan.pdf"
        elif kind == "html":
            exe = _chromium()
            if not exe:
                raise ExtractionError("converter_unavailable",
                                      "an HTML page needs Chromium to be printed (apt-get install chromium)")
            src = tmpdir / "plan.html"
            src.write_bytes(data)
            out = tmpdir / "plan.pdf"
            cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                   "--disable-component-update", "--disable-sync", "--no-first-run",
                   f"--user-data-dir={tmpdir}/profile", "--no-pdf-header-footer", f"--print-to-pdf={out}",
                   src.as_uri()]
        else:
            raise ExtractionError("unsupported_format", f"cannot convert {kind}")
        try:
            subprocess.run(cmd, capture_output=True, timeout=timeout, check=False, preexec_fn=_lift_address_limit)
        except subprocess.TimeoutExpired:
            raise ExtractionError("conversion_failed", f"converting the {kind.upper()} to PDF took over {timeout:g} s")
        if not out.exists() or out.stat().st_size == 0:
            raise ExtractionError("conversion_failed", f"the {kind.upper()} could not be converted to PDF")
        return out.read_bytes()
