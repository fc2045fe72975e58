"""Headless Chromium driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``):
pages can be clicked, typed into and reloaded, and their downloads land in a folder, with no
package beyond the standard library."""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

HEADLESS_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FLAGS = [*HEADLESS_FLAGS, "--remote-debugging-pipe"]


def chromium() -> str | None:
    names = ("chromium", "chromium-browser", "google-chrome")
    return next((shutil.which(n) for n in names if shutil.which(n)), None)


class Browser:
    """One headless Chromium with one page; ``downloads`` receives what the page saves."""

    def __init__(self, binary: str, profile: Path, downloads: Path):
        to_child, self._write = os.pipe()  # the browser reads its commands on fd 3
        self._read, from_child = os.pipe()  # and writes its answers on fd 4

        def arrange() -> None:
            os.dup2(to_child, 3)
            os.dup2(from_child, 4)

        fds = [os.dup(fd) for fd in (to_child, from_child)]  # above 4, so dup2 cannot clobber
        os.close(to_child), os.close(from_child)
        to_child, from_child = fds
        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            pass_fds=(3, 4, to_child, from_child),
            preexec_fn=arrange,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_child), os.close(from_child)
        self._buffer = b""
        self._next = 0
        self.session: str | None = None
        downloads.mkdir(parents=True, exist_ok=True)
        self.call(
            "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
        )
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        attached = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})
        self.session = attached["sessionId"]

    def call(self, method: str, params: dict | None = None, timeout: float = 60) -> dict:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if self.session and not method.startswith(("Browser.", "Target.")):
            message["sessionId"] = self.session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                answer = json.loads(raw)
                if answer.get("id") == self._next:
                    if "error" in answer:
                        raise RuntimeError(f"{method}: {answer['error']}")
                    return answer["result"]
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._read], [], [], left)[0]:
                raise TimeoutError(f"{method}: no answer in {timeout} s")
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                raise EOFError("the browser closed its pipe")
            self._buffer += chunk

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (thrown errors raise)."""
        result = self.call(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:80]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 30) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                value = self.evaluate(expression)
            except RuntimeError:
                value = None
            if value:
                return value
            time.sleep(0.1)
        raise TimeoutError(f"waited {timeout} s for {expression}")

    def open(self, url: str, ready: str = "document.readyState === 'complete'") -> None:
        self.call("Page.navigate", {"url": url})
        self.wait_for(ready)

    def reload(self, ready: str = "document.readyState === 'complete'") -> None:
        self.call("Page.reload", {"ignoreCache": True})
        time.sleep(0.2)
        self.wait_for(ready)

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, TimeoutError, EOFError, OSError):
            self.call("Browser.close", timeout=10)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._write), os.close(self._read)


def wait_for_file(folder: Path, pattern: str, timeout: float = 30) -> Path:
    """A finished download (not a ``.crdownload``) in ``folder``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [p for p in folder.glob(pattern) if not p.name.endswith(".crdownload")]
        if done:
            return done[0]
        time.sleep(0.1)
    raise TimeoutError(f"no {pattern} in {folder} after {timeout} s")
