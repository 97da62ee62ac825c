from __future__ import annotations

import json
from pathlib import Path

import pytest

from kvmgui.core.connections import (
    MAX_CONNECTIONS,
    ConnectionProblem,
    SavedConnection,
    added,
    check_uri,
    default_label,
    removed,
    ssh_uri,
)
from kvmgui.core.settings import Settings, load_settings, save_settings


def test_ssh_form_makes_the_system_uri() -> None:
    assert ssh_uri("alice", "vmhost.example.org") == "qemu+ssh://alice@vmhost.example.org/system"
    assert ssh_uri(" bob ", "10.0.0.7", 2222) == "qemu+ssh://bob@10.0.0.7:2222/system"
    assert ssh_uri("root", "fe80::1", 22) == "qemu+ssh://root@[fe80::1]/system"


@pytest.mark.parametrize(
    ("user", "host", "port", "words"),
    [
        ("alice", "", 22, "computer's name"),
        ("", "host", 22, "user name"),
        ("al ice", "host", 22, "not a user name"),
        ("alice", "host;rm -rf", 22, "not a computer name"),
        ("alice", "-oProxyCommand=x", 22, "not a computer name"),
        ("alice", "host", 0, "1 to 65535"),
        ("alice", "host", 70000, "1 to 65535"),
    ],
)
def test_ssh_form_refuses(user: str, host: str, port: int, words: str) -> None:
    with pytest.raises(ConnectionProblem, match=words):
        ssh_uri(user, host, port)


@pytest.mark.parametrize(
    "uri",
    [
        "qemu:///system",
        "qemu:///session",
        "qemu+ssh://u@h/system",
        "qemu+tls://h.example/system",
        "qemu+ssh://u@h:2200/system?keyfile=/home/u/.ssh/id_ed25519",
        "test:///default",
        "test:///tmp/node.xml",
    ],
)
def test_accepted_uris(uri: str) -> None:
    assert check_uri(f" {uri} ") == uri


@pytest.mark.parametrize(
    ("uri", "words"),
    [
        ("", "Type a libvirt address"),
        ("qemu:///sys\x00tem", "invisible"),
        ("xen:///system", "not a QEMU/KVM address"),
        ("qemu+ext:///system?command=/tmp/x", "not a QEMU/KVM address"),
        ("qemu+ssh://u:secret@h/system", "never keeps a password"),
        ("qemu+ssh://u@h/system?command=/tmp/evil", "'command' is not accepted"),
        ("qemu+ssh://u@h/system?netcat=/tmp/evil", "'netcat' is not accepted"),
        ("qemu+libssh2://u@h/system?known_hosts_verify=ignore", "not accepted"),
        ("qemu+tls://h/system?no_verify=1", "'no_verify' is not accepted"),
        ("qemu+ssh:///system", "needs a computer name"),
        ("qemu+ssh://u@h/", "ends with /system"),
        ("qemu+ssh://u@h:99999/system", "1 to 65535"),
        ("qemu+ssh://u@h/system#x", "'#"),
    ],
)
def test_refused_uris(uri: str, words: str) -> None:
    with pytest.raises(ConnectionProblem, match=words):
        check_uri(uri)


def test_add_and_remove() -> None:
    saved = added((), "qemu:///system")
    saved = added(saved, "qemu+ssh://u@h/system", " Lab ")
    assert saved == (
        SavedConnection("qemu:///system"),
        SavedConnection("qemu+ssh://u@h/system", "Lab"),
    )
    with pytest.raises(ConnectionProblem, match="already in the list"):
        added(saved, "qemu:///system")
    assert removed(saved, "qemu:///system") == (SavedConnection("qemu+ssh://u@h/system", "Lab"),)
    many = tuple(SavedConnection(f"test:///n{i}") for i in range(MAX_CONNECTIONS))
    with pytest.raises(ConnectionProblem, match="at most"):
        added(many, "qemu:///system")


def test_default_label() -> None:
    assert default_label("qemu+ssh://alice@vmhost:2222/system") == "alice@vmhost"
    assert default_label("qemu+tls://vmhost/system") == "vmhost"
    assert default_label("qemu:///system") == "qemu:///system"


def test_connections_round_trip_in_the_settings_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    s = Settings(
        connections=(
            SavedConnection("qemu:///system"),
            SavedConnection("qemu+ssh://u@h/system", "Lab"),
        )
    )
    save_settings(path, s)
    assert json.loads(path.read_text())["connections"] == [
        {"uri": "qemu:///system"},
        {"uri": "qemu+ssh://u@h/system", "label": "Lab"},
    ]
    assert load_settings(path) == (s, [])


def test_hostile_connections_in_the_settings_file_are_left_out(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "connections": [
                    {"uri": "qemu+ssh://u@h/system?command=/tmp/evil"},
                    {"uri": "qemu+ssh://u:pw@h/system"},
                    {"uri": "qemu:///system", "label": "mine"},
                    {"uri": "qemu:///system"},
                    "qemu:///session",
                    {"uri": "qemu:///session", "password": "x"},
                ],
            }
        )
    )
    settings, warnings = load_settings(path)
    assert settings.connections == (SavedConnection("qemu:///system", "mine"),)
    assert len(warnings) == 5
    assert "'command' is not accepted" in warnings[0] and "password" in warnings[1]
    assert "already in the list" in warnings[2]


def test_connections_not_a_list_falls_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": 1, "connections": "qemu:///system"}))
    settings, warnings = load_settings(path)
    assert settings.connections == ()
    assert warnings == [
        "The setting 'connections' must be a list of connections, so its default (none) is used."
    ]
