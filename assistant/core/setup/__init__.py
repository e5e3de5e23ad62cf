"""The use cases of one setup, shared by the CLI and the wizard (see docs/architecture.md).

``session.SetupSession`` holds one setup's state; ``selection`` makes the one decision of which server is
used; ``usecases`` runs discovery, tests and sign-in; ``diagnostics`` writes the helpdesk text. Modules are
imported where used: the wizard's first window imports this package before the data model loads.
"""
