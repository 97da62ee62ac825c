"""libvirt's test driver (no daemon) on a private node file, for fast tests of libvirt code:
`node_uri(tmp_path, NODE)` is the URI to open. Each open reads the file anew (the state one
connection changes is not seen by the next); test:///default would be shared by the whole
process."""

from __future__ import annotations

from pathlib import Path

# A host to create VMs on: a VM named web, the default pool holding an ISO image, and an
# empty second pool.
HOST_WITH_ISO = """<node>
  <domain type='test'>
    <name>web</name>
    <memory unit='MiB'>1024</memory>
    <os><type>hvm</type></os>
  </domain>
  <pool type='dir'>
    <name>default</name>
    <target><path>/var/lib/libvirt/images</path></target>
    <volume>
      <name>debian-12.iso</name>
      <capacity unit='MiB'>20</capacity>
      <target><path>/var/lib/libvirt/images/debian-12.iso</path><format type='iso'/></target>
    </volume>
  </pool>
  <pool type='dir'>
    <name>fast</name>
    <target><path>/srv/fast</path></target>
  </pool>
</node>
"""


def node_uri(folder: Path, node: str) -> str:
    """The test driver's URI of a node file holding `node`, written into `folder`."""
    path = folder / "node.xml"
    path.write_text(node)
    return f"test://{path}"
