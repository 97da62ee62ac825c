"""The disk image tools: info, convert, compress, grow or shrink, check (qemu-img, through
kvmgui.runtime.images).

Every operation that rewrites an image writes a new file first and swaps it in only when it
is complete and checked (the runtime's SAFE-SWAP rule), so Cancel or a failure leaves the
original as it was. An image a running VM uses is refused by the runtime's lock test, whose
sentence is shown as is.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kvmgui.core import qemu_img as qi
from kvmgui.core.qemu_img import CheckResult, CheckStatus, ImageInfo
from kvmgui.runtime.images import (
    ImageError,
    ImageJob,
    JobResult,
    check_image,
    compress_job,
    convert_job,
    image_chain,
    resize_job,
)
from kvmgui.runtime.write_guard import WriteGuard
from kvmgui.ui.context import AppContext
from kvmgui.ui.errors import ask, show_error
from kvmgui.ui.i18n import core_text, format_size, translate
from kvmgui.ui.media.fields import GibBox, SavePathField
from kvmgui.ui.media.job_dialog import JobDialog
from kvmgui.ui.media.jobs import (
    Progress,
    alive,
    async_slot,
    image_owners,
    recorded_format,
    vm_active,
)
from kvmgui.ui.widgets import (
    Action,
    PathField,
    action_row,
    dialog_layout,
    form_row,
    hint_label,
    text_label,
)

IMAGE_FILTER = "Disk images (*.qcow2 *.img *.raw *.vmdk *.vdi *.vhdx *.vhd);;All files (*)"
OUTPUT_FILTER = "Disk images (*.qcow2 *.img *.raw);;All files (*)"


class InPlaceJob(Protocol):
    """compress_job or resize_job with its image (and new size) already given; the dialog
    adds the format to open it with, qemu-img, the progress and the write guard."""

    def __call__(
        self, *, fmt: str | None, qemu_img: str, progress: Progress, guard: WriteGuard
    ) -> ImageJob: ...


TABS = ("convert", "compress", "resize", "check")


def default_destination(source: Path, to: str) -> Path:
    """`disk.vmdk` → `disk.qcow2`; never the source itself (`disk-converted.qcow2`)."""
    if not source.name:
        return source
    suffix = ".qcow2" if to == "qcow2" else ".img"
    candidate = source.with_suffix(suffix)
    if candidate == source:
        candidate = source.with_name(f"{source.stem}-converted{suffix}")
    return candidate


def chain_text(chain: list[ImageInfo]) -> str:
    """ "disk.qcow2 (qcow2) → base.qcow2 (qcow2)", the image first."""
    return " → ".join(f"{Path(link.filename).name} ({link.format})" for link in chain)


class ImageToolsDialog(JobDialog):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        image: str = "",
        page: str = "convert",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.info: ImageInfo | None = None
        self.chain: list[ImageInfo] = []
        self._token = 0
        self._dest_edited = False
        # A speed limit for conversions (bytes/s): tests set it so that Cancel lands midway.
        self.rate_limit: int | None = None
        layout = dialog_layout(
            self, "ImageToolsDialog", translate("ImageToolsDialog", "Disk image tools")
        )

        top = QFormLayout()
        self.image = PathField(
            translate("ImageToolsDialog", "Disk image"),
            self,
            filters=IMAGE_FILTER,
            placeholder=translate("ImageToolsDialog", "/path/to/disk.qcow2"),
        )
        self.image.changed.connect(self._image_changed)
        form_row(top, translate("ImageToolsDialog", "&Image:"), self.image.edit, self.image)
        layout.addLayout(top)

        about = QGroupBox(translate("ImageToolsDialog", "About this image"), self)
        form = QFormLayout(about)
        self.format_value = text_label("—", about, translate("ImageToolsDialog", "Format"))
        self.virtual_value = text_label(
            "—", about, translate("ImageToolsDialog", "Size the guest sees")
        )
        self.actual_value = text_label(
            "—", about, translate("ImageToolsDialog", "Space used on disk")
        )
        self.chain_value = text_label("—", about, translate("ImageToolsDialog", "Backing chain"))
        self.snapshots_value = text_label("—", about, translate("ImageToolsDialog", "Snapshots"))
        self.owners_value = text_label("—", about, translate("ImageToolsDialog", "Used by"))
        form.addRow(translate("ImageToolsDialog", "Format:"), self.format_value)
        form.addRow(translate("ImageToolsDialog", "Size the guest sees:"), self.virtual_value)
        form.addRow(translate("ImageToolsDialog", "Space used on disk:"), self.actual_value)
        form.addRow(translate("ImageToolsDialog", "Backing chain:"), self.chain_value)
        form.addRow(translate("ImageToolsDialog", "Snapshots:"), self.snapshots_value)
        form.addRow(translate("ImageToolsDialog", "Used by:"), self.owners_value)
        self.info_hint = hint_label("", about)
        form.addRow(self.info_hint)
        layout.addWidget(about)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(translate("ImageToolsDialog", "Operations"))
        self.tabs.addTab(self._build_convert(), translate("ImageToolsDialog", "Con&vert"))
        self.tabs.addTab(self._build_compress(), translate("ImageToolsDialog", "Co&mpress"))
        self.tabs.addTab(self._build_resize(), translate("ImageToolsDialog", "&Resize"))
        self.tabs.addTab(self._build_check(), translate("ImageToolsDialog", "C&heck"))
        if page in TABS:
            self.tabs.setCurrentIndex(TABS.index(page))
        layout.addWidget(self.tabs)

        layout.addWidget(self.make_panel())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(660, 600)
        self._enable()
        if image:
            self.image.set_text(image)

    # -- building ---------------------------------------------------------------------------

    def _build_convert(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.to_format = QComboBox(page)
        self.to_format.setAccessibleName(translate("ImageToolsDialog", "New format"))
        self.to_format.addItem(
            translate("ImageToolsDialog", "qcow2 (grows as needed, snapshots, compression)"),
            "qcow2",
        )
        self.to_format.addItem(
            translate("ImageToolsDialog", "raw (a plain copy of the disk, for dd or other tools)"),
            "raw",
        )
        self.to_format.currentIndexChanged.connect(self._format_changed)
        form.addRow(translate("ImageToolsDialog", "New &format:"), self.to_format)
        self.compress_check = QCheckBox(
            translate("ImageToolsDialog", "Com&press the new image (smaller, a little slower)"),
            page,
        )
        self.compress_check.setAccessibleName(
            translate("ImageToolsDialog", "Compress the new image")
        )
        form.addRow(self.compress_check)
        self.verify_check = QCheckBox(
            translate("ImageToolsDialog", "Compare the new image with the original when done"),
            page,
        )
        self.verify_check.setAccessibleName(self.verify_check.text())
        self.verify_check.setChecked(True)
        form.addRow(self.verify_check)
        self.destination = SavePathField(
            translate("ImageToolsDialog", "New image file"),
            page,
            filters=OUTPUT_FILTER,
            placeholder=translate("ImageToolsDialog", "/path/to/new.qcow2"),
        )
        self.destination.changed.connect(self._destination_edited)
        form_row(
            form,
            translate("ImageToolsDialog", "&Save as:"),
            self.destination.edit,
            self.destination,
        )
        form.addRow(
            hint_label(
                translate(
                    "ImageToolsDialog",
                    "The original is never changed. A base image and its overlays are "
                    "merged into one independent image.",
                ),
                page,
            )
        )
        row, [self.convert_button] = action_row(
            page,
            trailing=[
                Action(
                    translate("ImageToolsDialog", "&Convert"),
                    translate("ImageToolsDialog", "Convert the image"),
                    self.on_convert,
                )
            ],
        )
        form.addRow(row)
        return page

    def _intro_page(self, intro: str) -> tuple[QWidget, QVBoxLayout]:
        """A tool's page, opening with the sentence that says what the tool does."""
        page = QWidget(self)
        v = QVBoxLayout(page)
        v.addWidget(hint_label(intro, page))
        return page, v

    def _build_compress(self) -> QWidget:
        page, v = self._intro_page(
            translate(
                "ImageToolsDialog",
                "Rewrites a qcow2 image compressed, to save space on this computer. The "
                "compressed copy is checked and compared with the original before it "
                "replaces it; the guest sees exactly the same disk.",
            )
        )
        row, [self.compress_button] = action_row(
            page,
            trailing=[
                Action(
                    translate("ImageToolsDialog", "Co&mpress now"),
                    translate("ImageToolsDialog", "Compress the image"),
                    self.on_compress,
                )
            ],
        )
        v.addLayout(row)
        v.addStretch(1)
        return page

    def _build_resize(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.current_size = QLabel("—", page)
        self.current_size.setAccessibleName(translate("ImageToolsDialog", "Current size"))
        form.addRow(translate("ImageToolsDialog", "Current size:"), self.current_size)
        self.new_size = GibBox(translate("ImageToolsDialog", "New size in GiB"), page)
        self.new_size.valueChanged.connect(lambda _v: self._enable())
        form_row(form, translate("ImageToolsDialog", "New si&ze:"), self.new_size)
        self.shrink_check = QCheckBox(
            translate(
                "ImageToolsDialog",
                "I understand that shrinking &deletes everything beyond the new size",
            ),
            page,
        )
        self.shrink_check.setAccessibleName(
            translate("ImageToolsDialog", "Confirm that shrinking deletes data")
        )
        self.shrink_check.toggled.connect(lambda _on: self._enable())
        form.addRow(self.shrink_check)
        self.resize_hint = hint_label("", page)
        form.addRow(self.resize_hint)
        row, [self.resize_button] = action_row(
            page,
            trailing=[
                Action(
                    translate("ImageToolsDialog", "Resi&ze"),
                    translate("ImageToolsDialog", "Resize the image"),
                    self.on_resize,
                )
            ],
        )
        form.addRow(row)
        return page

    def _build_check(self) -> QWidget:
        page, v = self._intro_page(
            translate(
                "ImageToolsDialog",
                "Looks for damage in a qcow2 image (after a crash or a full disk, for "
                "example). Nothing is changed unless you ask for the leak repair.",
            )
        )
        self.repair_check = QCheckBox(
            translate(
                "ImageToolsDialog",
                "Re&pair leaks (reclaims wasted space; the data is not touched)",
            ),
            page,
        )
        self.repair_check.setAccessibleName(translate("ImageToolsDialog", "Repair leaks"))
        v.addWidget(self.repair_check)
        row, [self.check_button] = action_row(
            page,
            trailing=[
                Action(
                    translate("ImageToolsDialog", "Chec&k now"),
                    translate("ImageToolsDialog", "Check the image"),
                    self.on_check,
                )
            ],
        )
        v.addLayout(row)
        v.addStretch(1)
        return page

    # -- the image --------------------------------------------------------------------------

    def path(self) -> Path | None:
        text = self.image.text().strip()
        return Path(os.path.abspath(os.path.expanduser(text))) if text else None

    def fmt(self) -> str | None:
        """The format to open the image with: the one a VM records, else the one qemu-img
        found (once, when the info was read)."""
        path = self.path()
        if path is None:
            return None
        recorded = recorded_format(self.ctx, path)
        if recorded:
            return recorded
        return self.info.format if self.info is not None else None

    def _image_changed(self, _text: str) -> None:
        self.info = None
        self.chain = []
        self._show_info()
        path = self.path()
        self._suggest_destination()
        if path is not None and path.is_file():
            self.refresh_info()
        elif path is not None:
            self.info_hint.setText(translate("ImageToolsDialog", "There is no file at this path."))
        self._enable()

    @async_slot()
    async def refresh_info(self) -> ImageInfo | None:
        if not alive(self):
            return None
        self._track()
        path = self.path()
        if path is None:
            return None
        self._token += 1
        token = self._token
        self.info_hint.setText(translate("ImageToolsDialog", "Reading the image…"))
        try:
            chain = await image_chain(
                path, fmt=recorded_format(self.ctx, path), qemu_img=self._qemu_img()
            )
        except ImageError as exc:
            if alive(self) and token == self._token:
                self.info_hint.setText(core_text(exc.message))
                self.info = None
                self._enable()
            return None
        if not alive(self) or token != self._token:
            return None  # another image was chosen meanwhile, or the dialog was closed
        self.chain = chain
        self.info = chain[0]
        self.info_hint.setText("")
        self._show_info()
        self._enable()
        return self.info

    def _show_info(self) -> None:
        info = self.info
        if info is None:
            for label in (
                self.format_value,
                self.virtual_value,
                self.actual_value,
                self.chain_value,
                self.snapshots_value,
                self.owners_value,
            ):
                label.setText("—")
            self.current_size.setText("—")
            return
        self.format_value.setText(info.format)
        self.virtual_value.setText(format_size(info.virtual_size))
        self.actual_value.setText(
            format_size(info.actual_size) if info.actual_size is not None else "—"
        )
        if len(self.chain) > 1:
            self.chain_value.setText(chain_text(self.chain))
        else:
            self.chain_value.setText(translate("ImageToolsDialog", "none (a standalone image)"))
        self.snapshots_value.setText(
            ", ".join(s.name for s in info.snapshots)
            if info.snapshots
            else translate("ImageToolsDialog", "none")
        )
        path = self.path()
        owners = image_owners(self.ctx, path) if path is not None else []
        if owners:
            names = []
            for vm in owners:
                if vm_active(self.ctx, vm):
                    names.append(
                        translate(
                            "ImageToolsDialog",
                            "{0} (running: shut it down before changing this image)",
                        ).format(vm.spec.name)
                    )
                else:
                    names.append(vm.spec.name)
            self.owners_value.setText(", ".join(names))
        else:
            self.owners_value.setText(translate("ImageToolsDialog", "no virtual machine"))
        self.current_size.setText(format_size(info.virtual_size))
        self.new_size.blockSignals(True)
        self.new_size.set_bytes(info.virtual_size)
        self.new_size.blockSignals(False)
        self.shrink_check.setChecked(False)

    def _format_changed(self, _index: int) -> None:
        qcow2 = self.to_format.currentData() == "qcow2"
        self.compress_check.setEnabled(qcow2)
        if not qcow2:
            self.compress_check.setChecked(False)
        self._suggest_destination()

    def _suggest_destination(self) -> None:
        """Next to the source, with the new format's extension, until the user types one."""
        path = self.path()
        if path is None or self._dest_edited or not path.name:
            return
        self.destination.blockSignals(True)
        self.destination.set_text(str(default_destination(path, str(self.to_format.currentData()))))
        self.destination.blockSignals(False)

    def _destination_edited(self, _text: str) -> None:
        self._dest_edited = True
        self._enable()

    def _enable(self) -> None:
        busy = self.panel.busy
        ready = self.info is not None and not busy
        self.image.setEnabled(not busy)
        self.convert_button.setEnabled(ready and bool(self.destination.text().strip()))
        self.compress_button.setEnabled(
            ready and self.info is not None and self.info.format in qi.COMPRESSIBLE_FORMATS
        )
        self.compress_button.setToolTip(
            ""
            if self.info is None or self.info.format in qi.COMPRESSIBLE_FORMATS
            else translate(
                "ImageToolsDialog",
                "Only qcow2 images can be compressed: convert this one to a compressed "
                "qcow2 image instead.",
            )
        )
        self.check_button.setEnabled(ready)
        current = self.info.virtual_size if self.info is not None else 0
        wanted = self.new_size.bytes()
        shrinking = self.info is not None and wanted < current
        self.shrink_check.setEnabled(shrinking and not busy)
        if shrinking:
            self.resize_hint.setText(
                translate(
                    "ImageToolsDialog",
                    "Shrinking deletes everything beyond {0} on the disk. Shrink the "
                    "partitions inside the guest first (with GParted or Disk Management), "
                    "and keep a copy of the image.",
                ).format(format_size(wanted))
            )
        elif self.info is not None and wanted > current:
            self.resize_hint.setText(
                translate(
                    "ImageToolsDialog",
                    "Growing only adds room at the end; afterwards, enlarge the partition "
                    "inside the guest.",
                )
            )
        else:
            self.resize_hint.setText("")
        self.resize_button.setEnabled(
            ready and wanted != current and (not shrinking or self.shrink_check.isChecked())
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            translate("ImageToolsDialog", "Close")
        )

    def _qemu_img(self) -> str:
        return self.ctx.settings.qemu_img_binary

    def _guard(self) -> WriteGuard:
        """Every VM's disk, base and loop-mounted file is refused by the jobs themselves."""
        return WriteGuard.for_store(self.ctx.store, self.ctx.paths, qemu_img=self._qemu_img())

    # -- operations -------------------------------------------------------------------------

    @async_slot()
    async def on_convert(self) -> JobResult | None:
        self._track()
        source = self.path()
        dest_text = self.destination.text().strip()
        if source is None or not dest_text or self.panel.busy:
            return None
        dest = Path(os.path.abspath(os.path.expanduser(dest_text)))
        overwrite = False
        if dest.exists() or dest.is_symlink():
            if dest.exists() and os.path.samefile(dest, source):
                show_error(
                    self,
                    translate("ImageToolsDialog", "Choose another file name for the new image."),
                    informative=translate(
                        "ImageToolsDialog",
                        "The new image cannot replace the image it is made from. To make an "
                        "image smaller in place, use Compress.",
                    ),
                )
                return None
            answer = await ask(
                self,
                translate("ImageToolsDialog", "Replace {0}?").format(dest.name),
                informative=translate(
                    "ImageToolsDialog",
                    "{0} already exists. It is replaced only once the new image is "
                    "complete and checked; until then it stays as it is.",
                ).format(dest),
                yes_text=translate("ImageToolsDialog", "&Replace"),
                no_text=translate("ImageToolsDialog", "&Cancel"),
                danger=True,
            )
            if not answer.accepted:
                return None
            overwrite = True
        to = str(self.to_format.currentData())
        compress = self.compress_check.isChecked() and to == "qcow2"
        fmt = self.fmt()
        result = await self.panel.run_job(
            lambda progress: convert_job(
                source,
                dest,
                to=to,
                compress=compress,
                src_format=fmt,
                overwrite=overwrite,
                verify=self.verify_check.isChecked(),
                rate_limit=self.rate_limit,
                qemu_img=self._qemu_img(),
                progress=progress,
                guard=self._guard(),
            ),
            what=translate("ImageToolsDialog", "Converting {0}…").format(source.name),
            failed=translate("ImageToolsDialog", "The image could not be converted."),
        )
        return result

    @async_slot()
    async def on_compress(self) -> JobResult | None:
        path = self._start_tool()
        if path is None:
            return None
        return await self._rewrite(
            partial(compress_job, path),
            what=translate("ImageToolsDialog", "Compressing {0}…").format(path.name),
            failed=translate("ImageToolsDialog", "The image could not be compressed."),
        )

    @async_slot()
    async def on_resize(self) -> JobResult | None:
        path = self._start_tool()
        if path is None or self.info is None:
            return None
        size = self.new_size.bytes()
        shrink = size < self.info.virtual_size
        if shrink and not self.shrink_check.isChecked():
            return None
        return await self._rewrite(
            partial(resize_job, path, size, shrink=shrink),
            what=translate("ImageToolsDialog", "Resizing {0}…").format(path.name),
            failed=translate("ImageToolsDialog", "The image could not be resized."),
        )

    def _start_tool(self) -> Path | None:
        """A tool's button was pressed: the image to work on (the task is tracked, so closing
        the dialog waits for it); None when there is none or a job is still running."""
        self._track()
        path = self.path()
        return None if path is None or self.panel.busy else path

    async def _rewrite(self, job: InPlaceJob, *, what: str, failed: str) -> JobResult | None:
        """Run a job that rewrites the image in place, opened in the format it is known by and
        under this dialog's write guard, then show what the image is now."""
        fmt = self.fmt()
        result = await self.panel.run_job(
            lambda progress: job(
                fmt=fmt, qemu_img=self._qemu_img(), progress=progress, guard=self._guard()
            ),
            what=what,
            failed=failed,
        )
        if result is not None:
            await self.refresh_info()
        return result

    @async_slot()
    async def on_check(self) -> CheckResult | None:
        path = self._start_tool()
        if path is None:
            return None
        fmt = self.fmt()
        repair = "leaks" if self.repair_check.isChecked() else None
        result = await self.panel.run_busy(
            lambda: check_image(path, fmt=fmt, repair=repair, qemu_img=self._qemu_img()),
            what=translate("ImageToolsDialog", "Checking {0}…").format(path.name),
            failed=translate("ImageToolsDialog", "The image could not be checked."),
        )
        if result is None:
            return None
        self.panel.show_result(result.message)
        if result.status in (CheckStatus.CORRUPT, CheckStatus.FAILED):
            show_error(
                self,
                translate("ImageToolsDialog", "{0} is damaged.").format(path.name),
                informative=result.message,
            )
        return result
