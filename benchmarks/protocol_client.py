"""An advisor's page without a browser: the requests and kernel messages a browser sends, and nothing else.

``load.py --client protocol`` runs its sessions with this instead of Chromium. The browser's own work
(parsing Voilà's JavaScript, drawing the widgets) happens on the advisor's computer in an office,
while ``load.py`` with Chromium puts N browsers on the server's two cores: at 20 pages a minute the
browsers alone used ~100 of the 120 CPU seconds (benchmarks/README.md), so that run measures the
browsers more than the server. This client measures what the server delivers: the page, the kernel,
the filled widget state, and each "Weiter" until the next step's progress text arrives.

What it sends is what Voilà's page sends (ipywidgets' widget protocol 2.1 over the kernel's websocket,
the websocket protocol ``v1.kernel.websocket.jupyter.org`` that Voilà's page negotiates, in which the
server passes the kernel's messages on without decoding them): the page with the login link and then the cookie,
``GET /api/kernels/<id>``, the websocket, ``kernel_info_request``, the control comm with
``request_states`` (the answer is the page's state: the server's part of "interactive"), field values
as ``update`` and clicks as ``custom`` ``click`` messages. Binary buffers (none in the wizards) are ignored.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import urllib.request
import uuid
from http.cookiejar import CookieJar
from typing import Any

import websockets
from jupyter_server.services.kernels.connection.base import deserialize_msg_from_ws_v1, serialize_msg_to_ws_v1

__all__ = ["ProtocolPage"]

PROTOCOL = "v1.kernel.websocket.jupyter.org"
_CONFIG = re.compile(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', re.S)


class ProtocolPage:
    """One advisor's page: :meth:`open` it, :meth:`type` into fields, :meth:`click` buttons, :meth:`close`."""

    def __init__(self, url: str, timeout: float = 300.0) -> None:
        self.url = url
        self.timeout = timeout
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.session = uuid.uuid4().hex
        self.models: dict[str, dict[str, Any]] = {}  # model id -> its state as the browser would hold it
        self.socket: Any = None
        self.kernel = ""
        self.reader: asyncio.Task[None] | None = None
        self.changed = asyncio.Event()
        self.control = ""
        self.answered = False  # the kernel has answered request_states

    def _get(self, path: str) -> str:
        request = urllib.request.Request(self.url + path, headers={"Sec-Fetch-Site": "none", "Sec-Fetch-Dest": "document"})
        with self.opener.open(request, timeout=300) as response:
            return response.read().decode("utf-8")

    async def open(self, path: str) -> None:
        """Load the page (the token link logs in), connect to its kernel and receive the widgets' state."""
        page = await asyncio.to_thread(self._get, path)
        found = _CONFIG.search(page)
        if not found:
            raise RuntimeError("page without configuration: " + re.sub(r"<[^>]+>|\s+", " ", page)[:100])
        self.kernel = json.loads(found[1])["kernelId"]
        await asyncio.to_thread(self._get, f"/api/kernels/{self.kernel}")
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.jar)
        ws_url = self.url.replace("http", "ws", 1) + f"/api/kernels/{self.kernel}/channels?session_id={self.session}"
        self.socket = await websockets.connect(ws_url, additional_headers={"Cookie": cookies, "Origin": self.url},
                                               subprotocols=[PROTOCOL], max_size=None, open_timeout=300)
        if self.socket.subprotocol != PROTOCOL:
            raise RuntimeError(f"the server did not accept {PROTOCOL}")
        self.reader = asyncio.create_task(self._read())
        await self._send("shell", "kernel_info_request", {})
        self.control = uuid.uuid4().hex
        await self._send("shell", "comm_open", {"comm_id": self.control, "target_name": "jupyter.widget.control",
                                                "data": {}}, metadata={"version": "1.0.0"})  # the control protocol
        await self._send("shell", "comm_msg", {"comm_id": self.control, "data": {"method": "request_states"}})
        await self.wait_for(lambda: self.answered, self.timeout)

    async def _send(self, channel: str, msg_type: str, content: dict[str, Any],
                    metadata: dict[str, Any] | None = None) -> None:
        header = {"msg_id": uuid.uuid4().hex, "username": "", "session": self.session, "msg_type": msg_type,
                  "version": "5.3", "date": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())}
        parts = [json.dumps(part).encode() for part in (header, {}, metadata or {}, content)]
        await self.socket.send(serialize_msg_to_ws_v1(parts, channel))

    async def _read(self) -> None:
        async for frame in self.socket:
            _, parts = deserialize_msg_from_ws_v1(frame)
            kind, content = json.loads(parts[0])["msg_type"], json.loads(parts[3])
            data = content.get("data") or {}
            if kind == "comm_open" and content.get("target_name") == "jupyter.widget":
                self.models[content["comm_id"]] = dict(data.get("state", {}))
            elif kind == "comm_msg" and data.get("method") == "update_states":
                for model, entry in data.get("states", {}).items():
                    self.models[model] = dict(entry.get("state", {}))
                self.answered = True
            elif kind == "comm_msg" and data.get("method") in ("update", "echo_update"):
                self.models.setdefault(content["comm_id"], {}).update(data.get("state", {}))
            elif kind == "comm_close":
                self.models.pop(content["comm_id"], None)
            else:
                continue
            self.changed.set()

    async def wait_for(self, condition: Any, timeout: float) -> None:
        """Until ``condition()`` holds for the models received so far."""
        deadline = time.perf_counter() + timeout
        while not condition():
            if self.reader is not None and self.reader.done():
                raise RuntimeError("the kernel's connection ended")
            self.changed.clear()
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError("no such widget state arrived")
            try:
                await asyncio.wait_for(self.changed.wait(), remaining)
            except TimeoutError:
                pass

    def find(self, model_name: str, **state: str) -> str:
        """The id of a shown widget of this kind whose state has these values (the last one built)."""
        ids = [i for i, s in self.models.items() if s.get("_model_name") == model_name
               and all(s.get(k) == v for k, v in state.items())]
        if not ids:
            raise LookupError(f"no {model_name} with {state}")
        return ids[-1]

    def shows(self, pattern: str) -> bool:
        """Whether a shown text (an HTML or Label widget's value) matches ``pattern`` (a regular expression)."""
        return any(re.search(pattern, str(s.get("value", ""))) for s in self.models.values()
                   if s.get("_model_name") in ("HTMLModel", "LabelModel"))

    async def type(self, model: str, value: str) -> None:
        """A field's new value as the browser sends it when the field loses the focus."""
        self.models[model]["value"] = value
        await self._send("shell", "comm_msg", {"comm_id": model, "data": {"method": "update", "state": {"value": value},
                                                                        "buffer_paths": []}})

    async def click(self, model: str) -> None:
        await self._send("shell", "comm_msg", {"comm_id": model, "data": {"method": "custom",
                                                                        "content": {"event": "click"}}})

    async def close(self) -> None:
        """As a tab is closed: the page's goodbye (Voilà's shutdown request), then the socket."""
        if self.socket is not None:
            await self.socket.close()
        if self.reader is not None:
            self.reader.cancel()
        xsrf = next((c.value for c in self.jar if c.name == "_xsrf"), "")
        request = urllib.request.Request(f"{self.url}/voila/api/shutdown/{self.kernel}", method="POST", data=b"",
                                         headers={"X-XSRFToken": xsrf, "Origin": self.url})
        def goodbye() -> None:
            with self.opener.open(request, timeout=30):
                pass

        try:
            await asyncio.to_thread(goodbye)
        except OSError:
            pass  # a refused goodbye: the reaper frees the kernel after its grace period
