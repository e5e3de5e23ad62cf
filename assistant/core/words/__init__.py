"""What people read: messages with codes, errors, translation marks, vocabularies, printable text."""
