"""The PySide6 setup wizard: presentation, questions and choices over the Qt-free core."""
