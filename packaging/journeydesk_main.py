"""Entry point of the desktop bundle (packaging/journeydesk.spec): the same
``journeydesk`` command as the one pip installs."""

import multiprocessing
import sys

from journeydesk.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a no-op unless a child process is spawned
    sys.exit(main())
