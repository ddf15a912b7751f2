"""Write the English plural forms of ``seminaire_en.ts`` from the English sources.

Source strings say « %n reference(s) »; English needs « 1 reference » and « 3 references »,
and Qt picks them from a catalogue. The forms are mechanical (``(s)`` and ``(ies)``) but
for the sentences in ``SPECIAL``, where the verb or a pronoun agrees too. Forms already
written (by hand or by an earlier run) are kept. Called by ``./dev translations``.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

SPECIAL = {
    "%n file(s) of the same name already exist in {folder}:": (
        "%n file of the same name already exists in {folder}:",
        "%n files of the same name already exist in {folder}:"),
    "%n file(s) of the same name already exist:": (
        "%n file of the same name already exists:",
        "%n files of the same name already exist:"),
    "Delete %n reference(s) with their notes and files? You can undo this with Ctrl+Z.": (
        "Delete %n reference with its notes and files? You can undo this with Ctrl+Z.",
        "Delete %n references with their notes and files? You can undo this with Ctrl+Z."),
    "Unregister %n participant(s) from edition {year}: {names}?\n\n"
    "They also leave their workshops. You can undo this.": (
        "Unregister %n participant from edition {year}: {names}?\n\n"
        "They also leave their workshops. You can undo this.",
        "Unregister %n participants from edition {year}: {names}?\n\n"
        "They also leave their workshops. You can undo this."),
}


def forms(source: str) -> tuple[str, str]:
    """The singular and the plural of an English plural message."""
    if source in SPECIAL:
        return SPECIAL[source]
    one = source.replace("copy(ies)", "copy").replace("(s)", "")
    many = source.replace("copy(ies)", "copies").replace("(s)", "s")
    return one, many


def fill(path: str) -> int:
    tree = ET.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if message.get("numerus") != "yes" or translation is None:
            continue
        written = [f.text or "" for f in translation.iter("numerusform")]
        if len(written) == 2 and all(written):  # by hand, even if Linguist says unfinished
            translation.attrib.pop("type", None)
            continue
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        for form in forms(message.findtext("source", "")):
            ET.SubElement(translation, "numerusform").text = form
        translation.attrib.pop("type", None)
        filled += 1
    with open(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
    return filled


if __name__ == "__main__":
    print(f"{fill(sys.argv[1])} English plural message(s) written", file=sys.stderr)
