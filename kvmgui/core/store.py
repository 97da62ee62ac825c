"""The VM store: one folder per VM under a root folder, each holding vm.json, disks and logs.

    <root>/<name>/vm.json            the definition (core.definition), written atomically
    <root>/<name>/<disk images>      disks created by kvmgui (relative paths in vm.json)
    <root>/<name>/logs/              QEMU's log and the serial console
    <root>/<name>/OVMF_VARS.fd, tpm/ per-VM firmware state

Promises:
- A broken or unreadable definition is reported (folder name and reason) and skipped; the
  other VMs still load. Hidden folders and folders without vm.json are not VMs and are passed
  over silently (a folder of kept disks after a delete, for example).
- Nothing is overwritten silently: create never reuses a folder; save refuses when the file
  on disk is not the one that was loaded (another program changed it); a file of an older
  schema is kept as vm.json.v<N>.bak before it is first rewritten.
- A failed create (a full disk, say) removes everything it made.
- A VM appears only once it is complete: create(complete=False) marks the new folder as
  still being made (core/leftovers.py), load_all passes over marked folders, and
  mark_complete() removes the mark once the disks are written. The folder of a creator that
  was killed (SIGKILL, power cut) is removed by the next create, as are kvmgui temp files
  left in the root; a folder whose creator still runs is never touched.
- Names cannot leave the root: '/', '..', NUL and absolute names are refused (folder_for),
  and delete only removes files that really are inside the VM's folder.
- The folder name is the VM's name. If vm.json says otherwise (a rename interrupted by a
  crash, or a folder renamed by hand), the folder wins.

Symbolic links in the root are not followed (reported instead): delete and rename reason
about "inside the VM's folder", which a link pointing elsewhere would make meaningless.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from kvmgui.core import leftovers
from kvmgui.core.atomic import (
    fsync_dir,
    read_small_regular_file,
    remove_stale_temps,
    write_atomic,
)
from kvmgui.core.definition import (
    MAX_DEFINITION_BYTES,
    SCHEMA_VERSION,
    DefinitionError,
    dump_definition,
    parse_definition,
)
from kvmgui.core.messages import QT_TRANSLATE_NOOP, KvmguiError, Message
from kvmgui.core.model import Cdrom, Disk, Passthrough, VmSpec
from kvmgui.core.paths import VmFolder
from kvmgui.core.problems import shown
from kvmgui.core.trust import Approvals
from kvmgui.core.validation import errors, find_named, name_key, validate_id, validate_name

MAX_FOLDER_NAME_BYTES = 255


class StoreError(KvmguiError):
    """A store operation that failed; str() is one sentence a person can act on."""


@dataclass(frozen=True)
class StoredVm:
    """A VM as found in (or written to) the store.

    `schema_version` is the version of the file on disk (older ones are migrated in memory);
    `digest` identifies the bytes that were loaded, so save() can tell when another program
    changed the file in between. To change a VM, save `dataclasses.replace(stored, spec=...)`.
    """

    spec: VmSpec
    folder: VmFolder
    schema_version: int = SCHEMA_VERSION
    digest: str | None = None

    @property
    def name(self) -> str:
        return self.spec.name


@dataclass(frozen=True)
class LoadError:
    path: Path  # the file (or folder) that could not be used
    name: str  # the VM's folder name, "" for the root itself
    message: str  # one sentence: what is wrong


@dataclass(frozen=True)
class LoadResult:
    vms: list[StoredVm]
    errors: list[LoadError]


def _digest(raw: bytes) -> str:
    # hashlib loads OpenSSL's digests (0.7 MiB resident): imported with the first VM read.
    import hashlib

    return hashlib.sha256(raw).hexdigest()


def _os_sentence(exc: OSError, action: str, where: Path) -> str:
    """An OSError as a sentence with the fix, e.g. for a full disk or a read-only mount."""
    place = shown(str(where))
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return Message(QT_TRANSLATE_NOOP("core.store", "There is not enough free space in {place} "
            "to {action}: free some space and try again."), place=place, action=action)
    if code in (errno.EACCES, errno.EPERM):
        return Message(
            QT_TRANSLATE_NOOP(
                "core.store",
                "kvmgui may not write in {place} to {action}: check the folder's permissions or "
                "choose another VM folder in the settings.",
            ),
            place=place,
            action=action,
        )
    if code == errno.EROFS:
        return Message(QT_TRANSLATE_NOOP("core.store", "{place} is on a read-only filesystem, so "
            "kvmgui cannot {action}: choose another VM folder in the settings."), place=place,
            action=action)
    if code == errno.ENAMETOOLONG:
        return Message(QT_TRANSLATE_NOOP("core.store", "The name is too long for the filesystem "
            "of {place}: choose a shorter name."), place=place)
    return Message(QT_TRANSLATE_NOOP("core.store", "Could not {action} in {place} ({reason}): "
        "check the folder and try again."), action=action, place=place, reason=exc.strerror or exc)


def _read_definition(path: Path) -> bytes:
    """The bytes of a vm.json, refusing links, FIFOs, devices and huge files.

    A vm.json replaced by a symlink to a host file or by a FIFO must neither be read through
    nor hang the app.
    """
    try:
        return read_small_regular_file(path, MAX_DEFINITION_BYTES, follow_links=False)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise StoreError(Message(QT_TRANSLATE_NOOP("core.store", "{path} is a symbolic link, "
                "which kvmgui does not follow: replace it with the file itself."),
                path=shown(str(path)))) from None
        if exc.errno == errno.EINVAL:
            raise StoreError(Message(QT_TRANSLATE_NOOP("core.store", "{path} is not a regular "
                "file: replace it with a definition file."), path=shown(str(path)))) from None
        raise


def _inside(path: Path, real_dir: str) -> bool:
    """True when `path` (not following a final symlink) is inside the folder `real_dir`."""
    parent = os.path.realpath(path.parent)
    candidate = os.path.join(parent, path.name)
    return candidate.startswith(real_dir + os.sep) and path.name not in ("", ".", "..")


def _relocate(spec: VmSpec, old_dir: Path, new_dir: Path) -> VmSpec:
    """Absolute paths that pointed into the old folder, moved to the new one."""

    def move(p: str | None) -> str | None:
        if p is None or not os.path.isabs(p):
            return p
        try:
            rel = Path(p).relative_to(old_dir)
        except ValueError:
            return p
        return str(new_dir / rel)

    disks = tuple(
        replace(d, path=move(d.path) or d.path, backing_file=move(d.backing_file))
        for d in spec.disks
    )
    cdrom = spec.cdrom
    if cdrom is not None and cdrom.path is not None:
        cdrom = Cdrom(source=cdrom.source, path=move(cdrom.path))
    stick = spec.usb_stick
    if stick is not None:
        stick = Passthrough(path=move(stick.path) or stick.path, protected=stick.protected)
    return replace(spec, disks=disks, cdrom=cdrom, usb_stick=stick)


def _disk_files(disk: Disk, folder: VmFolder) -> list[Path]:
    """The image and, if any, its base image (relative base images sit next to the image)."""
    image = folder.resolve(disk.path)
    files = [image]
    if disk.backing_file:
        base = Path(disk.backing_file)
        files.append(base if base.is_absolute() else image.parent / base)
    return files


class VmStore:
    def __init__(self, root: Path, approvals: Approvals | None = None) -> None:
        self._root = Path(root)
        # What is written through the store is the user's own doing, so it is approved as it
        # is written (core.trust); None records nothing (tests of the store alone).
        self.approvals = approvals

    @property
    def root(self) -> Path:
        return self._root

    # -- paths ------------------------------------------------------------------------------

    def folder_for(self, name: str) -> VmFolder:
        """The folder of the VM called `name`; StoreError when the name could leave the root."""
        if not isinstance(name, str) or not name or name in (".", ".."):
            raise StoreError(Message(QT_TRANSLATE_NOOP("core.store", "A VM name cannot be empty, "
                "'.' or '..': choose another name.")))
        if "/" in name or "\0" in name:
            raise StoreError(Message(QT_TRANSLATE_NOOP("core.store", "A VM name cannot contain "
                "'/' or NUL characters: choose another name.")))
        if len(os.fsencode(name)) > MAX_FOLDER_NAME_BYTES:
            raise StoreError(Message(QT_TRANSLATE_NOOP("core.store", "The name is too long for a "
                "folder name: choose a shorter name.")))
        path = self._root / name
        if path.parent != self._root or path.name != name:  # pragma: no cover - defensive
            raise StoreError(Message(QT_TRANSLATE_NOOP("core.store", "That name would place the "
                "VM outside the VM folder: choose another name.")))
        return VmFolder(path)

    def _check_own_folder(self, folder: VmFolder) -> None:
        name = folder.dir.name
        if folder.dir.parent != self._root or self.folder_for(name).dir != folder.dir:
            raise StoreError(Message(QT_TRANSLATE_NOOP("core.store", "{dir} is not a VM folder in "
                "{root}, so kvmgui will not change it."), dir=shown(str(folder.dir)),
                root=shown(str(self._root))))
        if folder.dir.is_symlink():
            raise StoreError(Message(QT_TRANSLATE_NOOP("core.store", "{dir} is a symbolic link, "
                "which kvmgui does not follow: move the VM's folder into the VM folder."),
                dir=shown(str(folder.dir))))

    # -- reading ----------------------------------------------------------------------------

    def _load_folder(self, folder: VmFolder) -> StoredVm | None:
        """The VM in `folder`; None when it has no definition; StoreError when broken."""
        path = folder.definition
        try:
            raw = _read_definition(path)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError(Message(QT_TRANSLATE_NOOP("core.store", "{path} cannot be read "
                "({strerror}): check its permissions."), path=shown(str(path)),
                strerror=exc.strerror)) from None
        try:
            spec, version = parse_definition(raw, source=shown(str(path)))
        except DefinitionError as exc:
            raise StoreError(str(exc)) from None
        name = folder.dir.name
        if spec.name != name:
            spec = replace(spec, name=name)
        return StoredVm(spec=spec, folder=folder, schema_version=version, digest=_digest(raw))

    def stamp(self) -> frozenset[tuple[str, bool, tuple[int, int, int]]]:
        """Each VM folder's name, whether it is still being made, and its definition's file
        identity: cheap to take, and different whenever a VM is added, removed, renamed or
        redefined (definitions are replaced whole, so a new file), or a folder being made is
        finished, by this or another program (kvmgui-cli)."""
        try:
            names = [n for n in os.listdir(self._root) if not n.startswith(".")]
        except OSError:
            return frozenset()
        stamps: set[tuple[str, bool, tuple[int, int, int]]] = set()
        for name in names:
            folder = self._root / name
            try:
                st = os.stat(VmFolder(folder).definition)
                identity = (st.st_ino, st.st_mtime_ns, st.st_size)
            except OSError:
                identity = (-1, -1, -1)
            stamps.add((name, leftovers.is_incomplete(folder), identity))
        return frozenset(stamps)

    def load_all(self) -> LoadResult:
        """Every VM in the root, plus one LoadError per folder that could not be used."""
        vms: list[StoredVm] = []
        problems: list[LoadError] = []
        try:
            entries = sorted(os.scandir(self._root), key=lambda e: e.name)
        except FileNotFoundError:
            return LoadResult(vms, problems)
        except OSError as exc:
            problems.append(LoadError(self._root, "", Message(QT_TRANSLATE_NOOP("core.store",
                "The VM folder {root} cannot be read ({strerror}): check its permissions."),
                root=shown(str(self._root)), strerror=exc.strerror)))
            return LoadResult(vms, problems)
        by_id: dict[str, str] = {}
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                if entry.is_symlink():
                    if entry.is_dir():
                        problems.append(LoadError(path, shown(name), Message(
                            QT_TRANSLATE_NOOP(
                                "core.store",
                                "{path} is a symbolic link, which kvmgui does not follow: move "
                                "the VM's folder here instead.",
                            ),
                            path=shown(str(path)),
                        )))
                    continue
                if not entry.is_dir(follow_symlinks=False):
                    continue
            except OSError:
                continue
            try:
                name.encode("utf-8")
            except UnicodeEncodeError:
                problems.append(LoadError(path, shown(name), Message(QT_TRANSLATE_NOOP("core.store",
                    "The folder name {name} is not valid UTF-8: rename the folder."),
                    name=shown(name))))
                continue
            if leftovers.is_incomplete(path):
                continue  # still being made, or abandoned by a killed creator
            folder = VmFolder(path)
            try:
                stored = self._load_folder(folder)
            except StoreError as exc:
                problems.append(LoadError(folder.definition, name, str(exc)))
                continue
            if stored is None:
                continue
            first = by_id.get(stored.spec.id)
            if first is not None:
                problems.append(LoadError(folder.definition, name, Message(
                    QT_TRANSLATE_NOOP(
                        "core.store",
                        "VM '{name}' has the same id as VM '{first}', probably because its "
                        "folder was copied by hand: give it a new id by changing the letters "
                        "and digits of \"id\" in {definition}.",
                    ),
                    name=shown(name),
                    first=shown(first),
                    definition=shown(str(folder.definition)),
                )))
                continue
            by_id[stored.spec.id] = name
            vms.append(stored)
        return LoadResult(vms, problems)

    def find(self, name_or_id: str) -> StoredVm | None:
        """The VM with this exact name, else the one whose name is the same by name_key (case,
        Unicode normalisation), else this id."""
        return find_named(self.load_all().vms, name_or_id, lambda vm: vm.spec.name,
                          lambda vm: vm.spec.id)

    def get(self, name_or_id: str) -> StoredVm:
        """Like find, but a missing or broken VM is a StoreError saying why."""
        found = self.find(name_or_id)
        if found is not None:
            return found
        for problem in self.load_all().errors:
            if problem.name == name_or_id or name_key(problem.name) == name_key(name_or_id):
                raise StoreError(problem.message)
        raise StoreError(Message(QT_TRANSLATE_NOOP("core.store", "There is no VM called "
            "'{name_or_id}': 'kvmgui-cli list' shows the VMs there are."),
            name_or_id=shown(name_or_id)))

    def _names_in_use(self) -> list[str]:
        result = self.load_all()
        return [vm.spec.name for vm in result.vms] + [e.name for e in result.errors if e.name]

    # -- writing ----------------------------------------------------------------------------

    @staticmethod
    def _encode(spec: VmSpec) -> bytes:
        """The file for `spec`, proven readable: what is written must load again."""
        raw = dump_definition(spec)
        try:
            parse_definition(raw, source=Message(QT_TRANSLATE_NOOP("core.store",
                "for VM '{name}'"), name=shown(spec.name)))
        except DefinitionError as exc:
            raise StoreError(str(exc)) from None
        return raw

    def create(self, spec: VmSpec, *, complete: bool = True) -> StoredVm:
        """Make the VM's folder and write its definition; never reuses an existing folder.

        What the new VM reaches on this computer is approved (core.trust): the user made it.
        On any failure everything created here is removed again and StoreError says why.
        With complete=False the VM stays hidden from load_all until mark_complete() (for a
        VM whose disks are still to be written); delete() removes it like any VM.
        """
        leftovers.remove_abandoned(self._root)
        leftovers.sweep_temp_files(self._root)
        result = self.load_all()
        names = [vm.spec.name for vm in result.vms] + [e.name for e in result.errors if e.name]
        problems = errors(validate_name(spec.name, names)) + validate_id(spec.id)
        if problems:
            raise StoreError(problems[0].message)
        if any(vm.spec.id == spec.id for vm in result.vms):
            raise StoreError(Message(QT_TRANSLATE_NOOP("core.store", "A VM with the id {id} "
                "already exists: give the new VM a new id."), id=spec.id))
        folder = self.folder_for(spec.name)
        raw = self._encode(spec)
        action = Message(QT_TRANSLATE_NOOP("core.store", "create VM '{name}'"),
            name=shown(spec.name))
        try:
            self._root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(_os_sentence(exc, action, self._root)) from None
        try:
            folder.dir.mkdir(mode=0o700)
        except FileExistsError:
            raise StoreError(Message(QT_TRANSLATE_NOOP("core.store", "A folder named '{name}' "
                "already exists in {root} (perhaps the kept disks of a deleted VM): choose "
                "another name or move that folder away."), name=shown(spec.name),
                root=shown(str(self._root)))) from None
        except OSError as exc:
            raise StoreError(_os_sentence(exc, action, self._root)) from None
        try:
            if not complete:
                leftovers.mark_incomplete(folder.dir)
            folder.logs.mkdir(mode=0o700)
            write_atomic(folder.definition, raw, overwrite=False)
            fsync_dir(self._root)
        except BaseException as exc:
            # Only this call made the folder (mkdir above was exclusive), so it is ours to
            # remove entirely.
            shutil.rmtree(folder.dir, ignore_errors=True)
            if isinstance(exc, OSError):
                raise StoreError(_os_sentence(exc, action, self._root)) from None
            raise
        # A failure to record the approval (a full config folder) only means the VM asks for
        # it at its first start: never unsafe, so it does not undo the creation.
        with contextlib.suppress(OSError):
            if self.approvals is not None:
                self.approvals.created(spec, folder)
        return StoredVm(spec=spec, folder=folder, schema_version=SCHEMA_VERSION,
                        digest=_digest(raw))

    def mark_complete(self, stored: StoredVm) -> None:
        """Show a VM made with create(complete=False): its disks are all written now."""
        self._check_own_folder(stored.folder)
        try:
            for marker in leftovers.incomplete_markers(stored.folder.dir):
                marker.unlink()
            fsync_dir(stored.folder.dir)
        except OSError as exc:
            raise StoreError(_os_sentence(exc, Message(QT_TRANSLATE_NOOP("core.store",
                "create VM '{name}'"), name=shown(stored.spec.name)),
                                          stored.folder.dir)) from None

    def _check_unchanged(self, stored: StoredVm) -> bytes:
        """The bytes on disk, after making sure they are the ones `stored` came from."""
        path = stored.folder.definition
        name = shown(stored.folder.dir.name)
        try:
            current = _read_definition(path)
        except FileNotFoundError:
            raise StoreError(Message(QT_TRANSLATE_NOOP("core.store", "VM '{name}' was deleted or "
                "moved by another program: reload the list of VMs."), name=name)) from None
        except OSError as exc:
            raise StoreError(Message(QT_TRANSLATE_NOOP("core.store", "{path} cannot be read "
                "({strerror}): check its permissions."), path=shown(str(path)),
                strerror=exc.strerror)) from None
        if stored.digest is not None and _digest(current) == stored.digest:
            return current
        try:
            other, _ = parse_definition(current, source=shown(str(path)))
        except DefinitionError:
            other = None
        if other is None or other.id != stored.spec.id:
            raise StoreError(Message(QT_TRANSLATE_NOOP("core.store", "{path} now holds a "
                "different or damaged VM definition, so kvmgui will not overwrite it: reload the "
                "list of VMs."), path=shown(str(path))))
        if stored.digest is not None:
            raise StoreError(Message(QT_TRANSLATE_NOOP("core.store", "VM '{name}' was changed by "
                "another program since it was loaded: reload it and make your change again."),
                name=name))
        return current

    def save(self, stored: StoredVm) -> StoredVm:
        """Write `stored.spec` to its folder atomically; returns the StoredVm to keep using.

        Refused when the file on disk is no longer the one loaded, or belongs to another VM.
        To change the name, use rename().
        """
        folder = stored.folder
        self._check_own_folder(folder)
        if stored.spec.name != folder.dir.name:
            raise StoreError(Message(QT_TRANSLATE_NOOP("core.store", "To change the name of VM "
                "'{name}', rename it instead of saving it."), name=shown(folder.dir.name)))
        raw = self._encode(stored.spec)
        current = self._check_unchanged(stored)
        action = Message(QT_TRANSLATE_NOOP("core.store", "save VM '{name}'"),
            name=shown(stored.spec.name))
        try:
            if stored.schema_version < SCHEMA_VERSION:
                # The old file stays available for an older kvmgui or for undoing the migration.
                backup = folder.dir / f"{folder.definition.name}.v{stored.schema_version}.bak"
                with contextlib.suppress(FileExistsError):
                    write_atomic(backup, current, overwrite=False)
            remove_stale_temps(folder.definition)
            write_atomic(folder.definition, raw)
        except OSError as exc:
            raise StoreError(_os_sentence(exc, action, folder.dir)) from None
        if self.approvals is not None:
            # What this change brought in, the user did through kvmgui; what the file held
            # before keeps the approval it had or had not (core.trust).
            try:
                old, _ = parse_definition(current, source=shown(str(folder.definition)))
            except DefinitionError:
                old = None
            with contextlib.suppress(OSError):
                self.approvals.saved(old, stored.spec, folder)
        return replace(stored, schema_version=SCHEMA_VERSION, digest=_digest(raw))

    def rename(self, stored: StoredVm, new_name: str) -> StoredVm:
        """Give the VM a new name, moving its folder; paths into the folder move along.

        The runtime folder is keyed by the VM's id, so a running VM keeps its sockets; the
        caller decides whether renaming a running VM is allowed.
        """
        old = stored.folder
        self._check_own_folder(old)
        others = [n for n in self._names_in_use() if n != old.dir.name]
        problems = errors(validate_name(new_name, others))
        if problems:
            raise StoreError(problems[0].message)
        if new_name == old.dir.name:
            return self.save(replace(stored, spec=replace(stored.spec, name=new_name)))
        new = self.folder_for(new_name)
        new_spec = _relocate(replace(stored.spec, name=new_name), old.dir, new.dir)
        raw = self._encode(new_spec)
        self._check_unchanged(stored)
        if os.path.lexists(new.dir):
            raise StoreError(Message(QT_TRANSLATE_NOOP("core.store", "A folder named '{new_name}' "
                "already exists in {root}: choose another name or move that folder away."),
                new_name=shown(new_name), root=shown(str(self._root))))
        action = Message(QT_TRANSLATE_NOOP("core.store", "rename VM '{name}'"),
            name=shown(old.dir.name))
        try:
            os.rename(old.dir, new.dir)
        except OSError as exc:
            raise StoreError(_os_sentence(exc, action, self._root)) from None
        try:
            write_atomic(new.definition, raw)
            fsync_dir(self._root)
        except BaseException as exc:
            # Put the folder back: its definition still holds the old name and paths.
            with contextlib.suppress(OSError):
                os.rename(new.dir, old.dir)
            if isinstance(exc, OSError):
                raise StoreError(_os_sentence(exc, action, self._root)) from None
            raise
        return StoredVm(spec=new_spec, folder=new, schema_version=SCHEMA_VERSION,
                        digest=_digest(raw))

    def delete(self, stored: StoredVm, keep_disks: bool) -> list[Path]:
        """Remove the VM: its definition, logs and firmware state, and its disks unless kept.

        Only files inside the VM's folder are ever removed; disks elsewhere are left alone.
        Returns what is still there afterwards: kept or outside disks, and any other files
        left in the folder (the folder itself is removed when it ends up empty).
        """
        folder = stored.folder
        self._check_own_folder(folder)
        try:
            current = _read_definition(folder.definition)
        except FileNotFoundError:
            current = None  # a previous delete stopped half-way: finish it
        except OSError as exc:
            raise StoreError(Message(QT_TRANSLATE_NOOP("core.store", "{definition} cannot be read "
                "({strerror}): check its permissions."), definition=shown(str(folder.definition)),
                strerror=exc.strerror)) from None
        if current is not None:
            try:
                on_disk, _ = parse_definition(current, source=str(folder.definition))
            except DefinitionError:
                on_disk = None
            if on_disk is None or on_disk.id != stored.spec.id:
                raise StoreError(Message(QT_TRANSLATE_NOOP("core.store", "{dir} now holds another "
                    "VM, so kvmgui will not delete it: reload the list of VMs."),
                    dir=shown(str(folder.dir))))
        real_dir = os.path.realpath(folder.dir)
        action = Message(QT_TRANSLATE_NOOP("core.store", "delete VM '{name}'"),
            name=shown(folder.dir.name))
        try:
            # The definition goes first: from then on the VM is gone, even if we stop here.
            if current is not None:
                folder.definition.unlink()
                fsync_dir(folder.dir)
            self._remove_state(folder, real_dir)
            kept: list[Path] = []
            for disk in stored.spec.disks:
                for path in _disk_files(disk, folder):
                    if not keep_disks and _inside(path, real_dir) and _is_file(path):
                        path.unlink()
                    elif os.path.lexists(path) and path not in kept:
                        kept.append(path)
            leftovers = sorted(folder.dir.iterdir()) if folder.dir.is_dir() else []
            for path in leftovers:
                if path not in kept:
                    kept.append(path)
            if not leftovers:
                folder.dir.rmdir()
            fsync_dir(self._root)
        except OSError as exc:
            raise StoreError(_os_sentence(exc, action, folder.dir)) from None
        if self.approvals is not None:
            self.approvals.forget(stored.spec.id)
        return kept

    @staticmethod
    def _remove_state(folder: VmFolder, real_dir: str) -> None:
        """Logs, firmware variables, TPM state, backups and stray temp files of the VM."""
        for path in (folder.logs, folder.tpm_dir):
            if not _inside(path, real_dir):
                continue
            if path.is_symlink():
                path.unlink()
            elif path.is_dir():
                shutil.rmtree(path)
        if _inside(folder.nvram, real_dir) and _is_file(folder.nvram):
            folder.nvram.unlink()
        for marker in leftovers.incomplete_markers(folder.dir):
            marker.unlink()
        prefix = folder.definition.name
        for entry in folder.dir.iterdir():
            name = entry.name
            is_backup = name.startswith(prefix + ".v") and name.endswith(".bak")
            is_temp = name.startswith(f".{prefix}.") and name.endswith(".tmp")
            if (is_backup or is_temp) and _is_file(entry):
                entry.unlink()


def _is_file(path: Path) -> bool:
    """A regular file or a symlink (removing a link never touches its target)."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) or stat.S_ISLNK(mode)
