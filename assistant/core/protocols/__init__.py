"""Minimal, bounded mail protocol conversations (IMAP, POP3, SMTP submission) for probing and sign-in."""

from assistant.core.protocols.endpoint import Goodbyes, ProbeFailure, Session, open_session, probe_endpoint
from assistant.core.protocols.lineconn import LineConnection, ProtocolError

__all__ = ["Goodbyes", "LineConnection", "ProbeFailure", "ProtocolError", "Session", "open_session",
           "probe_endpoint"]
