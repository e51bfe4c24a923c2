"""A lightweight browser tab for benchmarks: fetches a Voila page and speaks the Jupyter widget protocol.

It does what the page's JavaScript does, without drawing anything:

- GET the page (Voila renders it, or hands over a preheated kernel) and read `kernelId` from the
  `jupyter-config-data` script; the page's `xsrf.js` sets the `_xsrf` cookie, so this client does too;
- connect `/api/kernels/<id>/channels?session_id=...` with the v1 kernel websocket protocol, as the page does
  (jupyter_server passes the kernel's messages on as they are; JSON is the fallback);
- open a `jupyter.widget.control` comm and send `request_states`, as the widget manager
  (@jupyter-widgets/base-manager `_loadFromKernel`) does, and keep every model's state current from
  the kernel's `comm_open`, `update` and `comm_close` messages;
- send `update` (a control's new value) and `custom` messages (a button click, an anywidget message);
- close the tab: close the socket and post Voila's tab-close beacon, `POST /voila/api/shutdown/<id>`
  with the `_xsrf` value in a form, as Voila's widget manager does on `beforeunload`.

It is synchronous and uses only sockets (`requests`, `websocket-client`), so that under locust's gevent
forty of them share one process.
"""

from __future__ import annotations

import json
import secrets
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import requests
import websocket
from jupyter_server.services.kernels.connection.base import (
    deserialize_msg_from_ws_v1,
    serialize_msg_to_ws_v1,
)

WIDGET_TARGET = "jupyter.widget"
CONTROL_TARGET = "jupyter.widget.control"
PROTOCOL = "5.3"
# The kernel websocket protocol a browser's page asks for (@jupyterlab/services): jupyter_server then
# passes the kernel's messages on as they are, instead of decoding and re-encoding each one as JSON.
V1 = "v1.kernel.websocket.jupyter.org"

State = dict[str, Any]


def kernel_id_of(page: str) -> str:
    """The kernel id in a rendered Voila page (its `jupyter-config-data`)."""
    config = page.split('id="jupyter-config-data"', 1)[1].split(">", 1)[1].split("</script>", 1)[0]
    return json.loads(config)["kernelId"]


def decode_frame(payload: str | bytes, v1: bool = False) -> dict:
    """One kernel message from a websocket frame: the v1 protocol's frame (channel, header, parent
    header, metadata, content, buffers), JSON text, or the JSON protocol's binary frame (uint32
    count, uint32 offsets, the JSON message, then its buffers)."""
    if v1 and isinstance(payload, bytes):
        channel, parts = deserialize_msg_from_ws_v1(payload)
        header, parent, metadata, content = (json.loads(p) for p in parts[:4])
        return {
            "channel": channel,
            "header": header,
            "parent_header": parent,
            "metadata": metadata,
            "content": content,
            "buffers": parts[4:],
        }
    if isinstance(payload, str):
        return json.loads(payload)
    count = int.from_bytes(payload[:4], "big")
    offsets = [int.from_bytes(payload[4 * (i + 1) : 4 * (i + 2)], "big") for i in range(count)]
    ends = [*offsets[1:], len(payload)]
    msg = json.loads(payload[offsets[0] : ends[0]])
    msg["buffers"] = [payload[a:b] for a, b in zip(offsets[1:], ends[1:], strict=True)]
    return msg


class WidgetTab:
    """One open tab of a Voila page: its kernel, its widget models, and the bytes it received."""

    def __init__(
        self, http: requests.Session, base: str, path: str, timeout: float = 300.0
    ) -> None:
        self.http = http
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.models: dict[str, State] = {}
        self.bytes_in = 0
        self.session = uuid.uuid4().hex
        # Called with (model id, changed state, time received) for every update from the kernel.
        self.listeners: list[Callable[[str, State, float], None]] = []
        if "_xsrf" not in http.cookies:
            http.cookies.set("_xsrf", secrets.token_hex(16), path="/")
        started = time.monotonic()
        text = self._get(path)
        if 'http-equiv="refresh"' in text and "jupyter-config-data" not in text:
            # the short root URL: a page that sends the browser on to the overview
            text = self._get(
                text.split('http-equiv="refresh"', 1)[1].split("url=", 1)[1].split('"')[0]
            )
        self.kernel_id = kernel_id_of(text)
        self.page_seconds = time.monotonic() - started
        ws_url = self.base.replace("http", "ws", 1) + (
            f"/api/kernels/{self.kernel_id}/channels?session_id={self.session}"
        )
        cookie = "; ".join(f"{k}={v}" for k, v in http.cookies.items())
        # Under JupyterHub the client authenticates with a token header (benchmarks/hub.py).
        auth = http.headers.get("Authorization")
        header = [f"Authorization: {auth}"] if auth else None
        self.ws = websocket.create_connection(
            ws_url, timeout=timeout, cookie=cookie, header=header, subprotocols=[V1]
        )
        self.v1 = self.ws.getsubprotocol() == V1
        self.closed = False
        self.heartbeat: str | None = None  # the page's NowMarker, which the open page pings
        self._pinged = 0.0

    def _get(self, path: str) -> str:
        response = self.http.get(self.base + path, timeout=self.timeout, stream=True)
        raw = response.raw.read(decode_content=False)  # what crossed the wire (gzip)
        response.raise_for_status()
        self.bytes_in += len(raw) + sum(len(k) + len(v) + 4 for k, v in response.headers.items())
        return _decoded(response, raw)

    # -- the kernel channels ---------------------------------------------------------------------
    def send(self, msg_type: str, content: dict, metadata: dict | None = None) -> str:
        header = {
            "msg_id": uuid.uuid4().hex,
            "msg_type": msg_type,
            "username": "",
            "session": self.session,
            "date": "",
            "version": PROTOCOL,
        }
        if self.v1:
            parts = [json.dumps(p).encode("utf-8") for p in (header, {}, metadata or {}, content)]
            self.ws.send_binary(serialize_msg_to_ws_v1(parts, "shell"))
            return header["msg_id"]
        msg = {
            "header": header,
            "parent_header": {},
            "metadata": metadata or {},
            "content": content,
            "channel": "shell",
            "buffers": [],
        }
        self.ws.send(json.dumps(msg))
        return header["msg_id"]

    def receive(self, seconds: float) -> dict | None:
        """The next kernel message within `seconds`, applied to the models; None on time-out.

        Like the open page, it pings the heartbeat every `beat_seconds` (widgets/page/nowmark.js)."""
        if self.heartbeat is not None:
            every = float(self.models.get(self.heartbeat, {}).get("beat_seconds", 3.0))
            if time.monotonic() - self._pinged >= every:
                self._pinged = time.monotonic()
                self.custom(self.heartbeat, {"type": "ping"})
            seconds = min(seconds, every)
        self.ws.settimeout(max(0.01, seconds))
        try:
            frame = self.ws.recv()
        except websocket.WebSocketTimeoutException:
            return None
        self.bytes_in += len(frame) + 2
        msg = decode_frame(frame, self.v1)
        self._apply(msg, time.monotonic())
        return msg

    def _apply(self, msg: dict, now: float) -> None:
        kind = msg.get("header", {}).get("msg_type")
        content = msg.get("content", {})
        if kind == "comm_open" and content.get("target_name") == WIDGET_TARGET:
            state = content.get("data", {}).get("state", {})
            self.models[content["comm_id"]] = dict(state)
            for listener in self.listeners:
                listener(content["comm_id"], state, now)
        elif kind == "comm_msg":
            data = content.get("data", {})
            model = self.models.get(content.get("comm_id", ""))
            if data.get("method") in ("update", "echo_update") and model is not None:
                model.update(data.get("state", {}))
                for listener in self.listeners:
                    listener(content["comm_id"], data.get("state", {}), now)
        elif kind == "comm_close":
            self.models.pop(content.get("comm_id", ""), None)

    def wait_for(self, done: Callable[[], object], seconds: float, what: str) -> None:
        """Read kernel messages until done() holds; TimeoutError naming `what` after `seconds`."""
        deadline = time.monotonic() + seconds
        while not done():
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{what}: niet binnen {seconds:.0f} s")
            self.receive(min(left, 1.0))

    def pause(self, seconds: float) -> None:
        """Think for a while, as a participant does, while the page keeps reading and pinging."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self.receive(left)

    def load_states(self) -> None:
        """All widget models of the page, as the widget manager asks for them."""
        comm_id = uuid.uuid4().hex
        self.send(
            "comm_open",
            {"comm_id": comm_id, "target_name": CONTROL_TARGET, "data": {}},
            {"version": "1.0.0"},
        )
        self.send("comm_msg", {"comm_id": comm_id, "data": {"method": "request_states"}})
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            msg = self.receive(deadline - time.monotonic())
            if msg is None:
                continue
            content = msg.get("content", {})
            data = content.get("data", {}) if isinstance(content, dict) else {}
            if msg["header"]["msg_type"] == "comm_msg" and data.get("method") == "update_states":
                for model_id, model in data["states"].items():
                    self.models[model_id] = dict(model["state"])
                self.send("comm_close", {"comm_id": comm_id, "data": {}})
                beats = [i for i, m in self.models.items() if "beat_seconds" in m]
                self.heartbeat = beats[0] if beats else None
                return
        raise TimeoutError(f"geen widgetstatus van kernel {self.kernel_id}")

    def update(self, model_id: str, **state: Any) -> None:
        """Set traits of a model, as a control in the browser does (model.save_changes())."""
        self.models[model_id].update(state)
        self.send(
            "comm_msg",
            {"comm_id": model_id, "data": {"method": "update", "state": state, "buffer_paths": []}},
        )

    def custom(self, model_id: str, content: dict) -> None:
        """A custom message: a button click ({'event': 'click'}) or an anywidget's model.send()."""
        self.send(
            "comm_msg", {"comm_id": model_id, "data": {"method": "custom", "content": content}}
        )

    def click(self, model_id: str) -> None:
        self.custom(model_id, {"event": "click"})

    def close(self) -> int:
        """Close the tab: the socket, then Voila's tab-close beacon; returns the beacon's status."""
        if self.closed:
            return 0
        self.closed = True
        try:
            self.ws.close()
        except OSError:
            pass
        token: str = self.http.cookies.get("_xsrf") or ""
        response = self.http.post(
            f"{self.base}/voila/api/shutdown/{self.kernel_id}",
            files={"_xsrf": (None, token)},  # type: ignore[dict-item]  # a form field, not a file
            timeout=self.timeout,
        )
        return response.status_code

    # -- finding widgets -------------------------------------------------------------------------
    def find(self, model_name: str, root: str | None = None) -> list[str]:
        """Ids of models of this kind (e.g. 'TextareaModel'), in page order under root (or anywhere)."""
        ids = self.descendants(root) if root else list(self.models)
        return [i for i in ids if self.models.get(i, {}).get("_model_name") == model_name]

    def descendants(self, root: str) -> list[str]:
        return list(_walk(self.models, root))

    def with_class(self, css: str) -> list[str]:
        return [i for i, m in self.models.items() if css in (m.get("_dom_classes") or [])]


def _walk(models: dict[str, State], root: str) -> Iterator[str]:
    yield root
    for child in models.get(root, {}).get("children", []) or []:
        if isinstance(child, str) and child.startswith("IPY_MODEL_"):
            yield from _walk(models, child[len("IPY_MODEL_") :])


def _decoded(response: requests.Response, raw: bytes) -> str:
    import gzip

    if response.headers.get("Content-Encoding") == "gzip":
        return gzip.decompress(raw).decode("utf-8")
    return raw.decode("utf-8")
