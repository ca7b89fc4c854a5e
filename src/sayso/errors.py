"""Errors that reach a user as one clear line (the CLI turns them into a message and an exit code)."""


class SaysoError(Exception):
    """Base class: anything sayso raises on purpose."""

    exit_code = 1


class ModelNotFound(SaysoError):
    """No English spaCy model is installed (or the named one is missing)."""

    exit_code = 2


class InputError(SaysoError):
    """One input could not be read: empty, binary, malformed, too large."""


class StoreError(SaysoError):
    """The database could not be opened or written (locked by another writer, wrong schema...)."""
