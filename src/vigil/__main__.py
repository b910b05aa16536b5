"""The `vigil` command: Django's management commands and Vigil's own, under one name."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vigil.settings")
    from django.core.management import execute_from_command_line

    args = sys.argv[1:]
    # `vigil load-demo` and `vigil load_demo` are the same command.
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")
    execute_from_command_line(["vigil", *args])


if __name__ == "__main__":
    main()
