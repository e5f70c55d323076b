"""Watchdog for one converter run (LibreOffice or Chromium), started by extract/convert.py as
`python -I extract/_sandbox.py SPEC` in a new session, so it leads its own process group.

It runs the converter inside that group and, every POLL seconds, sums the proportional
memory (PSS) of every process in the group and below it. It kills the whole group, removes
the converter's temporary folder and reports when:

- the converter ran longer than `seconds` (report: timeout),
- the group's memory passed `memory_mb` (report: memory),
- the process that started it (the batch worker) died: the kernel sends this watchdog
  SIGTERM (PR_SET_PDEATHSIG), so a worker killed by its own time limit, by kill -9 or by
  a lost Dask worker never leaves a browser or a soffice.bin behind.

When the converter ends by itself, whatever it left running in the group (helpers,
zygotes, crash handlers) is killed too. The report is one JSON line on stdout.

Standard library only, and no import of the project: it starts in a few milliseconds.
"""
from __future__ import annotations

import base64
import ctypes
import fcntl
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36
POLL = 0.05


def _prctl(option: int, arg: int) -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(option, arg, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _stat(pid: int) -> tuple[int, int, int] | None:
    """(ppid, pgrp, session) of a process, or None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            raw = fh.read()
    except OSError:
        return None
    fields = raw[raw.rfind(b")") + 2:].split()
    try:
        return int(fields[1]), int(fields[2]), int(fields[3])
    except (IndexError, ValueError):
        return None


def members(me: int) -> list[int]:
    """Every live process in this session or process group, or descending from this
    watchdog (a subreaper: orphans of the converter are re-parented to it), itself apart."""
    table: dict[int, tuple[int, int, int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            st = _stat(int(name))
            if st is not None:
                table[int(name)] = st
    found = {pid for pid, (_, pgrp, sid) in table.items() if pgrp == me or sid == me}
    grew = True
    while grew:
        grew = False
        for pid, (ppid, _, _) in table.items():
            if pid not in found and (ppid == me or ppid in found):
                found.add(pid)
                grew = True
    found.discard(me)
    return sorted(found)


def memory_mb(pids: list[int]) -> float:
    """Proportional set size (shared pages divided among the processes sharing them) plus
    swap, summed over the group: what the converter as a whole costs the machine."""
    total = 0
    for pid in pids:
        kb = 0
        try:
            with open(f"/proc/{pid}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith(("Pss:", "SwapPss:")):
                        kb += int(line.split()[1])
        except (OSError, ValueError):
            try:
                with open(f"/proc/{pid}/status") as fh:
                    kb = sum(int(l.split()[1]) for l in fh if l.startswith(("VmRSS:", "VmSwap:")))
            except (OSError, ValueError):
                kb = 0
        total += kb
    return total / 1024


def kill_all(me: int) -> None:
    """SIGKILL every member until none is left (a process forking while it is killed is
    caught on the next round)."""
    for _ in range(50):
        pids = members(me)
        if not pids:
            return
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        _reap()
        time.sleep(0.02)


def _reap() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


class Pipe:
    """Chrome DevTools protocol over --remote-debugging-pipe (fd 3 in, fd 4 out of the
    browser; messages are JSON ended by a NUL byte)."""

    def __init__(self, write_fd: int, read_fd: int):
        self.w, self.r, self.buf, self.next_id = write_fd, read_fd, b"", 0

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> int:
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        data = json.dumps(msg).encode() + b"\0"
        while data:
            data = data[os.write(self.w, data):]
        return self.next_id

    def recv(self) -> dict:
        while b"\0" not in self.buf:
            chunk = os.read(self.r, 1 << 20)
            if not chunk:
                raise EOFError("the browser closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method: str, params: dict | None = None, session: str | None = None,
             events: list | None = None) -> dict:
        want = self.send(method, params, session)
        while True:
            msg = self.recv()
            if msg.get("id") == want:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error'].get('message')}")
                return msg.get("result") or {}
            if events is not None and "method" in msg:
                events.append(msg["method"])


def print_page(pipe: Pipe, url: str, out: str, result: dict) -> None:
    """Open url in a new tab with script execution disabled, wait for its load event,
    print it to out (page size from the page's own CSS, backgrounds printed, no header or
    footer: what `chromium --headless --print-to-pdf --no-pdf-header-footer` gives, minus
    JavaScript, which that command cannot turn off)."""
    try:
        target = pipe.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = pipe.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        pipe.call("Emulation.setScriptExecutionDisabled", {"value": True}, session)
        pipe.call("Page.enable", {}, session)
        events: list[str] = []
        nav = pipe.call("Page.navigate", {"url": url}, session, events)
        if nav.get("errorText"):
            raise RuntimeError(f"the page could not be opened: {nav['errorText']}")
        while "Page.loadEventFired" not in events:
            msg = pipe.recv()
            if "method" in msg:
                events.append(msg["method"])
        pdf = pipe.call("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True,
                                            "displayHeaderFooter": False}, session)
        with open(out, "wb") as fh:
            fh.write(base64.b64decode(pdf["data"]))
        try:
            pipe.send("Browser.close")
        except OSError:
            pass
        result["printed"] = True
    except Exception as exc:  # noqa: BLE001 - reported, the watchdog ends the browser
        result["error"] = f"{type(exc).__name__}: {exc}"


def main() -> int:
    spec = json.loads(sys.argv[1])
    me = os.getpid()
    tmpdir = spec.get("tmpdir")

    def cleanup_and_exit(signum=None, frame=None):
        kill_all(me)
        if tmpdir:
            shutil.rmtree(tmpdir, ignore_errors=True)
        os._exit(128 + (signum or 15))

    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, cleanup_and_exit)
    _prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    _prctl(PR_SET_CHILD_SUBREAPER, 1)
    if os.getppid() != spec["parent"]:      # the worker died before PDEATHSIG was armed
        cleanup_and_exit()
    # Browsers and LibreOffice reserve far more address space than they use (Chromium's V8
    # cage alone is many GB): the worker's RLIMIT_AS is lifted here, and the group's
    # measured memory is bounded instead.
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))

    def arm():
        _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)

    cdp = spec.get("cdp")
    pass_fds: tuple = ()
    if cdp:
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()

        def arm():   # noqa: F811 - and the browser's end of the pipes on fds 3 and 4
            _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
            a = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)
        pass_fds = (3, 4, to_browser_r, from_browser_w)
    result: dict = {}
    with open(os.path.join(tmpdir, "converter.log"), "wb") as log:
        start = time.monotonic()
        proc = subprocess.Popen(spec["cmd"], stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                cwd=tmpdir, env=spec.get("env"), preexec_fn=arm, pass_fds=pass_fds)
        if cdp:
            os.close(to_browser_r)
            os.close(from_browser_w)
            driver = threading.Thread(target=print_page, daemon=True,
                                      args=(Pipe(to_browser_w, from_browser_r), cdp["url"], cdp["out"], result))
            driver.start()
        status, peak = "ok", 0.0
        limit_s, limit_mb = float(spec["seconds"]), float(spec["memory_mb"])
        while proc.poll() is None and not (cdp and not driver.is_alive()):
            if time.monotonic() - start > limit_s:
                status = "timeout"
                break
            used = memory_mb(members(me))
            peak = max(peak, used)
            if used > limit_mb:
                status = "memory"
                break
            time.sleep(POLL)
        if cdp and status == "ok" and result.get("printed"):
            try:                     # Browser.close was sent: a moment to exit cleanly
                proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                pass
        kill_all(me)
        proc.wait()
    print(json.dumps({"status": status, "returncode": proc.returncode, "peak_mb": round(peak, 1),
                      "seconds": round(time.monotonic() - start, 3), "error": result.get("error")}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
