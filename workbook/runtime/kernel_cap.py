"""A cap on the kernels of one Jupyter server: past it, a page says in Dutch to close a tab first."""

from __future__ import annotations

from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado.web import HTTPError
from traitlets import Integer

TOO_MANY_KERNELS = (
    "Je hebt al {count} pagina's van het werkboek open. Sluit een tabblad dat je niet meer "
    "gebruikt en laad deze pagina daarna opnieuw. Je antwoorden zijn bewaard."
)
TOO_MANY_REASON = "Te veel pagina's open"


class KernelCapError(HTTPError):
    """A page was asked for while this server already runs its maximum number of kernels."""

    def __init__(self, count: int) -> None:
        # log_message goes through %-formatting in Jupyter Server's write_error: no % in it.
        super().__init__(503, TOO_MANY_KERNELS.format(count=count), reason=TOO_MANY_REASON)


class CappedKernelManager(AsyncMappingKernelManager):  # type: ignore[misc]
    """Jupyter Server's kernel manager, refusing a new kernel past `max_kernels`.

    Every open page of the workbook has its own kernel (about 80 MB). Under JupyterHub each
    participant has their own server: the cap keeps one participant (or a script) from filling the
    machine's memory with tabs. Kernels that are still starting count as well.
    """

    max_kernels = Integer(
        8,
        config=True,
        help="How many kernels (open pages) this server runs at most; 0 means no cap.",
    )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._starting = 0

    async def start_kernel(  # type: ignore[override]
        self, *, kernel_id: str | None = None, path: Any = None, **kwargs: Any
    ) -> str:
        if kernel_id is None or kernel_id not in self:
            count = len(self.list_kernel_ids()) + self._starting
            if self.max_kernels and count >= self.max_kernels:
                self.log.warning(
                    "Geweigerd: al %d van de %d kernels in gebruik", count, self.max_kernels
                )
                raise KernelCapError(count)
        self._starting += 1
        try:
            return str(await super().start_kernel(kernel_id=kernel_id, path=path, **kwargs))
        finally:
            self._starting -= 1
