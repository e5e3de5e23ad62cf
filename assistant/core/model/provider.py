"""How a recognised provider's users sign in: the ``sign_in`` of a discovery, an account and a sign-in test.

Some providers refuse the account's normal password over IMAP, POP3 and SMTP: Microsoft takes only its own
sign-in page (OAuth2), Google and Yahoo also an app password, iCloud only an app password, QQ Mail and NetEase
an authorization code. Recognising them is ``discovery/providers.py``'s (the table is
``resources/data/providers.json``); what it found travels as a ``SignIn`` value, so the profiles, the
per-program steps, the sign-in test and the verdict read one thing and never look the table up again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.core.model.fields import list_field, opt_str, req_str
from assistant.core.words.i18n import QT_TRANSLATE_NOOP, Translate

METHODS = ("oauth2", "app_password", "password")
OTHER = "other"  # the provider id of one the table does not know, whose settings file asks for OAuth2

# The language of the interface, read through the translator itself: a catalogue translates this marker into
# its own language code (Qt's QT_LAYOUT_DIRECTION trick), so Qt-free code can pick a provider's name in it.
LANGUAGE_MARKER = QT_TRANSLATE_NOOP("providers", "LANGUAGE_CODE")


# Sentences about a provider's sign-in (context "providers"); {provider}: its name in the interface language.
TEXTS: dict[str, str] = {
    "oauth2_only": QT_TRANSLATE_NOOP(
        "providers", "{provider} accepts only its own sign-in page (OAuth2), never a password typed into a "
                     "mail program."),
    "oauth2_or_app_password": QT_TRANSLATE_NOOP(
        "providers", "{provider} signs you in on its own page (OAuth2); a mail program that cannot do that "
                     "needs an app password, not your normal password: {url}"),
    "app_password": QT_TRANSLATE_NOOP(
        "providers", "{provider} needs an app password in mail programs, not your normal password: {url}"),
    "authorization_code": QT_TRANSLATE_NOOP(
        "providers", "{provider} needs an authorization code in mail programs, not your normal password: "
                     "switch on IMAP/SMTP in its web settings and make one there ({url})."),
    "other_oauth2": QT_TRANSLATE_NOOP(
        "providers", "The settings file of {provider} asks mail programs to sign in on the provider's own "
                     "page (OAuth2)."),
    "other_oauth2_only": QT_TRANSLATE_NOOP(
        "providers", "The settings file of {provider} allows only sign-in on the provider's own page "
                     "(OAuth2), never a password."),
    # What must be done before an app password works.
    "two_step_verification": QT_TRANSLATE_NOOP(
        "providers", "App passwords need 2-Step Verification switched on for the account."),
    "two_factor_authentication": QT_TRANSLATE_NOOP(
        "providers", "App-specific passwords need two-factor authentication for the Apple Account."),
    "enable_imap": QT_TRANSLATE_NOOP(
        "providers", "First switch on IMAP/SMTP in the settings of the web mail."),
    "plan_with_imap": QT_TRANSLATE_NOOP(
        "providers", "Mail programs need a plan that includes IMAP (Fastmail's Basic plan does not)."),
    # How the provider was recognised (the report's technical line).
    "by_domain": QT_TRANSLATE_NOOP("providers", "the address's domain"),
    "by_mx": QT_TRANSLATE_NOOP("providers", "the domain's MX records"),
    "by_hosts": QT_TRANSLATE_NOOP("providers", "the servers' names"),
    "by_oauth2_issuer": QT_TRANSLATE_NOOP("providers", "the OAuth2 issuer in the settings file"),
    "by_settings_file": QT_TRANSLATE_NOOP("providers", "the settings file"),
}


def _text(translate: Translate | None, code: str, **fields: str) -> str:
    template = TEXTS[code]
    if translate is not None:
        try:
            return translate("providers", template).format(**fields)
        except (KeyError, IndexError, ValueError):
            pass  # a broken translation: English
    return template.format(**fields)


def language(translate: Translate | None) -> str:
    """The interface language ("en", "zh_TW") of ``translate``; English without one."""
    if translate is None:
        return "en"
    code = translate("providers", LANGUAGE_MARKER)
    return "en" if not code or code == LANGUAGE_MARKER else code


@dataclass(frozen=True)
class SignIn:
    """A recognised provider and how its users sign in (``methods`` best first: oauth2, app_password,
    password). ``recognised_by`` says how: the address's domain, the domain's MX, the servers' host names,
    the OAuth2 issuer a settings file named, or a settings file's OAuth2 sign-in (``other``)."""

    provider: str
    provider_name: str  # English
    methods: tuple[str, ...]
    app_password_url: str | None = None
    help_url: str | None = None
    app_password_kind: str | None = None  # "app_password", "authorization_code" or None
    prerequisites: tuple[str, ...] = ()
    recognised_by: tuple[str, ...] = ()
    # From the table only (not in the JSON): names per language, the provider's own hosts, and the account
    # type each mail program offers for it.
    names: tuple[tuple[str, str], ...] = ()
    hosts: tuple[str, ...] = ()
    apple_account: str | None = None
    android: tuple[str, ...] = ()
    # The <oAuth2> element of an autoconfig file for this provider (issuer, scope, authURL, tokenURL).
    oauth2_block: tuple[tuple[str, str], ...] = ()

    @property
    def oauth2_only(self) -> bool:
        """Only the provider's own sign-in page works: a password must never be sent."""
        return self.methods == ("oauth2",)

    @property
    def oauth2_first(self) -> bool:
        return bool(self.methods) and self.methods[0] == "oauth2"

    @property
    def app_password(self) -> bool:
        """A typed secret works, but not the normal password: an app password or authorization code."""
        return "app_password" in self.methods and "password" not in self.methods

    @property
    def authorization_code(self) -> bool:
        """The provider calls its app password an authorization code (QQ Mail, NetEase: 授權碼)."""
        return self.app_password_kind == "authorization_code"  # noqa: S105 (a kind, not a password)

    @property
    def trusted(self) -> bool:
        """Recognised from the address's own domain or its MX (not just from a server's name)."""
        return bool({"domain", "mx"} & set(self.recognised_by))

    def owns(self, host: str) -> bool:
        return host.lower().rstrip(".") in self.hosts

    def name(self, translate: Translate | None = None) -> str:
        """The provider's name as people know it in the interface language (Yahoo奇摩, QQ郵箱 …)."""
        names = dict(self.names)
        return names.get(language(translate)) or names.get("en") or self.provider_name

    def summary(self, translate: Translate | None = None) -> list[str]:
        """How this provider's users sign in, then what must be done first: one sentence each."""
        name, url = self.name(translate), self.app_password_url or self.help_url or ""
        if self.provider == OTHER:
            code = "other_oauth2_only" if self.oauth2_only else "other_oauth2"
            return [_text(translate, code, provider=name)]
        if self.oauth2_only:
            code = "oauth2_only"
        elif self.authorization_code:
            code = "authorization_code"
        elif self.oauth2_first:
            code = "oauth2_or_app_password"
        else:
            code = "app_password"
        lines = [_text(translate, code, provider=name, url=url)]
        if not self.oauth2_only:
            lines += [_text(translate, p) for p in self.prerequisites if p in TEXTS]
        return lines

    def recognised_text(self, translate: Translate | None = None) -> str:
        """How the provider was recognised, in words ("the domain's MX records, the servers' names")."""
        return ", ".join(_text(translate, f"by_{r}") for r in self.recognised_by if f"by_{r}" in TEXTS)

    def to_dict(self) -> dict[str, Any]:
        return {"provider": self.provider, "provider_name": self.provider_name, "methods": list(self.methods),
                "app_password_url": self.app_password_url, "help_url": self.help_url,
                "app_password_kind": self.app_password_kind, "prerequisites": list(self.prerequisites),
                "recognised_by": list(self.recognised_by)}

    @classmethod
    def from_dict(cls, d: Any) -> SignIn | None:
        """A ``probe --json`` ``sign_in`` back (None for null). Raises ValueError naming the bad field."""
        if d is None:
            return None
        if not isinstance(d, dict):
            raise ValueError("field 'sign_in' must be an object or null")
        methods = tuple(str(m) for m in list_field(d, "methods"))
        if not methods or any(m not in METHODS for m in methods):
            raise ValueError(f"field 'sign_in.methods' must list some of {', '.join(METHODS)}")
        return cls(provider=req_str(d, "provider"), provider_name=req_str(d, "provider_name"),
                   methods=methods, app_password_url=opt_str(d, "app_password_url"),
                   help_url=opt_str(d, "help_url"), app_password_kind=opt_str(d, "app_password_kind"),
                   prerequisites=tuple(str(p) for p in list_field(d, "prerequisites")),
                   recognised_by=tuple(str(r) for r in list_field(d, "recognised_by")))


@dataclass(frozen=True)
class OAuth2App:
    """An organisation's own OAuth2 app registration (its preset's ``[oauth2]``), for a real sign-in test:
    a public client (no secret) using PKCE and a loopback redirect. No client ID is shipped or borrowed."""

    client_id: str
    authorization_endpoint: str
    token_endpoint: str
    scopes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"client_id": self.client_id, "authorization_endpoint": self.authorization_endpoint,
                "token_endpoint": self.token_endpoint, "scopes": list(self.scopes)}
