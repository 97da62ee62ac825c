"""libvirt's test driver on a node file of a test's own: `test:///PATH` opens the domains,
pools and networks the file describes, with state of its own at each open (test:///default
is shared by a whole process), so no test sees what another changed."""

from __future__ import annotations

from pathlib import Path


def node_uri(folder: Path, node_xml: str) -> str:
    """The test-driver URI of `node_xml` (a <node> document), written into `folder`."""
    node = folder / "node.xml"
    node.write_text(node_xml)
    return f"test://{node}"
