"""`./kit lab`: JupyterLab 4, or Notebook 7 with --classic, on 127.0.0.1, opening the start page."""
import http.cookiejar
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

from rnnkit_tools import lab, paths
from rnnkit_tools.browser import free_port


def test_lab_is_jupyterlab_and_classic_is_the_notebook():
    assert lab.app_module(sys.executable, classic=False) == "jupyterlab"
    assert lab.app_module(sys.executable, classic=True) == "notebook"


def test_a_python_without_any_jupyter_ui_is_refused_by_name(tmp_path):
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(tmp_path / "bare")], check=True)
    python = str(tmp_path / "bare" / "bin" / "python")
    with pytest.raises(SystemExit, match=f"kit: {re.escape(python)} has neither JupyterLab nor Jupyter Notebook"):
        lab.app_module(python, classic=False)


def test_lab_listens_on_localhost_rooted_at_the_notebooks_and_opens_the_start_page():
    argv = lab.lab_argv("/venv/bin/python", "jupyterlab", ["--no-browser"])
    assert argv[:5] == ["/venv/bin/python", "-m", "jupyterlab", "--ip=127.0.0.1", f"--notebook-dir={paths.NOTEBOOKS}"]
    assert argv[5:] == ["--no-browser", paths.START_PAGE]
    assert "--allow-root" in lab.lab_argv("/venv/bin/python", "jupyterlab", [], root=True)


def opened_url(log, process, timeout=120):
    """The address the server asked the 'browser' to open (a redirect page it writes, or the URL)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if log.exists() and log.read_text().strip():
            target = log.read_text().split()[0].removeprefix("file://")
            if target.startswith("http"):
                return target
            return re.search(r'href="([^"]+)"', open(target).read()).group(1)
        time.sleep(0.3)
    raise AssertionError(f"no page was opened within {timeout} s (exit {process.poll()})")


@pytest.mark.parametrize("flags, page_path, app, major", [
    ([], "/lab/tree/00-start-here.ipynb", "JupyterLab", "4"),
    (["--classic"], "/notebooks/00-start-here.ipynb", "Jupyter Notebook", "7"),
])
def test_kit_lab_serves_the_lessons_and_opens_the_start_page(tmp_path, flags, page_path, app, major):
    browser, opened = tmp_path / "browser.sh", tmp_path / "opened.txt"
    browser.write_text(f'#!/bin/sh\necho "$1" > {opened}\n')
    browser.chmod(0o755)
    port, token = free_port(), "kit-lab-test"
    env = {**os.environ, "BROWSER": str(browser), "JUPYTER_TOKEN": token}
    server = subprocess.Popen([str(paths.REPO / "kit"), "lab", *flags, f"--port={port}"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        url = opened_url(opened, server)
        assert url.startswith(f"http://127.0.0.1:{port}/")
        browser_like = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        with browser_like.open(url, timeout=30) as page:
            html = page.read().decode()
            assert page.url.split("?")[0] == f"http://127.0.0.1:{port}{page_path}"
        assert f'"appName": "{app}"' in html and f'"appVersion": "{major}.' in html
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents?token={token}", timeout=30) as listing:
            served = {item["name"] for item in json.load(listing)["content"]}
        assert {p.name for p in paths.lessons()} <= served
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
