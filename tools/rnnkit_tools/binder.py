"""`./kit binder-link`: the mybinder.org link of this clone, from its GitHub remote, opening JupyterLab at the
start page, so nobody writes OWNER/REPO by hand. (No syntax newer than Python 3.6: it needs no Jupyter.)"""
import re
import subprocess

from . import paths

START_PATH = "notebooks/" + paths.START_PAGE
URL_FORMS = "https://github.com/OWNER/REPO(.git), git@github.com:OWNER/REPO.git or ssh://git@github.com/OWNER/REPO.git"
GITHUB = re.compile(
    r"^(?:https?://(?:[^@/]+@)?(?:www\.)?github\.com/"    # https://github.com/… (with user@ if a token or name)
    r"|(?:ssh|git\+ssh)://git@github\.com(?::\d+)?/"     # ssh://git@github.com[:port]/…
    r"|git@github\.com:"                                  # scp-like git@github.com:…
    r"|git://github\.com/)"
    r"(?P<owner>[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)/(?P<repo>[A-Za-z0-9._-]+?)(?:\.git)?/?$")


class NoGitHubRemote(ValueError):
    """The clone has no remote that Binder's gh/ links can name."""


def link(owner: str, repo: str, ref: str = "HEAD") -> str:
    return "https://mybinder.org/v2/gh/{}/{}/{}?urlpath=lab/tree/{}".format(owner, repo, ref, START_PATH)


def link_for_remote(url: str) -> str:
    found = GITHUB.match(url.strip())
    if not found:
        raise NoGitHubRemote("remote 'origin' is {}: expected a GitHub URL ({}); Binder's links name a GitHub "
                             "repository.".format(url.strip() or "empty", URL_FORMS))
    return link(found.group("owner"), found.group("repo"))


def origin_url(repo=paths.REPO) -> str:
    run = subprocess.run(["git", "remote", "get-url", "origin"], cwd=str(repo), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, universal_newlines=True)
    if run.returncode != 0:
        raise NoGitHubRemote("this clone has no remote 'origin' ({}). Push it to GitHub and add it: git remote add "
                             "origin https://github.com/OWNER/REPO.git".format(run.stderr.strip() or "git failed"))
    return run.stdout.strip()
