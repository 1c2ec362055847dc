"""Build hook: a wheel carries the top-level templates/ as hpia/templates.

The templates stay at the repository's top level, where the design puts
them and where an editable install reads them (hpia/render/resources.py);
a built package has no repository beside it, so it gets a copy.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithTemplates(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        source = Path(__file__).resolve().parent / "templates"
        target = Path(self.build_lib) / "hpia" / "templates"
        shutil.copytree(source, target, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithTemplates})
