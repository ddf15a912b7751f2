"""Typed errors of the core.

User mistakes (:class:`NotFound`, :class:`ValidationError`) and environment problems
(:class:`StorageError`) derive from :class:`SeminaireError`; anything else escaping the
core is a bug. Each error carries a stable ``code`` and parameters so that clients can
word it in their own language; ``str(error)`` is a plain English sentence.
"""

from __future__ import annotations


class SeminaireError(Exception):
    """Base class of every expected error raised by the core."""

    code = "error"


class NotFound(SeminaireError):  # noqa: N818 - named as the STYLE guide names it
    """A reference, edition, workshop… named by the user does not exist."""

    code = "not-found"

    def __init__(self, kind: str, key: object) -> None:
        self.kind = kind
        self.key = key
        super().__init__(f"no {kind} {key!s}")


class ValidationError(SeminaireError):
    """A value given by the user is not acceptable; ``field`` names it.

    ``message`` is given as an English template with ``{name}`` placeholders, always a
    plain literal at the raise site, and kept as ``template`` so that a client can look
    it up in its own translations and fill it with ``params``; ``message`` is the
    English sentence filled in.
    """

    code = "invalid"

    def __init__(self, field: str, message: str, **params: object) -> None:
        self.field = field
        self.template = message
        self.params = params
        self.message = message.format(**params)
        super().__init__(f"{field}: {self.message}")


class StorageError(SeminaireError):
    """The environment failed us: disk full, file gone or locked, corrupt database."""

    code = "storage"


class Cancelled(SeminaireError):  # noqa: N818 - a state, not a failure; never shown as an error
    """Long work stopped because the user asked; never reported as a failure."""

    code = "cancelled"
