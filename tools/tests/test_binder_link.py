import re
import subprocess

import pytest

from rnnkit_tools import binder, paths

LINK = "https://mybinder.org/v2/gh/ada/rnn-kit/HEAD?urlpath=lab/tree/notebooks/00-start-here.ipynb"


@pytest.mark.parametrize("remote", [
    "https://github.com/ada/rnn-kit", "https://github.com/ada/rnn-kit.git", "https://github.com/ada/rnn-kit/",
    "http://github.com/ada/rnn-kit.git", "https://ada@github.com/ada/rnn-kit.git",
    "https://x-access-token:abc@github.com/ada/rnn-kit.git", "git@github.com:ada/rnn-kit.git",
    "git@github.com:ada/rnn-kit", "ssh://git@github.com/ada/rnn-kit.git", "ssh://git@github.com:22/ada/rnn-kit.git",
    "git://github.com/ada/rnn-kit.git", "  https://github.com/ada/rnn-kit.git\n",
])
def test_every_github_url_form_gives_the_same_link(remote):
    assert binder.link_for_remote(remote) == LINK


def test_a_repository_name_with_dots_keeps_them_but_loses_git():
    assert "/gh/ada/rnn.kit.v2/HEAD?" in binder.link_for_remote("git@github.com:ada/rnn.kit.v2.git")


@pytest.mark.parametrize("remote", [
    "https://gitlab.com/ada/rnn-kit.git", "git@bitbucket.org:ada/rnn-kit.git", "/srv/git/rnn-kit.git",
    "https://github.com/ada", "https://github.com.evil.example/ada/rnn-kit", "https://github.com/ada/rnn-kit/tree/main",
    "",
])
def test_a_remote_that_is_not_a_github_repository_is_named_and_refused(remote):
    with pytest.raises(binder.NoGitHubRemote) as e:
        binder.link_for_remote(remote)
    assert str(e.value).startswith(f"remote 'origin' is {remote or 'empty'}: expected a GitHub URL (https://github.com/")


def test_the_link_comes_from_the_clones_origin(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    with pytest.raises(binder.NoGitHubRemote, match="this clone has no remote 'origin'"):
        binder.origin_url(tmp_path)
    subprocess.run(["git", "-C", str(tmp_path), "remote", "add", "origin", "git@github.com:ada/rnn-kit.git"], check=True)
    assert binder.link_for_remote(binder.origin_url(tmp_path)) == LINK


def test_the_readme_badge_is_the_kits_link_and_opens_a_start_page_that_exists():
    readme = (paths.REPO / "README.md").read_text(encoding="utf-8")
    badge = re.search(r"\(https://mybinder\.org/v2/gh/([^/]+)/([^/]+)/HEAD\?[^)]*\)", readme)
    assert badge, "no Binder badge in the README"
    assert badge.group(0)[1:-1] == binder.link(badge.group(1), badge.group(2))
    assert (paths.REPO / binder.START_PATH).exists()
