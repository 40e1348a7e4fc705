"""The one place where HTML from outside (imports, user input) is cleaned, with a documented allow-list.

Editors' rich text goes through Wagtail's own feature whitelist; everything else that may hold HTML goes
through `clean_html`. Links keep only the http, https, mailto and tel schemes: bleach decodes entities and
rejects `javascript:` and other schemes however they are obfuscated.
"""

import re

import bleach

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "strong",
        "b",
        "em",
        "i",
        "u",
        "s",
        "sub",
        "sup",
        "abbr",
        "code",
        "pre",
        "hr",
        "ul",
        "ol",
        "li",
        "blockquote",
        "h2",
        "h3",
        "h4",
        "a",
        "table",
        "caption",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
)
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title", "rel"],
    "abbr": ["title"],
    "th": ["scope", "colspan", "rowspan"],
    "td": ["colspan", "rowspan"],
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto", "tel"})

# Elements whose *content* must go too, not only their tags (bleach would keep the text of a <script>).
_DROPPED_WITH_CONTENT = re.compile(
    r"<(script|style|iframe|object|embed|template|noscript|svg|math)\b[^>]*>.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)


def clean_html(html):
    """Return `html` reduced to the allow-list: unknown tags stripped, attributes and schemes filtered."""
    if not html:
        return ""
    html = _DROPPED_WITH_CONTENT.sub("", html)
    return bleach.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    ).strip()


def linkify_text(text):
    """Plain text from a user, shown as HTML: escaped, line breaks kept, bare URLs made into safe links."""
    escaped = bleach.clean(text or "", tags=set(), strip=False)
    linked = bleach.linkify(escaped, callbacks=[_nofollow], parse_email=False)
    return clean_html("<p>" + linked.replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>")


def _nofollow(attrs, new=False):
    attrs[(None, "rel")] = "nofollow noopener"
    return attrs
