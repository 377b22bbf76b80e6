"""Every visible string goes through tr() and has a Korean translation."""

import re

from ui import i18n

HANGUL = re.compile("[\uac00-\ud7a3]")


def test_no_tr_call_on_a_formatted_string():
    assert i18n.dynamic_tr_calls() == [], "translate the template, then format it"


def test_every_source_string_has_a_korean_translation():
    catalog = i18n.load_catalog()
    sources = {**i18n.extract_sources(), **{t: ["datasets"] for t in i18n.builtin_texts()}}
    missing = [f"{text!r} ({where[0]})" for text, where in sources.items()
               if text not in catalog]
    assert not missing, f"{len(missing)} untranslated; run `make translations`:\n" + \
        "\n".join(missing[:20])


def test_translations_keep_placeholders():
    for source, text in i18n.load_catalog().items():
        for pattern in (r"\{[^}]*\}", r"%\d|%n"):
            assert sorted(re.findall(pattern, source)) == sorted(re.findall(pattern, text)), \
                (source, text)


def test_korean_interface_at_runtime(qapp):
    from ui.main_window import MainWindow
    translator = i18n.CatalogTranslator(i18n.load_catalog(), qapp)
    qapp.installTranslator(translator)
    try:
        window = MainWindow()
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles and all(HANGUL.search(t) for t in titles), titles
        # the built-in data set's description too (it comes from simulator.datasets)
        assert HANGUL.search(window.data_panel.description_label.text())
        window.close()
        window.deleteLater()
    finally:
        qapp.removeTranslator(translator)
