"""The Qt-free core: discovery, probing, recommendation, profiles, sign-in. Never imports PySide6."""
