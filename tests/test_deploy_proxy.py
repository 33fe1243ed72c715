"""The documented nginx configuration (docs/deploy/nginx.conf), tested on localhost: two
app instances behind it, complete interviews through it, every request of one person on
one instance (also after a dropped websocket), people spread over both instances.

Needs Debian's nginx (apt-get install -y nginx, done by .ci/run); skipped without it on a
developer machine, failed under CI=true.
"""

from __future__ import annotations

import os

import pytest

from harness import two_instances


def test_two_instances_behind_nginx_keep_each_person_on_one_instance() -> None:
    if two_instances.find_nginx() is None:
        reason = "nginx is not installed (apt-get install -y nginx)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    report = two_instances.check(load=0)
    assert "people on both instances" in report[0]
