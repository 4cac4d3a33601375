"""Subcommands of ``asmb-spec``, one module per program; each exposes ``register``."""
