"""Where the room reaches the workbook: the address Voila listens on, and this machine's join addresses."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass

from workbook.errors import WorkbookError

LOOPBACK = "127.0.0.1"
ALL = "0.0.0.0"  # every network of this machine
LISTEN_ENV = (
    "WELBEVINDEN_LUISTER"  # "IP:PORT" that `workbook serve` listens on, for the join screen
)
NO_NETWORK = (
    "Deze computer heeft geen netwerkadres, dus andere apparaten kunnen het werkboek niet bereiken. "
    "Verbind de laptop met de wifi van de school, of zet een hotspot aan op de laptop, en start opnieuw."
)


def listen_address(room: bool, address: str | None) -> str:
    """127.0.0.1 by default; every network with --zaal; one chosen address with --adres."""
    if address and room:
        raise WorkbookError(
            "Kies --zaal (alle netwerken van deze computer) of --adres IP (één adres), niet allebei."
        )
    if address:
        try:
            return str(ipaddress.IPv4Address(address.strip()))
        except ValueError:
            raise WorkbookError(
                f"--adres is '{address}'. Geef een IPv4-adres van deze computer, zoals 192.168.1.23, "
                "of gebruik --zaal voor alle netwerken."
            ) from None
    return ALL if room else LOOPBACK


def room_addresses() -> list[str]:
    """This machine's IPv4 addresses that another device can reach (no loopback, no link-local)."""
    import ifaddr

    found = []
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            if not isinstance(ip.ip, str):
                continue  # IPv6: phones on a school Wi-Fi reach the IPv4 address
            address = ipaddress.IPv4Address(ip.ip)
            if not (address.is_loopback or address.is_link_local or address.is_unspecified):
                found.append(str(address))
    return sorted(set(found), key=ipaddress.IPv4Address)


def join_urls(listen: str, port: int) -> list[str]:
    """The addresses participants type on their own devices ('' when nobody else can reach it)."""
    if listen == LOOPBACK:
        return []
    addresses = room_addresses() if listen == ALL else [listen]
    return [f"http://{a}:{port}" for a in addresses]


@dataclass(frozen=True)
class Joining:
    """Where the room joins, as the trainer's join screen shows it.

    served: the workbook was started by `workbook serve`/`start` (not opened in Lab or nbval);
    room: it listens beyond this machine (--zaal or --adres); urls: the join addresses now.
    """

    served: bool
    room: bool
    urls: tuple[str, ...]


def served_join() -> Joining:
    """The join addresses of the Voila this kernel runs under, read afresh (Wi-Fi comes and goes)."""
    listen, _, port = os.environ.get(LISTEN_ENV, "").rpartition(":")
    if not listen or not port.isdigit():
        return Joining(served=False, room=False, urls=())
    return Joining(served=True, room=listen != LOOPBACK, urls=tuple(join_urls(listen, int(port))))
