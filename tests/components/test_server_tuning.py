"""The process-wide settings of the app: TCP_NODELAY on the server's sockets, so a rerun's
messages are not held back by Nagle's algorithm, and the start-up objects frozen out of
garbage collection (docs/performance.md)."""

from __future__ import annotations

import gc
import os
import socket
import sys

import pytest

from components import server_tuning

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc/self/fd")


def _nodelay(sock: socket.socket) -> bool:
    return bool(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))


@linux_only
def test_listener_gets_nodelay_and_hands_it_to_new_connections() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0) as listener:  # protocol 0, as Streamlit does
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        assert not _nodelay(listener)
        assert server_tuning.tcp_sockets_nodelay() >= 1
        assert _nodelay(listener)
        with socket.create_connection(listener.getsockname(), timeout=5):
            accepted, _ = listener.accept()
            with accepted:
                assert _nodelay(accepted)


@linux_only
def test_other_descriptors_are_left_alone_and_stay_open() -> None:
    read_end, write_end = os.pipe()
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as unix:
            server_tuning.tcp_sockets_nodelay()
            assert unix.fileno() >= 0
        os.write(write_end, b"x")
        assert os.read(read_end, 1) == b"x"
    finally:
        os.close(read_end)
        os.close(write_end)


def test_first_run_freezes_what_was_loaded_and_later_garbage_is_still_collected() -> None:
    """What the process loaded before the first run is kept out of full collections; a
    reference cycle a session leaves behind afterwards is still collected."""
    server_tuning.once.cache_clear()
    gc.unfreeze()
    try:
        server_tuning.once()
        assert gc.get_freeze_count() > 0

        class Node:
            pass

        a, b = Node(), Node()
        a.other, b.other = b, a
        del a, b
        assert gc.collect() >= 2
    finally:
        gc.unfreeze()
