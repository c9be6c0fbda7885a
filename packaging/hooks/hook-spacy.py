"""spaCy for Tagdesk: everything spacy.blank("en") and spancat training need.

Replaces pyinstaller-hooks-contrib's hook-spacy (user hooks take priority), which
bundles every language and the test suite. spaCy finds its languages, factories and
architectures at run time (importlib, catalogue registries), so PyInstaller cannot
see them: collect every submodule except the tests and the languages other than
English, and the config files beside the code.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

# spacy.lang.<x> modules shared by every language, plus English itself.
KEEP_LANG = {"en", "char_classes", "lex_attrs", "norm_exceptions", "punctuation", "tokenizer_exceptions"}


def wanted(name: str) -> bool:
    parts = name.split(".")
    if "tests" in parts:
        return False
    return not (len(parts) > 2 and parts[1] == "lang" and parts[2] not in KEEP_LANG)


hiddenimports = collect_submodules("spacy", filter=wanted)
hiddenimports += collect_submodules("spacy_legacy") + collect_submodules("spacy_loggers")
datas = collect_data_files("spacy", excludes=["**/tests/**", "lang/**", "**/*.pyx", "**/*.pxd", "**/*.h",
                                               "**/*.cpp", "**/*.pyi"])
# catalogue reads registered functions from entry points (spacy_architectures,
# spacy_loggers, thinc_layers, ...), which live in the distributions' metadata.
for dist in ("spacy", "spacy-legacy", "spacy-loggers", "thinc", "catalogue", "confection", "srsly"):
    datas += copy_metadata(dist)
