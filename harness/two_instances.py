"""Two app instances behind nginx on localhost, configured from docs/deploy/nginx.conf.

Checks what the deployment guide promises: a complete interview works through the proxy,
and everything of one person (the page, the websocket, a reconnect of the websocket)
reaches the same instance, where their session lives; different people are spread over
both instances. nginx runs as the current user with a temporary prefix, pid file and
logs; the access log records which instance served each request.

`python -m harness.two_instances [--load N]` also runs N people at once without
pauses through the proxy, to compare with one instance (`make loadtest`).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path

from harness.server import ROOT, AppServer, free_port, p95, run_coroutine
from harness.wsclient import Session, first_answer, interview

TEMPLATE = ROOT / "docs" / "deploy" / "nginx.conf"
COOKIE = "remedy_route"
MAX_PEOPLE = 40  # people are added until both instances have served someone
MIN_PEOPLE = 4
TIMEOUT = 60.0


class ProxyCheckFailed(AssertionError):
    """The proxy configuration does not do what docs/deploy.md says."""


def find_nginx() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)


def site_config(template: str, ports: tuple[int, int], listen: int) -> str:
    """The documented site file with the test's ports; each replaced line must exist once."""
    out = template
    for old, new in (
        ("server 127.0.0.1:8501;", f"server 127.0.0.1:{ports[0]};"),
        ("server 127.0.0.1:8502;", f"server 127.0.0.1:{ports[1]};"),
        ("listen 80;", f"listen 127.0.0.1:{listen};"),
    ):
        if out.count(old) != 1:
            raise ProxyCheckFailed(f"{TEMPLATE.name} should contain {old!r} exactly once")
        out = out.replace(old, new)
    return out


def main_config(prefix: Path) -> str:
    user = "user root;\n" if os.geteuid() == 0 else ""  # as root, workers would run as nobody
    temp = "".join(
        f"    {kind}_temp_path {prefix / 'tmp' / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"{user}worker_processes 1;\ndaemon off;\npid {prefix / 'nginx.pid'};\nerror_log {prefix / 'error.log'} warn;\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        f"    log_format check '$remedy_route $upstream_addr $request_method $uri $status';\n"
        f"    access_log {prefix / 'access.log'} check;\n"
        f"{temp}"
        f"    include {prefix / 'site.conf'};\n"
        "}\n"
    )


class Nginx:
    """nginx in the foreground as a child process, with everything under a temporary prefix."""

    def __init__(self, binary: str, ports: tuple[int, int]) -> None:
        self.binary = binary
        self.port = free_port()
        self.prefix = Path(tempfile.mkdtemp(prefix="remedy-nginx-"))
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.prefix / "tmp" / kind).mkdir(parents=True)
        (self.prefix / "site.conf").write_text(site_config(TEMPLATE.read_text(encoding="utf-8"), ports, self.port))
        (self.prefix / "nginx.conf").write_text(main_config(self.prefix))
        self.popen: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def command(self, *extra: str) -> list[str]:
        return [
            self.binary,
            "-p",
            str(self.prefix),
            "-c",
            str(self.prefix / "nginx.conf"),
            "-e",
            str(self.prefix / "error.log"),
            *extra,
        ]

    def __enter__(self) -> Nginx:
        test = subprocess.run(self.command("-t"), capture_output=True, text=True, timeout=30)
        if test.returncode != 0:
            raise ProxyCheckFailed(f"nginx -t rejected the configuration: {test.stderr[-1500:]}")
        self.popen = subprocess.Popen(
            self.command(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        deadline = time.monotonic() + 15
        while True:
            try:
                with urllib.request.urlopen(self.url + "_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        return self
            except OSError:
                pass
            if self.popen.poll() is not None or time.monotonic() > deadline:
                raise ProxyCheckFailed(f"nginx did not come up: {self.errors()}")
            time.sleep(0.1)

    def errors(self) -> str:
        log = self.prefix / "error.log"
        return log.read_text(errors="replace")[-1500:] if log.exists() else ""

    def access_log(self) -> list[list[str]]:
        log = self.prefix / "access.log"
        return [line.split() for line in log.read_text().splitlines()] if log.exists() else []

    def __exit__(self, *exc: object) -> None:
        if self.popen is not None and self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGQUIT)  # graceful: finishes open requests
            try:
                self.popen.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=10)
        shutil.rmtree(self.prefix, ignore_errors=True)


PRIVACY_HEADERS = {
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


def first_visit(base: str) -> str:
    """Load the page as a browser does and return the routing cookie nginx gave it."""
    with urllib.request.urlopen(base, timeout=TIMEOUT) as resp:
        resp.read()
        for name, value in PRIVACY_HEADERS.items():
            if resp.headers.get(name) != value:
                raise ProxyCheckFailed(f"the page came without the header {name}: {value}")
        jar = SimpleCookie()
        for header in resp.headers.get_all("Set-Cookie") or []:
            jar.load(header)
    if COOKIE not in jar:
        raise ProxyCheckFailed(f"the first response did not set the {COOKIE} cookie")
    return jar[COOKIE].value


async def person(base: str) -> str:
    """Page, part of the interview, a dropped and resumed websocket, the rest; return the cookie."""
    route = await asyncio.to_thread(first_visit, base)
    headers = {"Cookie": f"{COOKIE}={route}", "Origin": base.rstrip("/")}  # what a browser sends
    ws_url = base.replace("http://", "ws://") + "_stcore/stream"
    s = Session(ws_url, headers=headers, timeout=TIMEOUT)
    await s.open()
    await s.click("begin", first_answer(s.screen))
    await s.click("next", first_answer(s.screen))
    asked, session_id = s.screen.headings[-1], s.session_id
    await s.close()  # the connection drops; the browser reconnects to its session
    again = Session(ws_url, headers=headers, timeout=TIMEOUT)
    await again.open(existing_session=session_id)
    try:
        if again.session_id != session_id or again.screen.stage != "interview" or again.screen.headings[-1] != asked:
            raise ProxyCheckFailed("a reconnect through the proxy did not find the interview where it was left")
        await interview(again)
    finally:
        await again.close()
    return route


async def crowd(base: str, people: int, think: float = 0.0) -> list[list[float]]:
    """`people` complete interviews at once through the proxy; each person's click times (the
    last is the click to the results). `think` > 0 paces them as `make loadtest` does: a pause
    of 0.5-1.5 x `think` seconds before every click, everyone starting within `think` seconds."""

    async def one(i: int) -> list[float]:
        rng = random.Random(i)
        if think:
            await asyncio.sleep(rng.random() * think)
        route = await asyncio.to_thread(first_visit, base)
        s = Session(base.replace("http://", "ws://") + "_stcore/stream", headers={"Cookie": f"{COOKIE}={route}"})
        try:
            await s.open()
            return await interview(s, think=think, rng=rng)
        finally:
            await s.close()

    return list(await asyncio.gather(*(one(i) for i in range(people))))


def _load_line(people: int, how: str, per_person: list[list[float]]) -> str:
    times = [t for person in per_person for t in person]
    results = [person[-1] for person in per_person if person]
    return (
        f"{people} people at once through nginx, {how}, two instances: click median "
        f"{statistics.median(times):.0f} ms, p95 {p95(times):.0f} ms, max {max(times):.0f} ms, "
        f"results click p95 {p95(results):.0f} ms ({len(times)} clicks)"
    )


def check(load: int = 0, paced: int = 0) -> list[str]:
    """Run the whole check; return report lines; raise ProxyCheckFailed on any failure."""
    binary = find_nginx()
    if binary is None:
        raise FileNotFoundError("nginx is not installed (apt-get install -y nginx)")
    servers = [AppServer(), AppServer()]
    try:
        for srv in servers:
            srv.start(wait=False)
        for srv in servers:
            srv.wait_healthy()
        ports = (servers[0].port, servers[1].port)
        with Nginx(binary, ports) as proxy:
            routes: list[str] = []

            def served() -> dict[str, set[str]]:
                by_route: dict[str, set[str]] = {}
                for fields in proxy.access_log():
                    if len(fields) >= 2 and fields[1] != "-":
                        by_route.setdefault(fields[0], set()).update(fields[1].split(", "))
                return by_route

            while len(routes) < MAX_PEOPLE:
                routes.append(run_coroutine(asyncio.wait_for(person(proxy.url), TIMEOUT)))
                instances = {addr for r in routes for addr in served().get(r, set())}
                if len(routes) >= MIN_PEOPLE and len(instances) >= 2:
                    break
            by_route = served()
            for r in routes:
                if len(by_route.get(r, ())) != 1:
                    raise ProxyCheckFailed(
                        f"one person's requests reached {sorted(by_route.get(r, ()))}, not one instance"
                    )
            used = {next(iter(by_route[r])) for r in routes}
            expected = {f"127.0.0.1:{p}" for p in ports}
            if used != expected:
                raise ProxyCheckFailed(
                    f"{len(routes)} people all went to {sorted(used)}; expected both of {sorted(expected)}"
                )
            requests = sum(1 for f in proxy.access_log() if f[0] in routes)
            lines = [
                f"two instances behind nginx: {len(routes)} complete interviews (each with a dropped and resumed "
                f"websocket) through the proxy; each person's {requests // len(routes)} requests on average all "
                f"reached one instance; people on both instances ({sorted(used)})",
            ]
            if load:
                lines.append(
                    _load_line(load, "no pauses", run_coroutine(asyncio.wait_for(crowd(proxy.url, load), 300)))
                )
            if paced:
                per_person = run_coroutine(asyncio.wait_for(crowd(proxy.url, paced, think=1.0), 300))
                lines.append(_load_line(paced, "paced 0.5-1.5 s", per_person))
            if any(srv.popen.poll() is not None for srv in servers):
                raise ProxyCheckFailed("an instance stopped during the check")
            return lines
    finally:
        for srv in servers:
            srv.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--load", type=int, default=25, help="people at once through the proxy (0: none)")
    parser.add_argument("--paced", type=int, default=0, help="people at once, paced as in make loadtest (0: none)")
    args = parser.parse_args(argv)
    try:
        for line in check(args.load, args.paced):
            print(line)
    except FileNotFoundError as exc:
        print(f"two-instance check not run: {exc}")
        return 1 if os.environ.get("CI") == "true" else 0
    except ProxyCheckFailed as exc:
        print(f"two-instance check FAILED: {exc}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
