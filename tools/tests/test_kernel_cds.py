"""The class-data archive is retrained when what it was dumped from changes, and only then."""
import shutil

from rnnkit_tools import kernel_cds

JAVA = shutil.which("java")


def command(*options):
    return [JAVA, *options, "-javaagent:/somewhere/agent.jar", "-jar", "/somewhere/kernel.jar", "{connection_file}"]


def test_a_changed_jvm_option_changes_the_fingerprint():
    serial = kernel_cds.fingerprint(command("-Xmx1g", "-XX:+UseSerialGC"))
    g1 = kernel_cds.fingerprint(command("-Xmx1g"))
    assert serial != g1
    assert serial["options"] == ["-Xmx1g", "-XX:+UseSerialGC"]


def test_the_archive_itself_and_the_agent_are_not_options_of_the_fingerprint():
    without = kernel_cds.fingerprint(command("-Xmx1g"))
    with_archive = kernel_cds.fingerprint(command("-Xmx1g", "-XX:SharedArchiveFile=/tmp/kernel.jsa"))
    assert with_archive == without
    assert not any(o.startswith("-javaagent:") for o in without["options"])
