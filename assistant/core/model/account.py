"""The account a person ends up with: the input to profiles, the sign-in and the report.

Everything an autoconfig file says that a client may need is kept here, so a conversion can say exactly
what another format could not hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any, Literal

from assistant.core.model.kinds import Protocol, Security

if TYPE_CHECKING:
    from assistant.core.model.provider import SignIn
    from assistant.core.model.results import Candidate

Auth = Literal["password-cleartext", "password-encrypted", "OAuth2", "none"]
AUTHS: tuple[Auth, ...] = ("password-cleartext", "password-encrypted", "OAuth2", "none")


@dataclass(frozen=True)
class XmlPart:
    """An autoconfig element this program does not interpret (useGlobalPreferredServer, oAuth2, webMail,
    enable ...), kept so that an autoconfig rewrite carries it on."""

    name: str
    attrs: tuple[tuple[str, str], ...] = ()
    text: str | None = None
    children: tuple[XmlPart, ...] = ()


@dataclass(frozen=True)
class ServerConfig:
    """One server as a client should be set up. ``username`` may be a placeholder (%EMAILADDRESS%)."""

    protocol: Protocol
    host: str
    port: int
    security: Security
    username: str = "%EMAILADDRESS%"
    auth: Auth = "password-cleartext"
    # Every <authentication> a file named that Thunderbird knows, in the file's order (GSSAPI, NTLM,
    # client-IP-address ... included), when that is more than just ``auth``: an OAuth2 server's password
    # fallback must survive a conversion. Empty means "just ``auth``". An empty ``username`` means the file
    # gave none (Thunderbird keeps such a server; writers that need one use the address).
    auth_methods: tuple[str, ...] = ()
    # False when an autoconfig file gave no <port> (the default is in ``port``): a rewrite leaves it out
    # again, so every reader treats the copy as it treated the original.
    port_given: bool = True
    # The server's other autoconfig elements (useGlobalPreferredServer, addThisServer, restriction ...).
    extras: tuple[XmlPart, ...] = ()

    @property
    def methods(self) -> tuple[str, ...]:
        """All authentication methods in order; ``auth`` alone when no list was given."""
        return self.auth_methods or (self.auth,)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)
                             if f.name not in ("auth_methods", "port_given", "extras")}
        if self.auth_methods:  # only then: older readers of this JSON (presets) know the other keys
            d["auth_methods"] = list(self.auth_methods)
        return d

    @classmethod
    def from_candidate(cls, c: Candidate) -> ServerConfig:
        return cls(protocol=c.protocol, host=c.host.rstrip("."), port=c.port, security=c.security,
                   username=c.username or "%EMAILADDRESS%")


@dataclass(frozen=True)
class Pop3Settings:
    leave_on_server: bool = True
    days_to_leave: int | None = 14
    download_on_biff: bool = True


@dataclass(frozen=True)
class DocLink:
    """A provider's help page (autoconfig <documentation>): kept, never a reason to refuse a file."""

    url: str
    descriptions: tuple[tuple[str, str], ...] = ()  # (lang or "", text)


@dataclass(frozen=True)
class RawServer:
    """A server entry this program cannot set up (Exchange, EWS, GSSAPI-only ...) kept as written.

    ``children`` are the entry's text elements in order; ``after`` is how many of the account's own servers
    of the same direction came before it in the file, so a rewrite keeps the file's order (and so the
    server Thunderbird picks first).
    """

    direction: Literal["incoming", "outgoing"]
    type: str
    children: tuple[tuple[str, str], ...] = ()
    after: int = 0

    def describe(self) -> str:
        values = dict(self.children)
        where = values.get("hostname") or values.get("url") or values.get("ewsURL") or "?"
        return f"{self.direction} {self.type} server {where}"


@dataclass(frozen=True)
class AccountConfig:
    """Everything a profile needs. The first incoming server is the chosen one; others are alternatives.

    ``password`` is only ever set when the person explicitly asked to embed it; ``repr`` hides it.
    """

    domain: str
    incoming: tuple[ServerConfig, ...]
    outgoing: tuple[ServerConfig, ...]
    address: str | None = None
    display_name: str | None = None
    provider_id: str | None = None
    provider_name: str | None = None
    provider_short_name: str | None = None
    documentation_url: str | None = None
    pop3: Pop3Settings = Pop3Settings()
    password: str | None = field(default=None, repr=False, compare=False)
    # Every <domain> an autoconfig file said it serves (ASCII, lowercase); empty when not from a file.
    domains: tuple[str, ...] = ()
    # Every <documentation> link of an autoconfig file (``documentation_url`` is the first one's URL).
    documentation: tuple[DocLink, ...] = ()
    # Server entries of an autoconfig file this program cannot use, kept for autoconfig output.
    other_servers: tuple[RawServer, ...] = ()
    # Autoconfig elements kept as read: inside <emailProvider> (inputField, enable ...) and beside it
    # (oAuth2, webMail, enable, clientConfigUpdate ...).
    provider_extras: tuple[XmlPart, ...] = ()
    root_extras: tuple[XmlPart, ...] = ()
    # A recognised provider that refuses the normal password (model/provider.py): the sheet and the steps
    # say how to sign in there, and formats that can only hold a password refuse an OAuth2-only account.
    sign_in: SignIn | None = None

    @property
    def doc_links(self) -> tuple[DocLink, ...]:
        """The documentation links, or one built from ``documentation_url``."""
        if self.documentation:
            return self.documentation
        return (DocLink(self.documentation_url),) if self.documentation_url else ()

    def without_password(self) -> AccountConfig:
        return replace(self, password=None)
