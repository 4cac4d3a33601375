"""``python -m spec`` runs the ``asmb-spec`` command."""

from spec.cli import main

raise SystemExit(main())
