"""The qemu.qmp client kvmgui connects with (see qmp_session, which imports it on connect)."""

from __future__ import annotations

import logging

from qemu.qmp import Message, QMPClient


class QuietClient(QMPClient):
    """QMPClient whose message hooks pretty-print a message only when debug logging is on:
    the library formats every message (indented JSON, about 1 ms) even when nothing is
    logged, which was most of the app's idle CPU with ten guests sampled every 2 s."""

    def _cb_outbound(self, msg: Message) -> Message:
        if self.logger.isEnabledFor(logging.DEBUG):
            return super()._cb_outbound(msg)
        return msg

    def _cb_inbound(self, msg: Message) -> Message:
        if self.logger.isEnabledFor(logging.DEBUG):
            return super()._cb_inbound(msg)
        return msg
