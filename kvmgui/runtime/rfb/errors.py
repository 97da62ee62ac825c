"""Errors of the RFB client. Every message is a sentence a user can read."""

from __future__ import annotations

from kvmgui.core.messages import KvmguiError


class RfbError(KvmguiError):
    """Base class: the display connection failed or broke."""


class RfbConnectError(RfbError):
    """The display socket could not be reached (VM stopped, wrong address, refused)."""


class RfbAuthError(RfbError):
    """The display refused our credentials or asked for a method we do not support."""


class RfbProtocolError(RfbError):
    """The server sent something this client does not understand."""
