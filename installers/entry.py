"""The frozen app's entry script: the same ``main()`` as the ``mail-setup-assistant`` console script."""

from assistant.__main__ import main

main()
