"""The kernel of a served page: ipykernel without its debugger.

`workbook serve` and the hub put the kernelspec in workbook/share/served first on the Jupyter path,
so every page Voila serves runs here (JupyterLab keeps the standard kernel, debugger included). A
participant's page never debugs, and importing debugpy cost each kernel start about a tenth of a
second of CPU; forty participants who open three pages start some 120 kernels in a few minutes on
the trainer's laptop. The kernelspec also turns IPython's input history off: every kernel wrote it to
the same SQLite file in the home folder.
"""

from __future__ import annotations

import sys


def main() -> None:
    # ipykernel.debugger imports debugpy in a try block and runs without a debugger on ImportError.
    sys.modules["debugpy"] = None  # type: ignore[assignment]
    from ipykernel.kernelapp import launch_new_instance

    launch_new_instance()


if __name__ == "__main__":
    main()
