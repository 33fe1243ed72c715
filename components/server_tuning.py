"""Process-wide settings the app applies once, on its first run, because the measurements
in docs/performance.md showed what they cost. They change how soon a screen arrives, never
what it shows.

Garbage collection: the content, the engine's graphs and Streamlit's own modules are
loaded once and live as long as the process, yet every full collection walked them all
again: about 100 ms with the interpreter lock held, a pause every click in flight waited
for (11 of them in one 100-person paced run). `gc.freeze()` after the first run moves
everything alive at that point into the permanent generation, which collections skip;
what sessions create later is collected as before.

`streamlit run` (Streamlit 1.67, Starlette/uvicorn) creates its listening socket with
protocol number 0, and asyncio only switches Nagle's algorithm off (TCP_NODELAY) on
sockets created as IPPROTO_TCP. With Nagle on, the messages of a rerun after the first
wait for the browser's delayed acknowledgement: about 40 ms more per click on Linux, up
to 200 ms with Windows' default. Linux gives the listener's TCP_NODELAY to every
connection it accepts, so the option is set on this process's TCP sockets (the listener
and the connections already accepted). Elsewhere, or when /proc is missing, nothing
happens. (The other server-side fix, no full garbage collection after every run, is
`runner.postScriptGC` in `.streamlit/config.toml`.)
"""

from __future__ import annotations

import functools
import gc
import logging
import os
import socket

log = logging.getLogger("remedy.app")
FD_DIR = "/proc/self/fd"


def tcp_sockets_nodelay() -> int:
    """Set TCP_NODELAY on every TCP socket of this process; return how many."""
    if not os.path.isdir(FD_DIR):
        return 0
    done = 0
    for name in os.listdir(FD_DIR):
        try:
            fd = os.dup(int(name))  # a duplicate: ours to close, the original stays untouched
        except (OSError, ValueError):
            continue  # closed in the meantime (the listing's own descriptor)
        try:
            sock = socket.socket(fileno=fd)
        except OSError:
            os.close(fd)  # not a socket
            continue
        with sock:
            if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM:
                try:
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    done += 1
                except OSError:
                    pass
    return done


@functools.cache
def once() -> None:
    """Apply the settings the first time the app runs in this process (content loaded)."""
    try:
        tcp_sockets_nodelay()
    except Exception as exc:  # noqa: BLE001 - a tuning must never stop the app
        log.warning("TCP_NODELAY not set: %s", type(exc).__name__)
    gc.collect()  # what the start-up left as garbage is not frozen with the rest
    gc.freeze()
