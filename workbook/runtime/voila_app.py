"""Voila as `workbook serve` runs it: the same app, with compressed responses and compiled templates.

Voila applies its `tornado_settings` after it has made the Tornado application, and Tornado decides at
that moment whether it gzips responses, so `compress_response` set through Voila's configuration has no
effect. Here it is part of the settings the application is made with. A module page's first visit then
transfers about a quarter of its 5.4 MB, which matters when forty new phones load it over one hotspot.
"""

from __future__ import annotations

from typing import Any

import jinja2
from voila.app import Voila
from voila.exporter import VoilaExporter
from voila.tornado.contentshandler import VoilaContentsHandler


class TemplateCache(jinja2.BytecodeCache):
    """The page templates, compiled once per Voila process and kept in memory.

    Voila makes a new exporter, and so a new Jinja environment, for every page it renders, and each
    one compiled our templates again: a fifth of Voila's CPU per rendered page in a profile of the room.
    Jinja checks each template's source against the checksum kept with its code, so an edited template
    is compiled anew.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = TemplateCache()


def cache_compiled_templates() -> None:
    """Give every Voila exporter's Jinja environment the shared TemplateCache."""
    create = VoilaExporter._create_environment
    if getattr(create, "cached_templates", False):
        return

    def _create_environment(self: VoilaExporter) -> jinja2.Environment:
        environment = create(self)
        environment.bytecode_cache = TEMPLATES
        return environment

    _create_environment.cached_templates = True  # type: ignore[attr-defined]
    VoilaExporter._create_environment = _create_environment


class RoomVoila(Voila):
    """Voila with gzip for HTTP responses and permessage-deflate for the kernel websockets, and
    without the file list of its tree page: our root URL goes straight to the overview, so nobody on
    the school network needs to list the served folder."""

    def init_settings(self) -> dict:
        cache_compiled_templates()
        settings = super().init_settings()
        settings["compress_response"] = True
        # jupyter_server's kernel websocket reads this: widget state is JSON and shrinks well.
        settings["websocket_compression_options"] = {}
        if hasattr(self.kernel_manager, "_pools"):
            hand_out_ready_kernels(self.kernel_manager)
        return settings

    def init_handlers(self) -> list:
        return [h for h in super().init_handlers() if VoilaContentsHandler not in h[1:2]]


def _ready(task: Any) -> bool:
    return task.done() and not task.cancelled() and task.exception() is None


def hand_out_ready_kernels(manager: Any) -> None:
    """Give a visitor a preheated kernel only when one is ready; otherwise a new one at once.

    Voila puts the refill of a used kernel in the pool straight away, as a task that first sleeps
    `fill_delay` seconds, and counts it as a kernel in the pool. The next visitor then waited for
    that sleep: during a session (`fill_delay` 600 s) the second participant to open the overview,
    or the forty-first to open the session's page, saw an empty page for up to ten minutes. Here
    the pool counts only kernels that are ready, and the next visitor gets one of those; with none
    ready, Voila starts a kernel for the visitor as it does without preheating.
    """

    def get_pool_size(notebook_name: str) -> int:
        return sum(1 for task in manager._pools.get(notebook_name, []) if _ready(task))

    voila_get = manager.get_rendered_notebook

    async def get_rendered_notebook(notebook_name: str, *args: Any, **kwargs: Any) -> Any:
        pool = manager._pools.get(notebook_name, [])
        ready = next((task for task in pool if _ready(task)), None)
        if ready is not None:  # Voila takes the first in the pool: put a ready one first
            pool.remove(ready)
            pool.insert(0, ready)
        return await voila_get(notebook_name, *args, **kwargs)

    manager.get_pool_size = get_pool_size
    manager.get_rendered_notebook = get_rendered_notebook


main = RoomVoila.launch_instance

if __name__ == "__main__":
    main()
