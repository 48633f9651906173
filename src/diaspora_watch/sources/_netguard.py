"""The SSRF guard: which addresses a fetch may reach, checked where the socket is opened.

A URL from a feed or a user can name any host, and a host name can resolve to the machine's own
loopback, the office network or the cloud metadata service. So every host is resolved here, and a
host is refused when ANY of its addresses is not a public unicast address.

Checking a name and then letting the HTTP library resolve it again leaves a gap (DNS rebinding:
the second answer may differ). :class:`GuardedBackend` closes it: it is the httpcore network
backend under the default transport, so the lookup that is checked is the lookup that is used,
and the socket is opened to the checked IP while TLS still gets the host name for SNI and
certificate checks. Redirect hops and keep-alive reconnects all pass through it.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable

import httpcore
import httpx

from diaspora_watch.errors import FetchRefused

Resolver = Callable[[str, int], list[str]]
"""``(host, port) -> IP address strings``; the default asks the system (``getaddrinfo``)."""

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Ranges that the ipaddress flags leave out or that deserve a name in the refusal message.
_NAMED_RANGES: tuple[tuple[str, ipaddress.IPv4Network | ipaddress.IPv6Network], ...] = (
    ("cloud metadata", ipaddress.ip_network("169.254.169.254/32")),
    ("cloud metadata", ipaddress.ip_network("fd00:ec2::254/128")),
    ("carrier-grade NAT", ipaddress.ip_network("100.64.0.0/10")),
)


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host`` (IPv4 and IPv6, TCP only)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def why_blocked(address: IPAddress) -> str | None:
    """Why ``address`` may not be fetched from, or None when it is a public unicast address.

    IPv6 forms that carry an IPv4 address (mapped ``::ffff:a.b.c.d``, 6to4, Teredo) are judged
    by the IPv4 address inside as well.

    >>> why_blocked(ipaddress.ip_address("::ffff:127.0.0.1"))
    'loopback'
    >>> why_blocked(ipaddress.ip_address("8.8.8.8")) is None
    True
    """
    for label, net in _NAMED_RANGES:
        if address.version == net.version and address in net:
            return label
    if isinstance(address, ipaddress.IPv6Address):
        for inner in (address.ipv4_mapped, address.sixtofour, *(address.teredo or ())):
            if inner is not None and (reason := why_blocked(inner)):
                return reason
    for flag in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(address, f"is_{flag}"):
            return flag.replace("_", "-")
    if not address.is_global:
        return "not a global address"
    return None


def checked_addresses(host: str, port: int, resolver: Resolver) -> list[str]:
    """Resolve ``host`` and return its addresses, refusing it if any one of them is blocked.

    Refusing on ANY bad answer (not just the first) stops a name that resolves to both a public
    and a private address from reaching the private one on a later connection.

    Raises:
        FetchRefused: one of the host's addresses is blocked.
        OSError: the host cannot be resolved or has no address (a failure, not a refusal).
    """
    try:
        literal: IPAddress | None = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        literal = None
    if literal is not None:
        found = [str(literal)]
    else:
        try:
            found = resolver(host, port)
        except UnicodeError as exc:
            raise socket.gaierror(f"bad host name {host!r}: {exc}") from exc
    if not found:
        raise socket.gaierror(f"{host} has no address")
    for text in found:
        reason = why_blocked(ipaddress.ip_address(text.split("%", 1)[0]))
        if reason:
            named = text if literal is not None else f"{host} resolves to {text}"
            raise FetchRefused(host, f"{named} ({reason})")
    return found


class GuardedBackend(httpcore.SyncBackend):
    """An httpcore backend that resolves, checks, and connects to the checked address only."""

    def __init__(self, *, allow_private: bool, resolver: Resolver) -> None:
        self._allow_private = allow_private
        self._resolver = resolver

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        """Open a TCP stream to the first reachable checked address of ``host``."""
        if self._allow_private:
            return super().connect_tcp(host, port, timeout, local_address, socket_options)
        try:
            addresses = checked_addresses(host, port, self._resolver)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        last: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None  # checked_addresses never returns an empty list
        raise last


class GuardedTransport(httpx.HTTPTransport):
    """httpx's own transport with :class:`GuardedBackend` underneath and no proxy from the environment.

    A proxy would make the guard check the proxy's address instead of the target's, so none is used.
    httpx 0.28 has no public hook for the network backend; the pool is rebuilt here (httpx is pinned).
    """

    def __init__(self, *, allow_private: bool, resolver: Resolver) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=10,
            max_keepalive_connections=5,
            network_backend=GuardedBackend(allow_private=allow_private, resolver=resolver),
        )
