"""Advice for the person: IMAP or POP3, and each mail program's own steps."""
