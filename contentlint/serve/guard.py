"""Who may talk to the server: the checks every request passes before it reaches the API.

The server writes into the user's repo, so it is treated as a real server, not a toy:
- `Host` must name the address it is bound to (with its port): a page on another site that
  rebinds its own DNS name to 127.0.0.1 ("DNS rebinding") sends its own name and gets 421;
- `Origin`, when a browser sends one, must be the page's own: a script on any other site (or a
  sandboxed `null` origin) gets 403, and so does a request a browser marks `Sec-Fetch-Site:
  cross-site` or `same-site`;
- every API call carries the key made at start (`Authorization: Bearer KEY`): the loopback
  address is reachable by every user and process on the machine, and the key is what keeps the
  other users of a shared machine out. The page gets it from the address the server prints and
  opens (`#key=...`: a fragment, never sent in a request line or a Referer).
The page itself (HTML, script, style) is the package's own files and holds no secret.
"""

from __future__ import annotations

import hmac
import ipaddress
from dataclasses import dataclass
from typing import Protocol


class Headers(Protocol):
    """Request headers, looked up case-insensitively (an `http.client.HTTPMessage`)."""

    def get(self, name: str, /) -> str | None: ...


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and the name localhost: reachable from this machine only."""
    address = _address(host)
    return host.lower() == "localhost" if address is None else address.is_loopback


def is_wildcard(host: str) -> bool:
    """0.0.0.0 or ::: every network the machine is on, with no one name a browser would send."""
    address = _address(host)
    return address is not None and address.is_unspecified


def host_warning(host: str) -> str | None:
    """What to tell the user before serving on `host`, if anything."""
    if is_loopback(host):
        return None
    return (
        f"warning: serving on {host}, which is not a loopback address: other machines on that network "
        "can reach this server, and the key in the address travels unencrypted (plain HTTP). "
        "Use it only on a network you trust."
    )


def _netloc(name: str, port: int) -> str:
    address = _address(name)
    shown = f"[{address}]" if address is not None and address.version == 6 else name.lower()
    return f"{shown}:{port}"


@dataclass(frozen=True)
class Guard:
    """The bound address and the key: what every request is held to."""

    host: str
    port: int
    key: str

    @property
    def hosts(self) -> frozenset[str]:
        """`Host` header values that name this server."""
        names = {self.host}
        if is_loopback(self.host):
            names.add("localhost")
            if self.host.lower() == "localhost":
                names.add("127.0.0.1")
        found = {_netloc(name, self.port) for name in names}
        if self.port == 80:
            found |= {netloc.rsplit(":", 1)[0] for netloc in found}
        return frozenset(found)

    @property
    def origins(self) -> frozenset[str]:
        return frozenset(f"http://{netloc}" for netloc in self.hosts)

    @property
    def url(self) -> str:
        """The address to open: the page, with the key in its fragment."""
        return f"http://{_netloc(self.host, self.port)}/#key={self.key}"

    def refusal(self, path: str, headers: Headers) -> tuple[int, str] | None:
        """(status, reason) when a request must be refused, else None."""
        host = headers.get("Host")
        if host is None or host.strip().lower() not in self.hosts:
            return 421, f"this server answers to {self.url.split('/#')[0]} only (Host {host!r} refused)"
        origin = headers.get("Origin")
        if origin is not None and origin.strip().lower() not in self.origins:
            return 403, f"requests from {origin!r} are refused: only the page served here may call it"
        if not path.startswith("/api/"):
            return None
        site = headers.get("Sec-Fetch-Site")
        if site is not None and site.strip().lower() not in ("same-origin", "none"):
            return 403, f"a {site} request is refused: only the page served here may call the API"
        if not self.key_ok(headers.get("Authorization")):
            return 401, "missing or wrong key: open the address `contentlint serve` printed (it carries the key)"
        return None

    def key_ok(self, authorization: str | None) -> bool:
        if not authorization:
            return False
        scheme, _, value = authorization.strip().partition(" ")
        if scheme.lower() != "bearer":
            return False
        return hmac.compare_digest(value.strip().encode("utf-8", "replace"), self.key.encode("utf-8"))
