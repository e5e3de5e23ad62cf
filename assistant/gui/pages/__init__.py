"""One module per wizard page; every page derives from ``base.Page``."""
