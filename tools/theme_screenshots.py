"""Screenshots of the example site's seed article in each supported theme, for the docs.

    python tools/theme_screenshots.py [--out docs/images/themes]

Builds ``example_site`` once per theme (as ``tests/test_themes.py`` does),
serves the builds on loopback, and writes a JPEG of the article's top in
headless Chromium: ``<theme>.jpg``, and ``<theme>-dark.jpg`` for themes that
follow ``prefers-color-scheme: dark``.
"""

from __future__ import annotations

import argparse
import base64
import functools
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
THEMES = {"alabaster": False, "furo": True, "pydata_sphinx_theme": True,
          "sphinx_book_theme": True, "sphinx_rtd_theme": False}
OPTIONS = {
    "pydata_sphinx_theme": ["-D", "html_context.default_mode=auto",
                            "-D", "html_theme_options.header_links_before_dropdown=2"],
    "sphinx_book_theme": ["-D", "html_context.default_mode=auto"],
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def build(site: Path) -> None:
    for theme in THEMES:
        subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", "-D",
                        f"html_theme={theme}", *OPTIONS.get(theme, []),
                        "-d", str(site / f".doctrees-{theme}"), str(REPO / "example_site"),
                        str(site / theme)], check=True)


def shoot(site: Path, out: Path) -> list[Path]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    written = []
    try:
        for theme, dark in THEMES.items():
            for scheme in ("light", "dark") if dark else ("light",):
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                    "width": 1280, "height": 820, "deviceScaleFactor": 1, "mobile": False})
                driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [
                    {"name": "prefers-color-scheme", "value": scheme}]})
                driver.get(f"http://127.0.0.1:{server.server_address[1]}/{theme}/"
                           "articles/openai-tpu.html")
                driver.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    "document.fonts.ready.then(() => requestAnimationFrame(done));")
                shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
                    "format": "jpeg", "quality": 70,
                    "clip": {"x": 0, "y": 0, "width": 1280, "height": 820, "scale": 0.625}})
                path = out / (f"{theme}.jpg" if scheme == "light" else f"{theme}-dark.jpg")
                path.write_bytes(base64.b64decode(shot["data"]))
                written.append(path)
    finally:
        driver.quit()
        server.shutdown()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "images" / "themes")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp))
        for path in shoot(Path(tmp), args.out):
            print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)


if __name__ == "__main__":
    main()
