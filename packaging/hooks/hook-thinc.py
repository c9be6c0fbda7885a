"""thinc for Tagdesk: its layers and registered functions, not its tests.

Replaces pyinstaller-hooks-contrib's hook-thinc (user hooks take priority). thinc's
layers register themselves in catalogue registries when imported, which spaCy's
configs then look up by name, so every layer module must be bundled.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules


def wanted(name: str) -> bool:
    return "tests" not in name.split(".")


hiddenimports = collect_submodules("thinc", filter=wanted)
datas = collect_data_files("thinc", excludes=["**/tests/**", "**/*.pyx", "**/*.pxd", "**/*.h", "**/*.cpp",
                                               "**/*.pyi"])  # keep *.cu: read at import
