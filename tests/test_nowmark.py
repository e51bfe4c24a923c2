"""Only an open page makes its kernel read the store: a kernel without a browser lets its connection go."""

from __future__ import annotations

import time
from typing import Any

from widgets.page.nowmark import NowMarker


class CountingStore:
    def __init__(self) -> None:
        self.reads = 0

    def get_setting(self, _group: str, _key: str, default: Any = None) -> Any:
        self.reads += 1
        return default


def test_the_trainers_nu_is_read_when_the_page_pings_not_on_a_timer() -> None:
    store = CountingStore()
    marker = NowMarker(store, "groep", poll_seconds=0.02)  # type: ignore[arg-type]
    try:
        time.sleep(0.3)  # fifteen poll intervals without a browser
        assert store.reads == 1  # only when the page was built
        beat = marker.beat
        marker._handle_custom_msg({"type": "ping"}, [])  # what nowmark.js sends every few seconds
        assert store.reads == 2 and marker.beat == beat + 1
    finally:
        marker.stop()
