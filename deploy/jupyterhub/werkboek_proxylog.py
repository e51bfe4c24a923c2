"""Runs configurable-http-proxy and passes on its log with every participant code replaced by '…'.

    python werkboek_proxylog.py configurable-http-proxy --ip ... (the proxy's own arguments)

JupyterHub starts the proxy as its own process, whose log goes straight to the hub's output: the
log filter of werkboek_hub does not see it. A stop (SIGTERM, SIGINT) goes on to the proxy.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys

# A participant code after 'deelnemer=' (also URL-encoded), as an old personal link carries it.
CODE_IN_TEXT = re.compile(r"(deelnemer(?:=|%3D))[a-z0-9]{4}(?:-|%2D)[a-z0-9]{4}", re.IGNORECASE)


def hide_codes(text: str) -> str:
    """The text with every participant code replaced by '…'."""
    return CODE_IN_TEXT.sub(r"\1…", text)


def main(argv: list[str]) -> int:
    if not argv:
        sys.exit("Gebruik: werkboek_proxylog.py PROXY [ARGUMENTEN]")
    proxy = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace"
    )

    def stop(signum: int, _frame: object) -> None:
        proxy.send_signal(signum)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, stop)
    assert proxy.stdout is not None  # stdout=PIPE
    for line in proxy.stdout:
        sys.stdout.write(hide_codes(line))
        sys.stdout.flush()
    return proxy.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
