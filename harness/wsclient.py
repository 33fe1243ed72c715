"""A person using the app, spoken in Streamlit's own websocket protocol, without a browser.

Many Chromium pages on a 2-core machine would measure Chromium, not the server. This
client sends what the browser sends (a `BackMsg.rerun_script` with the widget states) and
reads what the server answers (`ForwardMsg` deltas until `script_finished`), so a load
test can run dozens of people from one small process. Widgets are found by their user
key, which Streamlit puts at the end of the element id (`$$ID-<hash>-<key>`); the app's
keys are described in `docs/app.md` and `harness/driver.py`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from dataclasses import dataclass, field
from typing import Any

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

EARLY_FOR_RERUN = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN
FRAGMENT_DONE = ForwardMsg.ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
MAX_CLICKS = 60  # an interview has about 15 screens; a loop is a bug, not a long interview


class ProtocolError(RuntimeError):
    """The server answered something a person could not have gone on from."""


@dataclass
class Screen:
    """What one script run drew: widgets by user key, headings, and the run's cost."""

    widgets: dict[str, tuple[str, Any]] = field(default_factory=dict)  # key -> (element type, proto)
    fragments: dict[str, str] = field(default_factory=dict)  # key -> id of the fragment it is drawn in
    headings: list[str] = field(default_factory=list)
    messages: int = 0
    nbytes: int = 0
    fragment_run: bool = False  # only fragments were redrawn: the rest of the page stays

    def has(self, key: str) -> bool:
        return key in self.widgets

    def keys_with(self, prefix: str) -> list[str]:
        return [k for k in self.widgets if k.startswith(prefix)]

    @property
    def stage(self) -> str:
        """Which guide screen this is, from the buttons only that screen has."""
        if self.has("begin"):
            return "start"
        if self.has("next"):
            return "interview"
        if self.has("see_results"):
            return "review"
        if self.has("to_review"):
            return "results"
        return "unknown"


def _user_key(element_id: str) -> str | None:
    parts = element_id.split("-", 2)
    return parts[2] if len(parts) == 3 and parts[0] == "$$ID" and parts[2] != "None" else None


class Session:
    """One browser tab's websocket: `open` runs the page, `click` reruns it with widget values."""

    def __init__(self, url: str, headers: dict[str, str] | None = None, timeout: float = 60) -> None:
        self.url = url
        self.headers = headers or {}
        self.timeout = timeout
        self.ws: ClientConnection | None = None
        self.session_id = ""
        self.screen = Screen()

    async def open(self, locale: str = "en-GB", existing_session: str = "") -> float:
        """Connect and run the page as a browser does on load; return milliseconds to the drawn screen."""
        # The browser sends ["streamlit", <XSRF token>, <session id>] to resume a session; the
        # token only guards login cookies, which this app has none of, so any token will do.
        protocols = ["streamlit", "no-login", existing_session] if existing_session else ["streamlit"]
        self.ws = await connect(
            self.url,
            subprotocols=protocols,  # type: ignore[arg-type]
            additional_headers=self.headers,
            max_size=None,
            open_timeout=self.timeout,
            ping_interval=None,
            compression=None,  # as the browser ends up: Streamlit's server.enableWebsocketCompression is off
        )
        self._locale = locale
        return await self.rerun({})

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.ws = None

    async def rerun(self, values: dict[str, WidgetState], trigger: str | None = None) -> float:
        """Send the widget values (and a button press); wait for the finished run; return ms."""
        msg = BackMsg()
        rerun = msg.rerun_script
        rerun.query_string = ""
        rerun.page_script_hash = ""
        rerun.context_info.locale = self._locale
        rerun.context_info.timezone = "Europe/Brussels"
        rerun.context_info.url = self.url
        for state in values.values():
            rerun.widget_states.widgets.append(state)
        if trigger is not None:
            press = rerun.widget_states.widgets.add()
            press.id = self.widget_id(trigger)
            press.trigger_value = True
            # As the browser does: a widget inside a fragment reruns only that fragment.
            rerun.fragment_id = self.screen.fragments.get(trigger, "")
        started = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        drawn = await asyncio.wait_for(self._read_run(), self.timeout)
        self.screen = self._merge(drawn, rerun.fragment_id) if drawn.fragment_run else drawn
        return (time.perf_counter() - started) * 1000

    def _merge(self, drawn: Screen, fragment: str) -> Screen:
        """A fragment's rerun redraws only its own elements: keep the rest of the screen."""
        kept = {k: w for k, w in self.screen.widgets.items() if self.screen.fragments.get(k) != fragment}
        kept_fragments = {k: f for k, f in self.screen.fragments.items() if k in kept}
        return Screen(
            widgets={**kept, **drawn.widgets},
            fragments={**kept_fragments, **drawn.fragments},
            headings=drawn.headings,
            messages=drawn.messages,
            nbytes=drawn.nbytes,
            fragment_run=True,
        )

    async def _read_run(self) -> Screen:
        screen = Screen()
        while True:
            data = await self.ws.recv()
            fwd = ForwardMsg()
            fwd.ParseFromString(data)
            screen.messages += 1
            screen.nbytes += len(data)
            kind = fwd.WhichOneof("type")
            if kind == "new_session":
                self.session_id = fwd.new_session.initialize.session_id or self.session_id
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                element = fwd.delta.new_element
                etype = element.WhichOneof("type")
                proto = getattr(element, etype)
                key = _user_key(getattr(proto, "id", "") or "")
                if key:
                    screen.widgets[key] = (etype, proto)
                    if fwd.delta.fragment_id:
                        screen.fragments[key] = fwd.delta.fragment_id
                if etype == "heading":
                    screen.headings.append(proto.body)
            elif kind == "script_finished":
                if fwd.script_finished == EARLY_FOR_RERUN:  # the app called st.rerun(): keep reading
                    screen = Screen(messages=screen.messages, nbytes=screen.nbytes)
                    continue
                screen.fragment_run = fwd.script_finished == FRAGMENT_DONE
                return screen

    def widget_id(self, key: str) -> str:
        if key not in self.screen.widgets:
            raise ProtocolError(f"no widget with key {key!r} on the {self.screen.stage} screen")
        return self.screen.widgets[key][1].id

    async def click(self, button: str, values: dict[str, WidgetState] | None = None) -> float:
        return await self.rerun(values or {}, trigger=button)


def _state(widget_id: str, **value: Any) -> WidgetState:
    state = WidgetState(id=widget_id)
    for name, v in value.items():
        if name == "string_array_value":
            state.string_array_value.data.extend(v)
        else:
            setattr(state, name, v)
    return state


def first_answer(screen: Screen, today: dt.date | None = None) -> dict[str, WidgetState]:
    """Widget values that answer the question on screen with its first option, like the tests' driver."""
    values: dict[str, WidgetState] = {}
    boxes = screen.keys_with("q.")
    options = [k for k in boxes if ".opt." in k]
    if options:  # a "tick all that apply" question: tick the first box only
        first = options[0]
        for key in options:
            values[key] = _state(screen.widgets[key][1].id, bool_value=key == first)
        return values
    for key in boxes:
        etype, proto = screen.widgets[key]
        if etype == "radio":
            values[key] = _state(proto.id, string_value=proto.options[0])
        elif etype == "date_input":
            day = (today or dt.date.today()) - dt.timedelta(days=200)
            values[key] = _state(proto.id, string_array_value=[day.isoformat()])
        elif etype == "text_input":  # the postcode question
            values[key] = _state(proto.id, string_value="9000")
        elif etype == "selectbox":  # the country question: its first country
            values[key] = _state(proto.id, int_value=0)
    if not values:
        raise ProtocolError(f"no answer widget on the {screen.stage} screen")
    return values


async def interview(session: Session, think: float = 0.0, rng: Any = None) -> list[float]:
    """Start to results with the first option everywhere; return the milliseconds of every click."""
    times: list[float] = []

    async def pause() -> None:
        if think:
            await asyncio.sleep(think * (0.5 + rng.random()) if rng else think)

    while len(times) < MAX_CLICKS:
        stage = session.screen.stage
        await pause()
        if stage in ("start", "interview"):
            values = first_answer(session.screen)
            times.append(await session.click("begin" if stage == "start" else "next", values))
        elif stage == "review":
            times.append(await session.click("see_results"))
        elif stage == "results":
            return times
        else:
            raise ProtocolError(f"unexpected screen (headings {session.screen.headings[:3]})")
    raise ProtocolError(f"no results after {MAX_CLICKS} clicks")
