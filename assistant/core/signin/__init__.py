"""Sign-in pieces: the password wrapper, a verified session, and one conversation per protocol."""
