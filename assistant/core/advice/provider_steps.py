"""The steps for a provider that refuses the normal password, in each mail program's own account type.

For Google, Microsoft 365 / Outlook.com, Yahoo, AOL, iCloud, Fastmail, QQ Mail and NetEase the generic steps
("set it up by hand, type your password") cannot work: Thunderbird chooses OAuth2 by itself once it knows the
provider, Apple Mail and the iPhone have the provider's own account type (Internet Accounts / Settings ›
Apps › Mail › Mail Accounts › Add Account › Google, Microsoft Exchange, Yahoo!), the new Outlook and the Gmail
app open the provider's page, and where only an app password or an authorization code works the steps say to
make one first and type it instead of the password. ``programs.instructions`` asks here when the account
carries a recognised provider (``AccountConfig.sign_in``). Qt-free: templates in context "sheet" like the
other steps.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.core.model.provider import OTHER, SignIn
from assistant.core.words.i18n import QT_TRANSLATE_NOOP

# Programs that sign in to these providers through the provider's page (OAuth2) when the provider offers it:
# Thunderbird's built-in providers (OAuth2Providers.sys.mjs) and Thunderbird for Android's
# (K9OAuthConfigurationFactory.kt).
THUNDERBIRD_OAUTH2 = frozenset({"google", "microsoft", "yahoo", "aol", "fastmail"})

TEXTS: dict[str, str] = {
    "secret_app_password": QT_TRANSLATE_NOOP("sheet", "the app password"),
    "secret_authorization_code": QT_TRANSLATE_NOOP("sheet", "the authorization code"),
    "make_app_password": QT_TRANSLATE_NOOP(
        "sheet", "First make an app password for this program at {url} (your normal password does not work "
                 "here)."),
    "make_authorization_code": QT_TRANSLATE_NOOP(
        "sheet", "First switch on IMAP/SMTP in the web settings of {provider} and make an authorization code "
                 "there ({url}); your normal password does not work here."),
    "thunderbird_oauth2_2": QT_TRANSLATE_NOOP(
        "sheet", "Enter your name and {address}, leave the password empty and choose Continue: Thunderbird "
                 "finds the settings of {provider} and chooses OAuth2 by itself."),
    "thunderbird_oauth2_3": QT_TRANSLATE_NOOP(
        "sheet", "Choose Done, then sign in on the page of {provider} that opens."),
    "thunderbird_secret_2": QT_TRANSLATE_NOOP(
        "sheet", "Enter your name, {address} and {secret} as the password; choose Continue, then Done."),
    "apple_mail_builtin_1": QT_TRANSLATE_NOOP(
        "sheet", "Open System Settings › Internet Accounts › Add Account › {account}."),
    "iphone_builtin_1": QT_TRANSLATE_NOOP(
        "sheet", "Open Settings › Apps › Mail › Mail Accounts › Add Account › {account}."),
    "builtin_2": QT_TRANSLATE_NOOP(
        "sheet", "Sign in as {provider} asks (on its own page or in its own window), then switch Mail on."),
    "apple_mail_secret_2": QT_TRANSLATE_NOOP(
        "sheet", "Enter your name, {address} and {secret} as the password; choose Sign In."),
    "iphone_secret_2": QT_TRANSLATE_NOOP(
        "sheet", "Enter your name, {address} and {secret} as the password; choose Next."),
    "outlook_oauth2_1": QT_TRANSLATE_NOOP(
        "sheet", "In Outlook choose File › Add Account, enter {address} and choose Connect."),
    "outlook_new_oauth2_1": QT_TRANSLATE_NOOP(
        "sheet", "In the new Outlook choose Settings › Accounts › Email accounts › Add account, enter "
                 "{address} and choose Continue."),
    "outlook_oauth2_2": QT_TRANSLATE_NOOP("sheet", "Sign in on the page of {provider} that opens."),
    "outlook_secret_3": QT_TRANSLATE_NOOP(
        "sheet", "Choose {protocol}, enter the server values, then {secret} as the password."),
    "outlook_new_secret_3": QT_TRANSLATE_NOOP(
        "sheet", "Enter {secret} as the password, open Show more and enter the server values; then choose "
                 "Continue."),
    "android_gmail_oauth2": QT_TRANSLATE_NOOP(
        "sheet", "In the Gmail app tap your picture › Add another account, choose {provider} and sign in on "
                 "its page."),
    "android_thunderbird_oauth2": QT_TRANSLATE_NOOP(
        "sheet", "In Thunderbird for Android choose Add account and enter {address}: it opens the sign-in "
                 "page of {provider}."),
    "android_secret_2": QT_TRANSLATE_NOOP(
        "sheet", "Choose {protocol}, enter the incoming server values with {secret} as the password, then "
                 "the outgoing ones."),
    "other_oauth2_only": QT_TRANSLATE_NOOP(
        "sheet", "Add the account in your mail program: one that knows {provider} opens its sign-in page "
                 "(OAuth2). A program that asks for a password instead cannot sign in to {provider}."),
    "other_oauth2": QT_TRANSLATE_NOOP(
        "sheet", "Add the account in your mail program: one that knows {provider} opens its sign-in page "
                 "(OAuth2). A program that asks for a password needs an app password instead: {url}"),
    "other_secret_1": QT_TRANSLATE_NOOP(
        "sheet", "Add a new mail account, choose to set it up by hand, enter the server values and {secret} "
                 "as the password."),
    "oauth2_word": QT_TRANSLATE_NOOP("sheet", "OAuth2"),
}


@dataclass(frozen=True)
class Step:
    """One step: a key of TEXTS (or of the programs' own texts), its plain fields, fields that are TEXTS keys
    (translated first), and the provider's names by language (``{provider}``, in the reader's language)."""

    code: str
    fields: tuple[tuple[str, str], ...] = ()
    words: tuple[tuple[str, str], ...] = ()
    names: tuple[tuple[str, str], ...] = ()


def applies(sign_in: SignIn | None) -> bool:
    """A provider from the table (one known only from its settings file keeps the generic steps)."""
    return sign_in is not None and sign_in.provider != OTHER


def _oauth2(sign_in: SignIn, program: str) -> bool:
    """Whether ``program`` signs in to this provider through the provider's own page."""
    if "oauth2" not in sign_in.methods:
        return False
    if program in ("thunderbird", "android"):
        return sign_in.provider in THUNDERBIRD_OAUTH2
    return program in ("outlook", "outlook_new", "other")


def steps(sign_in: SignIn, program: str, address: str, protocol: str,
          profile: str | None = None) -> list[Step] | None:
    """The steps for ``program`` at this provider; None where the generic steps are right (an Apple
    profile for a provider the Apple devices have no account type for)."""
    url = sign_in.app_password_url or sign_in.help_url or ""
    base = {"address": address, "protocol": protocol, "url": url}
    secret = "secret_authorization_code" if sign_in.authorization_code else "secret_app_password"
    names = sign_in.names or (("en", sign_in.provider_name),)

    def step(code: str, **fields: str) -> Step:
        return Step(code, tuple({**base, **fields}.items()), (("secret", secret),), names)

    make = step("make_authorization_code" if sign_in.authorization_code else "make_app_password")
    if program in ("apple_mail", "iphone"):
        if sign_in.apple_account and ("oauth2" in sign_in.methods or sign_in.provider == "apple"):
            return [step(f"{program}_builtin_1", account=sign_in.apple_account), step("builtin_2")]
        if profile:
            return None  # the saved profile sets it up; the person types the app password when asked
        first = "apple_mail_1" if program == "apple_mail" else "iphone_1"
        return [make, step(first), step(f"{program}_secret_2"), step("apple_3")]
    if _oauth2(sign_in, program):
        if program == "thunderbird":
            return [step("thunderbird_1"), step("thunderbird_oauth2_2"), step("thunderbird_oauth2_3")]
        if program in ("outlook", "outlook_new"):
            return [step(f"{program}_oauth2_1"), step("outlook_oauth2_2")]
        if program == "android":
            gmail = [step("android_gmail_oauth2")] if "gmail_app" in sign_in.android else []
            return [*gmail, step("android_thunderbird_oauth2")]
        return [step("other_oauth2_only" if sign_in.oauth2_only else "other_oauth2")]
    if sign_in.oauth2_only:  # no password route exists: the provider's own page, whatever the program
        return [step("other_oauth2_only")]
    return {
        "thunderbird": [make, step("thunderbird_1"), step("thunderbird_secret_2")],
        "outlook": [make, step("outlook_1"), step("outlook_2"), step("outlook_secret_3")],
        "outlook_new": [make, step("outlook_new_1"), step("outlook_new_2"), step("outlook_new_secret_3")],
        "android": [make, step("android_1"), step("android_secret_2")],
    }.get(program, [make, step("other_secret_1")])


def method_word(sign_in: SignIn | None, program: str) -> str | None:
    """The sign-in method the values name for ``program`` (a key of the programs' texts): OAuth2 where the
    program signs in through the provider's page, "Normal password" where an app password is typed in its
    place; None for an ordinary server (the server's own method decides)."""
    if sign_in is None or sign_in.provider == OTHER:
        return None
    if sign_in.oauth2_only or _oauth2(sign_in, program):
        return "oauth2_word"
    return "normal_password"
