"""Voila as `workbook serve` runs it: the same app, with compressed responses.

Voila applies its `tornado_settings` after it has made the Tornado application, and Tornado decides at
that moment whether it gzips responses, so `compress_response` set through Voila's configuration has no
effect. Here it is part of the settings the application is made with. A module page's first visit then
transfers about a quarter of its 5.4 MB, which matters when forty new phones load it over one hotspot.
"""

from __future__ import annotations

from voila.app import Voila
from voila.tornado.contentshandler import VoilaContentsHandler


class RoomVoila(Voila):
    """Voila with gzip for HTTP responses and permessage-deflate for the kernel websockets, and
    without the file list of its tree page: our root URL goes straight to the overview, so nobody on
    the school network needs to list the served folder."""

    def init_settings(self) -> dict:
        settings = super().init_settings()
        settings["compress_response"] = True
        # jupyter_server's kernel websocket reads this: widget state is JSON and shrinks well.
        settings["websocket_compression_options"] = {}
        return settings

    def init_handlers(self) -> list:
        return [h for h in super().init_handlers() if VoilaContentsHandler not in h[1:2]]


main = RoomVoila.launch_instance

if __name__ == "__main__":
    main()
