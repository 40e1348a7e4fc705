"""An editorial newsletter turned into what is shown: the public archive page and the email (HTML with
inline styles and plain text). Picked pages and events appear only while the public can see them (live,
not restricted): a draft or private page picked by mistake is left out, never leaked."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from wagtail.rich_text import expand_db_html

from core.public_url import public_url, to_public
from core.sanitize import clean_html
from search.indexables import html_to_text


@dataclass
class Entry:
    title: str
    url: str
    summary: str
    label: str = ""


RELATIVE_HREF = re.compile(r'href="/(?!/)')


def _page_entry(page):
    if page is None:
        return None
    page = page.specific
    if not page.live or page.get_view_restrictions().exists():
        return None
    summary = getattr(page, "summary", "") or html_to_text(getattr(page, "introduction", ""))
    label = (
        page.get_kind_display() if hasattr(page, "get_kind_display") else page._meta.verbose_name
    )
    return Entry(page.title, to_public(page.get_url() or "/"), summary, str(label).capitalize())


def _event_entry(event):
    if event is None or not event.live:
        return None
    return Entry(
        event.title, to_public(event.get_absolute_url()), event.summary, event.get_kind_display()
    )


def rich_text(value):
    """Editor's rich text made safe and absolute (emails have no base URL)."""
    html = clean_html(expand_db_html(value.source if hasattr(value, "source") else str(value)))
    return RELATIVE_HREF.sub(f'href="{public_url("/")}', html)


def resolve(issue):
    """The issue's blocks as plain data: [{"type", "html"/"entry"/"entries", "heading", "text"}]."""
    blocks = []
    for block in issue.body:
        if block.block_type == "text":
            html = rich_text(block.value)
            blocks.append({"type": "text", "html": html, "text": html_to_text(html)})
        elif block.block_type == "featured":
            entry = _page_entry(block.value["page"])
            if entry:
                blocks.append({"type": "featured", "entry": entry, "text": block.value["text"]})
        elif block.block_type == "pages":
            entries = [e for e in map(_page_entry, block.value["pages"]) if e]
            if entries:
                blocks.append(
                    {"type": "list", "heading": block.value["heading"], "entries": entries}
                )
        elif block.block_type == "events":
            entries = [e for e in map(_event_entry, block.value["events"]) if e]
            if entries:
                blocks.append(
                    {"type": "list", "heading": block.value["heading"], "entries": entries}
                )
    return blocks


def render_issue_content(issue):
    """(plain text, HTML fragment) of the issue, to be put in the email layout."""
    context = {
        "issue": issue,
        "blocks": resolve(issue),
        "archive_url": public_url(issue.get_absolute_url()),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    return (
        render_to_string("newsletter/email/issue.txt", context),
        render_to_string("newsletter/email/issue.html", context),
    )


def render_issue_email(issue):
    """The whole email as a subscriber gets it (preview, test send), with the subscription page standing
    in for the subscriber's own links."""
    text, html = render_issue_content(issue)
    links = {
        "manage_url": public_url("/abonnements/"),
        "unsubscribe_url": public_url("/abonnements/"),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "subject": issue.title,
    }
    return (
        render_to_string("newsletter/email/layout.txt", {**links, "content": text}),
        render_to_string("newsletter/email/layout.html", {**links, "content": html}),
    )
