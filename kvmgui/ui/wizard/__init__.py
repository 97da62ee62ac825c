"""The new-VM wizard (QWizard) and the draft it fills."""

from kvmgui.ui.wizard.draft import Draft, SourceKind
from kvmgui.ui.wizard.wizard import NewVmWizard

__all__ = ["Draft", "NewVmWizard", "SourceKind"]
