"""LaTeX in BibTeX field values, to Unicode and back.

:func:`to_unicode` turns what real ``.bib`` files contain into plain text: accents in
every spelling (``{\\'e}``, ``\\'{e}``, ``\\'e``, ``\\c{c}``, ``\\c c``, ``\\v{r}``,
``\\'{\\i}``), letters and symbols (``\\oe``, ``{\\OE}``, ``\\ss``, ``\\l``, ``\\o``,
``\\aa``…), escapes (``\\&``, ``\\%``, ``\\$``, ``\\_``…), the text ligatures of TeX (``--``
en dash, ``---`` em dash, ````` `` `````/``''`` quotes, ``~`` no-break space), font and
wrapper commands unwrapped (``\\textit{…}``, ``\\emph{…}``, ``{\\em …}``, ``\\url{…}``,
``\\href{url}{text}``), inline math with its ``$`` dropped (Greek letters and a few
symbols decoded, ``^{2}``/``_2`` to Unicode super/subscripts where they exist), and the
braces that protect case removed. An unknown command loses its name but keeps its
argument (``\\foo{bar}`` → ``bar``); callers can collect the names through ``unknown``.

No parse tree and no pylatexenc (which bibtexparser's middleware runs on every field,
taking about 80 s for 10,000 entries): one ``re.split`` on a pattern whose branches all
start with a literal character (so plain text is skipped at C speed), a dict lookup per
command (the Unicode of ``{\\'e}`` depends on nothing else, so it is computed once), then
``str.replace`` for braces, ``~`` and ``$``. Values without ``\\ { } ~ $`` or a
``--``/````` `` `````/``''`` pair are returned as they are.

:func:`to_latex` is the inverse used by the writer: non-ASCII stays UTF-8 (BibTeX 0.99
with 8-bit input, biber, pandoc and bibutils read it), only what LaTeX or BibTeX would
misread is escaped, and braces are written as ``\\textbraceleft{}``/``\\textbraceright{}``
because BibTeX counts every brace, escaped or not. ``to_unicode(to_latex(s)) == s``.
"""

from __future__ import annotations

import re
import unicodedata

NBSP = "\u00a0"
# Characters the decoder produces that its last steps (dropping braces, ``~`` to a
# no-break space, dropping ``$``) must not touch: Unicode noncharacters stand for them
# meanwhile (so a value holding U+FDD0…U+FDD3 itself would get braces, ~ or $ there).
_LBRACE, _RBRACE, _TILDE, _DOLLAR = "\ufdd0", "\ufdd1", "\ufdd2", "\ufdd3"
_RESTORE = str.maketrans({_LBRACE: "{", _RBRACE: "}", _TILDE: "~", _DOLLAR: "$"})
_PLACEHOLDER = re.compile("[\ufdd0-\ufdd3]")

# --- accents -------------------------------------------------------------------------

_SYMBOL_ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
    "=": "\u0304", ".": "\u0307",
}
_LETTER_ACCENTS = {
    "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "k": "\u0328",
    "r": "\u030a", "d": "\u0323", "b": "\u0331", "t": "\u0361", "G": "\u030f",
}
# An accent alone (``\~{}``) is the spacing character people mean by it.
_BARE_ACCENTS = {"~": _TILDE, "^": "^", "'": "´", "`": "`", '"': "¨", "=": "¯", ".": "˙"}

# --- control words -------------------------------------------------------------------

_GREEK = (
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho sigma "
    "tau upsilon phi chi psi omega")
_SYMBOLS: dict[str, str] = {
    "oe": "œ", "OE": "Œ", "ae": "æ", "AE": "Æ", "aa": "å", "AA": "Å", "o": "ø", "O": "Ø",
    "l": "ł", "L": "Ł", "ss": "ß", "SS": "ẞ", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð",
    "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ",
    "guillemotleft": "«", "guillemotright": "»", "guillemetleft": "«",
    "guillemetright": "»", "og": "«" + NBSP, "fg": NBSP + "»",
    "textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“",
    "textquotedblright": "”", "quotedblbase": "„", "quotesinglbase": "‚",
    "textendash": "–", "textemdash": "—", "ldots": "…", "dots": "…", "textellipsis": "…",
    "S": "§", "P": "¶", "textsection": "§", "textparagraph": "¶", "copyright": "©",
    "textcopyright": "©", "textregistered": "®", "texttrademark": "™", "textdegree": "°",
    "degree": "°", "euro": "€", "texteuro": "€", "EUR": "€", "pounds": "£",
    "textsterling": "£", "textyen": "¥", "textbackslash": "\\", "textasciitilde": _TILDE,
    "textasciicircum": "^", "textunderscore": "_", "textbraceleft": _LBRACE,
    "textbraceright": _RBRACE, "textbar": "|", "textless": "<", "textgreater": ">",
    "textdollar": _DOLLAR, "textperiodcentered": "·", "textbullet": "•", "textdagger": "†",
    "dag": "†", "textexclamdown": "¡", "textquestiondown": "¿", "nobreakspace": NBSP,
    "textnumero": "№", "textperthousand": "‰", "textmu": "µ", "slash": "/",
    "LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX", "times": "×", "div": "÷",
    "pm": "±", "mp": "∓", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠",
    "ne": "≠", "infty": "∞", "cdot": "·", "to": "→", "rightarrow": "→",
    "leftarrow": "←", "Rightarrow": "⇒", "sim": "∼", "approx": "≈", "equiv": "≡",
    "circ": "∘", "partial": "∂", "sum": "∑", "prod": "∏", "sqrt": "√", "in": "∈",
    "ell": "ℓ", "hbar": "ℏ", "prime": "′", "varepsilon": "ε", "vartheta": "ϑ",
    "varphi": "φ", "quad": " ", "qquad": " ", "textvisiblespace": "␣",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
    "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}
_SYMBOLS.update(zip(_GREEK.split(), "αβγδεζηθικλμνξπρστυφχψω", strict=True))
# Commands whose name goes and whose argument stays (the group's braces go later).
_UNWRAP = frozenset((
    "textit", "textbf", "textsc", "textrm", "textsf", "texttt", "textup", "textsl", "textmd",
    "textnormal", "emph", "mbox", "hbox", "text", "mathrm", "mathit", "mathbf", "mathsf",
    "mathtt", "mathcal", "mathbb", "mathnormal", "ensuremath", "uline", "underline", "enquote",
    "foreign", "textenglish", "textfrench", "textgerman", "NoCaseChange", "protect", "relax",
    "MakeUppercase", "MakeLowercase", "uppercase", "lowercase", "textsuperscript",
    "textsubscript", "up", "nolinkurl", "path", "em", "it", "bf", "sc", "rm", "sf", "tt", "sl",
    "upshape", "itshape", "bfseries", "scshape", "mdseries", "normalfont", "slshape",
    "sffamily", "rmfamily", "ttfamily", "small", "footnotesize", "scriptsize", "tiny", "large",
    "Large", "LARGE", "huge", "Huge", "normalsize", "selectlanguage", "hyphenation",
    "allowbreak", "null",
))

_SUPERSCRIPTS = str.maketrans("0123456789+-=()niedorst", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵉᵈᵒʳˢᵗ")
_SUBSCRIPTS = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
_ESCAPES = {
    "&": "&", "%": "%", "$": _DOLLAR, "#": "#", "_": "_", "{": _LBRACE, "}": _RBRACE,
    " ": " ", "\n": " ", ",": "\u202f", ";": " ", ":": " ", "!": "", "-": "", "/": "",
    "\\": " ", "@": "", "*": "", "|": "‖",
}

# Every branch starts with a literal character, so that the regex engine skips plain
# text at C speed; braces, ``~`` and ``$`` are handled afterwards by str.replace.
_TOKEN = re.compile(
    r"""\\(?:(?P<sacc>['`^"~=.])[ \t]*(?:\{[ \t]*(?P<sarg>\\[ij](?![A-Za-z])|[^{}\\\s])?"""
    r"""[ \t]*\}|(?P<sbare>\\[ij](?![A-Za-z])|[A-Za-z]))"""
    r"""|(?P<lacc>[cvuHkdbrtG])(?![A-Za-z])[ \t]*(?:\{[ \t]*(?P<larg>\\[ij](?![A-Za-z])"""
    r"""|[^{}\\\s]{1,2})?[ \t]*\}|(?P<lbare>\\[ij](?![A-Za-z])|[A-Za-z]))"""
    r"""|(?:url|nolinkurl|path)[ \t]*\{(?P<url>[^{}\x00]*)\}"""
    r"""|(?P<gone>(?:href|noopsort|cite[a-z]*)[ \t]*\{[^{}\x00]*\})"""
    r"""|(?P<word>[A-Za-z]+)[ \t\n]*"""
    r"""|(?P<sym>.))"""
    r"""|-(?P<dash>--?)|`(?P<open>`)|'(?P<close>')""",
    re.DOTALL)
# The same tokens, as one group for re.split: most tokens are then decoded by a dict
# lookup in a list comprehension rather than by a Python call per match.
_SPLIT = re.compile("(" + re.sub(r"\(\?P<\w+>", "(?:", _TOKEN.pattern) + ")", re.DOTALL)
_NEEDS_WORK = re.compile(r"[\\{}~$]|--|``|''")
_NEEDS_TOKENS = re.compile(r"\\|--|``|''")
_MATH = re.compile(r"(?<!\\)\$(?P<body>(?:[^$\\\x00]|\\[^\x00])*)(?<!\\)\$")
_SCRIPT = re.compile(r"(?P<op>[\^_])(?:\{(?P<group>[^{}\\]*)\}|(?P<one>[0-9A-Za-z+\-=]))")
_TEXT_SCRIPT = re.compile(
    r"\\text(?P<op>super|sub)script[ \t]*\{(?P<group>[^{}\\\x00]*)\}(?P<one>)")

_composed: dict[tuple[str, str], str] = {}
_decoded: dict[str, str] = {}  # a token's Unicode depends on nothing but its text


def _compose(base: str, accent: str) -> str:
    key = (base, accent)
    done = _composed.get(key)
    if done is None:
        if base in ("\\i", "\\j"):
            base = base[1]
        done = unicodedata.normalize("NFC", base[0] + accent + base[1:])
        _composed[key] = done
    return done


def _decode_token(token: str, unknown: set[str] | None) -> str:
    m = _TOKEN.fullmatch(token)
    assert m is not None  # re.split gave it as a whole token
    done = _decode_new(m, unknown)
    word = m.group("word")
    if (word is None or word in _SYMBOLS or word in _UNWRAP) and len(_decoded) < 100_000:
        _decoded[token] = done
    return done


def _decode_new(m: re.Match[str], unknown: set[str] | None) -> str:
    kind = m.lastgroup
    if kind in ("sarg", "sbare", "sacc"):
        accent, base = m.group("sacc"), m.group("sarg") or m.group("sbare")
        return _compose(base, _SYMBOL_ACCENTS[accent]) if base else _BARE_ACCENTS[accent]
    if kind in ("larg", "lbare", "lacc"):
        base = m.group("larg") or m.group("lbare")
        return _compose(base, _LETTER_ACCENTS[m.group("lacc")]) if base else ""
    if kind == "word":
        name = m.group("word")
        symbol = _SYMBOLS.get(name)
        if symbol is not None:
            return symbol
        if name not in _UNWRAP and unknown is not None:
            unknown.add(name)
        return ""
    if kind == "sym":
        char = m.group("sym")
        return _ESCAPES.get(char, char)
    if kind == "dash":
        return "—" if len(m.group("dash")) == 2 else "–"
    if kind == "open":
        return "“"
    if kind == "close":
        return "”"
    if kind == "url":
        return m.group("url").replace("~", _TILDE).replace("$", _DOLLAR)
    return ""  # \href{…}, \noopsort{…}, \cite{…}: the braced argument goes with it


def _script(m: re.Match[str]) -> str:
    text = m.group("group") if m.group("group") is not None else m.group("one")
    table = _SUPERSCRIPTS if m.group("op") in ("^", "super") else _SUBSCRIPTS
    converted = text.translate(table)
    if not text or any(a == b for a, b in zip(text, converted, strict=True)):
        return m.group(0)  # no Unicode form for some character: leave it as typed
    return converted


def _math(m: re.Match[str]) -> str:
    body = m.group("body")
    return _SCRIPT.sub(_script, body) if ("^" in body or "_" in body) else body


def to_unicode(text: str, unknown: set[str] | None = None) -> str:
    """Decode a BibTeX value; the names of unknown commands are added to ``unknown``."""
    if not _NEEDS_WORK.search(text):
        return text
    if "$" in text:
        text = _MATH.sub(_math, text)
    if "\\textsu" in text:
        text = _TEXT_SCRIPT.sub(_script, text)
    if _NEEDS_TOKENS.search(text):
        parts = _SPLIT.split(text)
        tokens = parts[1::2]
        get = _decoded.get
        decoded = [get(t) for t in tokens]
        if None in decoded:
            decoded = [_decode_token(t, unknown) if d is None else d
                       for t, d in zip(tokens, decoded, strict=True)]
        parts[1::2] = decoded
        text = "".join(parts)
    if "{" in text or "}" in text:
        text = text.replace("{", "").replace("}", "")
    if "~" in text:
        text = text.replace("~", NBSP)
    if "$" in text:
        text = text.replace("$", "")
    if _PLACEHOLDER.search(text):
        text = text.translate(_RESTORE)
    return text


# --- Unicode → LaTeX -----------------------------------------------------------------

_LATEX_SPECIALS = {
    "\\": "\\textbackslash{}", "{": "\\textbraceleft{}", "}": "\\textbraceright{}",
    "&": "\\&", "%": "\\%", "$": "\\$", "#": "\\#", "_": "\\_",
    "~": "\\textasciitilde{}", "^": "\\textasciicircum{}", NBSP: "~",
}
_ENCODE = re.compile(r"[\\{}&%$#_~^\u00a0]|-(?=-)|`(?=`)|'(?=')")
_ENCODE_CHECK = re.compile(r"[\\{}&%$#_~^\u00a0]|--|``|''")


def _encode_token(m: re.Match[str]) -> str:
    char = m.group(0)
    return _LATEX_SPECIALS.get(char) or char + "{}"  # "-{}-" keeps "--" from being a dash


def to_latex(text: str) -> str:
    """Escape ``text`` for a braced BibTeX value; the inverse of :func:`to_unicode`."""
    if not _ENCODE_CHECK.search(text):
        return text
    return _ENCODE.sub(_encode_token, text)


def protect_capitals(latex: str) -> str:
    """Brace the words of an (escaped) title that hold a capital after its first letter.

    BibTeX styles lower-case titles except their first letter; braces keep « PHARE »,
    « ESS » or « Paris » as typed. The reader drops these braces again.
    """
    words = latex.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        rest = word[1:] if i == 0 else word
        if any(c.isupper() for c in rest) and not word.startswith("{"):
            out.append("{" + word + "}")
        else:
            out.append(word)
    return " ".join(out)

